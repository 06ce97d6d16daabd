"""Demo content owned by the events app: the events page, venues, past and upcoming events.

Venues, like the people in home/demo.py, are invented for the demo; their access details are
examples of what editors should write, not facts about real buildings. Upcoming events are dated
from today each time this runs, so a demo site always has something coming up; past events keep
fixed dates from the programme's history.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from .booking import Booking, BookingStatus
from .models import (
    BookingMethod,
    EventFollowUp,
    EventFormat,
    EventIndexPage,
    EventPage,
    EventSpeaker,
    EventType,
    Venue,
)

LONDON = ZoneInfo("Europe/London")

INDEX_TITLE = "Events"
INDEX_SLUG = "events"
INDEX_INTRODUCTION = (
    "Learning events, webinars and Community of Practice meetings for people who work with "
    "adults facing multiple disadvantage in Nottingham. All are free for members of the hub."
)

# key: fields
VENUES = {
    "canal_street": {
        "name": "Riverside Community Hub",
        "address": "Training Room 1\n12 Canal Street\nNottingham",
        "postcode": "NG1 7EH",
        "step_free_access": (
            "Level entrance from Canal Street with an automatic door. The training room is on "
            "the ground floor."
        ),
        "hearing_loop": True,
        "quiet_room": True,
        "toilets": (
            "An accessible toilet and two gender-neutral toilets next to the training room."
        ),
        "travel": (
            "Nottingham Station tram stop is a five-minute walk. Buses stop on Canal Street. "
            "Two Blue Badge spaces at the front; ask us to book one. Cycle racks by the entrance."
        ),
    },
    "hockley": {
        "name": "Hockley Learning Centre",
        "address": "Second floor\n3 Goose Gate\nNottingham",
        "postcode": "NG1 1FF",
        "step_free_access": (
            "Step-free entrance at the back of the building, signed from Goose Gate, with a lift "
            "to the second floor."
        ),
        "hearing_loop": True,
        "quiet_room": False,
        "toilets": "An accessible toilet on the second floor, by the lift.",
        "travel": (
            "Lace Market tram stop is a five-minute walk and Victoria bus station ten minutes. "
            "No parking on site: the nearest car park with Blue Badge spaces is on Stoney Street."
        ),
    },
    "womens_centre": {
        "name": "Meadows Women's Wellbeing Centre",
        "address": "The Garden Room\n40 Bridgeway\nNottingham",
        "postcode": "NG2 2JD",
        "step_free_access": "Everything is on the ground floor, with a ramp at the main door.",
        "hearing_loop": False,
        "quiet_room": True,
        "toilets": "An accessible toilet and women's toilets on the ground floor.",
        "travel": (
            "Meadows Embankment tram stop is a three-minute walk. Free parking for six cars, "
            "including two Blue Badge spaces. A women-only space on the day of women's events."
        ),
    },
}

ADJUSTMENTS = (
    "<p>Tell us at least a week before the event if you would like British Sign Language (BSL) "
    "interpreting, live captions, large print, a hearing loop seat or anything else that helps "
    "you take part. You do not have to explain why.</p>"
)
ONLINE_ADJUSTMENTS = (
    "<p>We switch on live captions for every online event. Tell us at least a week before if you "
    "would like BSL interpreting, the slides in advance or a phone number to join by.</p>"
)
BOOKING = (
    "<p>Free for members of the PDU hub. Places are limited, so please book and let us know if "
    "you can no longer come.</p>"
)
COP_BOOKING = (
    "<p>Open to members of this Community of Practice. New members are welcome: book and we will "
    "send you the notes from the last meeting.</p>"
)


@dataclass
class EventSpec:
    title: str
    summary: str
    start: datetime
    end: datetime
    event_type: str
    event_format: str
    body: list
    venue: str | None = None
    workstreams: list = field(default_factory=list)
    speakers: list = field(default_factory=list)  # (person key, topic)
    content_note: str = ""
    community: object = None
    booking: bool = True

    @property
    def slug(self):
        return slugify(self.title)


def _at(day, hour, minute=0):
    """A London clock time on `day`, right in summer and winter."""
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def _working_day(day):
    """`day`, or the next Tuesday, Wednesday or Thursday outside the Christmas break: the days
    events usually run, so demo dates look like a real programme."""
    while (
        day.weekday() not in (1, 2, 3)
        or (day.month, day.day) >= (12, 22)
        or (day.month == 1 and day.day <= 3)
    ):
        day += timedelta(days=1)
    return day


def _text(*paragraphs):
    return [("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))]


def past_event_specs():
    """The six earlier events the programme page names, on fixed dates."""
    return [
        EventSpec(
            title="What makes a good hostel?",
            summary=(
                "Hostel staff, managers and former residents on what makes a hostel a safe place "
                "to stay and a step towards a home."
            ),
            start=_at(date(2018, 3, 14), 10),
            end=_at(date(2018, 3, 14), 13),
            event_type=EventType.LEARNING_EVENT,
            event_format=EventFormat.IN_PERSON,
            venue="canal_street",
            workstreams=["housing-first-and-homelessness"],
            speakers=[("dan", "Chairing"), ("lee", "What helped me in hostels")],
            body=_text(
                "A morning on the rules, staffing and spaces that make hostels work for people "
                "with multiple needs, and the ones that push people back to the street.",
                "People who have lived in Nottingham hostels led the discussion alongside staff.",
            ),
        ),
        EventSpec(
            title="What is Housing First?",
            summary=(
                "An introduction to Housing First: a home first, with open-ended support, for "
                "people with the most complex needs."
            ),
            start=_at(date(2018, 6, 20), 10),
            end=_at(date(2018, 6, 20), 12, 30),
            event_type=EventType.LEARNING_EVENT,
            event_format=EventFormat.IN_PERSON,
            venue="hockley",
            workstreams=["housing-first-and-homelessness"],
            speakers=[("dan", "The Housing First principles")],
            body=_text(
                "What Housing First is, how it differs from staircase models, and what the "
                "evidence says about tenancies kept and lives changed.",
            ),
        ),
        EventSpec(
            title="Understanding Novel Psychoactive Substances (NPS)",
            summary=(
                "What Novel Psychoactive Substances (NPS) are, how they affect people, and how "
                "workers can reduce harm."
            ),
            start=_at(date(2019, 2, 12), 13, 30),
            end=_at(date(2019, 2, 12), 16),
            event_type=EventType.LEARNING_EVENT,
            event_format=EventFormat.IN_PERSON,
            venue="canal_street",
            workstreams=["substance-misuse"],
            speakers=[("imran", "NPS: effects, risks and harm reduction")],
            content_note="We talk about drug use, overdose and deaths.",
            body=_text(
                "Synthetic cannabinoids and other NPS were common in Nottingham's hostels and "
                "prisons. This session covered how they work, why people use them, and what "
                "workers can do in an emergency.",
            ),
        ),
        EventSpec(
            title="Hoarding awareness",
            summary=(
                "Understanding hoarding, and supporting people whose homes and tenancies are at "
                "risk because of it."
            ),
            start=_at(date(2019, 10, 8), 10),
            end=_at(date(2019, 10, 8), 12, 30),
            event_type=EventType.LEARNING_EVENT,
            event_format=EventFormat.IN_PERSON,
            venue="hockley",
            workstreams=["housing-first-and-homelessness", "psychologically-informed-approaches"],
            speakers=[("tom", "Working alongside people who hoard")],
            body=_text(
                "Why people hoard, how it links to trauma and loss, and how housing, health and "
                "fire services can work together without forcing a clear-out.",
            ),
        ),
        EventSpec(
            title="Implementing Psychologically Informed Environments (PIEs)",
            summary=(
                "How services build Psychologically Informed Environments (PIEs): what changes "
                "for staff, for spaces and for the people using them."
            ),
            start=_at(date(2020, 11, 17), 10),
            end=_at(date(2020, 11, 17), 11, 30),
            event_type=EventType.WEBINAR,
            event_format=EventFormat.ONLINE,
            workstreams=["psychologically-informed-approaches"],
            speakers=[("rachel", "The five parts of a PIE"), ("amira", "Chairing")],
            body=_text(
                "A webinar for managers and frontline staff starting to make their service "
                "psychologically informed, with examples from Nottingham hostels and day centres.",
            ),
        ),
        EventSpec(
            title="Women with complex needs",
            summary=(
                "Gender-informed support for women facing multiple disadvantage, and what local "
                "services are learning."
            ),
            start=_at(date(2021, 3, 8), 10),
            end=_at(date(2021, 3, 8), 12),
            event_type=EventType.WEBINAR,
            event_format=EventFormat.ONLINE,
            workstreams=["womens-complex-needs"],
            speakers=[("helen", "Gender-specific services"), ("grace", "What women told us")],
            content_note=(
                "We talk about domestic abuse, sexual violence and children being taken into care."
            ),
            body=_text(
                "Held on International Women's Day: why women's needs are often hidden, and what "
                "women-only spaces and trauma-informed support change.",
            ),
        ),
    ]


def upcoming_event_specs(today, communities):
    """Events dated from `today`, so they stay upcoming whenever the demo is loaded."""
    day_10, day_17, day_24, day_31, day_38, day_45 = (
        _working_day(today + timedelta(days=days)) for days in (10, 17, 24, 31, 38, 45)
    )
    specs = [
        EventSpec(
            title="Trauma-informed care: an introduction",
            summary=(
                "What trauma-informed care means in everyday practice, for workers new to the "
                "idea and those who want a refresher."
            ),
            start=_at(day_10, 10),
            end=_at(day_10, 12, 30),
            event_type=EventType.LEARNING_EVENT,
            event_format=EventFormat.IN_PERSON,
            venue="canal_street",
            workstreams=["psychologically-informed-approaches"],
            speakers=[("rachel", "How trauma shapes behaviour"), ("grace", "What felt safe to me")],
            content_note="We talk about childhood abuse and its effects in adult life.",
            body=_text(
                "How past trauma can show up as missed appointments, anger or withdrawal, and "
                "small changes that make services feel safer.",
                "You will leave with a short checklist to try in your own service.",
            ),
        ),
        EventSpec(
            title="Alcohol and memory: working with alcohol-related brain damage",
            summary=(
                "Spotting alcohol-related brain damage (ARBD) and adapting support for people "
                "whose memory and planning are affected."
            ),
            start=_at(day_17, 13),
            end=_at(day_17, 14, 30),
            event_type=EventType.WEBINAR,
            event_format=EventFormat.ONLINE,
            workstreams=["substance-misuse"],
            speakers=[("imran", "Recognising ARBD")],
            body=_text(
                "A lunchtime webinar on the signs of ARBD, why it is often missed, and how to get "
                "an assessment. The recording will be in the members' hub.",
            ),
        ),
        EventSpec(
            title="Co-production in practice",
            summary=(
                "Working as equals with people who use services: what co-production takes, and "
                "how to pay and support experts by experience."
            ),
            start=_at(day_24, 10),
            end=_at(day_24, 15),
            event_type=EventType.LEARNING_EVENT,
            event_format=EventFormat.HYBRID,
            venue="hockley",
            workstreams=["service-user-involvement"],
            speakers=[("grace", "Co-facilitating"), ("lee", "Co-facilitating")],
            body=_text(
                "A day designed and run with experts by experience. Join us in the room or online.",
                "Lunch is provided for people who come in person. Tell us about dietary needs.",
            ),
        ),
        EventSpec(
            title="Culturally informed practice: listening to communities",
            summary=(
                "How race, ethnicity and culture shape people's experience of services, and how "
                "to make support fit."
            ),
            start=_at(day_31, 10),
            end=_at(day_31, 11, 30),
            event_type=EventType.WEBINAR,
            event_format=EventFormat.ONLINE,
            workstreams=["race-ethnicity-and-culture"],
            speakers=[("joy", "What communities told us")],
            content_note="We talk about racism and discrimination in services.",
            body=_text(
                "Findings from conversations with community groups across Nottingham, and "
                "practical steps for teams.",
            ),
        ),
        EventSpec(
            title="Women, trauma and multiple disadvantage",
            summary=(
                "A women-only learning event on trauma-informed, gender-informed support for "
                "women with complex needs."
            ),
            start=_at(day_38, 10),
            end=_at(day_38, 13),
            event_type=EventType.LEARNING_EVENT,
            event_format=EventFormat.IN_PERSON,
            venue="womens_centre",
            workstreams=["womens-complex-needs", "psychologically-informed-approaches"],
            speakers=[("helen", "Chairing"), ("grace", "Women's voices")],
            content_note=(
                "We talk about domestic abuse, sexual violence and sex work. A quiet room is open "
                "all morning."
            ),
            body=_text(
                "For women working in any service. We look at why women are often hidden in "
                "homelessness figures and what gender-informed support looks like.",
            ),
        ),
        EventSpec(
            title="Psychologically Informed Environments: two-day practitioner course",
            summary=(
                "Two days for teams putting a Psychologically Informed Environment (PIE) in place, "
                "with time to plan changes for your own service."
            ),
            start=_at(day_45, 9, 30),
            end=_at(day_45 + timedelta(days=1), 16),
            event_type=EventType.LEARNING_EVENT,
            event_format=EventFormat.IN_PERSON,
            venue="canal_street",
            workstreams=["psychologically-informed-approaches", "housing-first-and-homelessness"],
            speakers=[("amira", "Course lead"), ("rachel", "Reflective practice")],
            body=_text(
                "Come as a team of two or three if you can. Day one covers the ideas; day two is "
                "for planning, with support from people who have done it.",
            ),
        ),
    ]
    # One meeting for each of the first two communities; a hybrid one and an online one.
    for position, community in enumerate(list(communities.values())[:2]):
        day = _working_day(today + timedelta(days=14 + 21 * position))
        specs.append(
            EventSpec(
                title=f"{community.title}: Community of Practice meeting",
                summary=(
                    f"The next meeting of the {community.title} Community of Practice: practice "
                    "questions, a short case discussion and news from members."
                ),
                start=_at(day, 14),
                end=_at(day, 16),
                event_type=EventType.COP_MEETING,
                event_format=EventFormat.HYBRID if position == 0 else EventFormat.ONLINE,
                venue="hockley" if position == 0 else None,
                community=community,
                speakers=[("dan", "Facilitating")]
                if position == 0
                else [("amira", "Facilitating")],
                body=_text(
                    "Bring a question from your practice. Members agree the agenda at the start, "
                    "and notes go to members afterwards.",
                ),
            )
        )
    return specs


# The past meeting whose notes communities.demo publishes, as it names it.
PAST_MEETING_TITLE = "PIE practitioners: September 2026 meeting"


def past_meeting_specs(communities):
    """A Community of Practice meeting that has happened, so its notes can follow it."""
    community = communities.get("pie-practitioners")
    if community is None:
        return []
    return [
        EventSpec(
            title=PAST_MEETING_TITLE,
            summary=(
                "Members of the PIE practitioners' Community of Practice on first appointments "
                "and what makes a service feel safe to walk into."
            ),
            start=_at(date(2026, 9, 15), 10),
            end=_at(date(2026, 9, 15), 12),
            event_type=EventType.COP_MEETING,
            event_format=EventFormat.ONLINE,
            community=community,
            speakers=[("amira", "Facilitating")],
            booking=False,
            body=_text(
                "An online meeting of the community: one case discussion and an update on the "
                "reflective practice groups members started in the spring.",
            ),
        )
    ]


def link_recording(events, resources, recording_slug):
    """Show the members' recording of the past PIE webinar on its event page, once."""
    event = events.get(slugify("Implementing Psychologically Informed Environments (PIEs)"))
    recording = resources.get(recording_slug)
    if event is None or recording is None:
        return
    if [follow_up.resource_id for follow_up in event.follow_ups.all()] == [recording.pk]:
        return
    event.follow_ups = [EventFollowUp(resource=recording)]
    event.save_revision().publish()


def build_venues():
    locale = Locale.get_default()
    venues = {}
    for key, fields in VENUES.items():
        venue = Venue.objects.filter(name=fields["name"], locale=locale).first()
        if venue is None:
            venue = Venue.objects.create(locale=locale, **fields)
        elif any(getattr(venue, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(venue, name, value)
            venue.save()
        venues[key] = venue
    return venues


def build_index(home):
    index = EventIndexPage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
    if index is None:
        index = home.add_child(
            instance=EventIndexPage(
                title=INDEX_TITLE, slug=INDEX_SLUG, introduction=INDEX_INTRODUCTION
            )
        )
        index.save_revision().publish()
    elif (index.title, index.introduction) != (INDEX_TITLE, INDEX_INTRODUCTION):
        index.title = INDEX_TITLE
        index.introduction = INDEX_INTRODUCTION
        index.save_revision().publish()
    return index


def _current_state(page):
    return {
        "title": page.title,
        "summary": page.summary,
        "start": page.start,
        "end": page.end,
        "event_type": page.event_type,
        "event_format": page.event_format,
        "venue_id": page.venue_id,
        "community_of_practice_id": page.community_of_practice_id,
        "content_note": page.content_note,
        "adjustments": page.adjustments,
        "booking_information": page.booking_information,
        "booking_url": page.booking_url,
        "body": [(block["type"], block["value"]) for block in page.body.raw_data],
        "speakers": [(s.person_id, s.topic) for s in page.speakers.all()],
        "workstreams": sorted(workstream.pk for workstream in page.workstreams.all()),
    }


def _wanted_state(spec, venues, people, workstreams):
    online = spec.event_format == EventFormat.ONLINE
    return {
        "title": spec.title,
        "summary": spec.summary,
        "start": spec.start,
        "end": spec.end,
        "event_type": spec.event_type,
        "event_format": spec.event_format,
        "venue_id": venues[spec.venue].pk if spec.venue else None,
        "community_of_practice_id": spec.community.pk if spec.community else None,
        "content_note": spec.content_note,
        "adjustments": ONLINE_ADJUSTMENTS if online else ADJUSTMENTS,
        "booking_information": COP_BOOKING if spec.community else BOOKING,
        "booking_url": f"https://booking.example.org/pdu/{spec.slug}" if spec.booking else "",
        "body": list(spec.body),
        "speakers": [(people[key].pk, topic) for key, topic in spec.speakers],
        "workstreams": sorted(
            workstreams[slug].pk for slug in spec.workstreams if slug in workstreams
        ),
    }


def _apply(page, wanted, workstreams):
    for name in (
        "title",
        "summary",
        "start",
        "end",
        "event_type",
        "event_format",
        "venue_id",
        "community_of_practice_id",
        "content_note",
        "adjustments",
        "booking_information",
        "booking_url",
    ):
        setattr(page, name, wanted[name])
    page.body = wanted["body"]
    # Stored in this order: PostgreSQL returns rows without one in any order it likes, and a
    # later run would see a change that is not there.
    page.speakers = [
        EventSpeaker(person_id=person_id, topic=topic, sort_order=position)
        for position, (person_id, topic) in enumerate(wanted["speakers"])
    ]
    by_pk = {workstream.pk: workstream for workstream in workstreams.values()}
    page.workstreams = [by_pk[pk] for pk in wanted["workstreams"]]


def build_event(index, spec, venues, people, workstreams):
    """Create the event, or bring it up to date; a new revision only when something changed."""
    wanted = _wanted_state(spec, venues, people, workstreams)
    page = EventPage.objects.child_of(index).filter(slug=spec.slug).first()
    if page is None:
        page = EventPage(slug=spec.slug)
        _apply(page, wanted, workstreams)
        index.add_child(instance=page)
        page.save_revision().publish()
    elif _current_state(page) != wanted:
        _apply(page, wanted, workstreams)
        page.save_revision().publish()
    return page


def build(home, people, workstreams, communities):
    """The events page, venues and events. Safe to run again: it updates, never duplicates.

    people: from home.demo.build_people(); workstreams: {slug: WorkstreamPage};
    communities: {slug: CommunityOfPracticePage}, of which the first two get a meeting.
    """
    venues = build_venues()
    index = build_index(home)
    today = timezone.localdate()
    specs = [
        *past_event_specs(),
        *past_meeting_specs(communities),
        *upcoming_event_specs(today, communities),
    ]
    events = {spec.slug: build_event(index, spec, venues, people, workstreams) for spec in specs}
    build_bookings(events.values())
    return {"index": index, "events": events}


DEMO_JOINING_URL = "https://meet.example.org/pdu-demo"
DEMO_MEMBER_EMAIL = "member@example.org"


def make_bookable(page, **settings):
    """Book on this site, with `settings`; a new revision only when something changed."""
    wanted = {"booking_method": BookingMethod.HERE, **settings}
    if any(getattr(page, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(page, name, value)
        page.save_revision().publish()


def build_bookings(events):
    """Two upcoming events booked on this site (one online, one in person with 3 places), and a
    booking for the demo member."""
    from django.contrib.auth import get_user_model

    now = timezone.now()
    upcoming = sorted((event for event in events if event.start > now), key=lambda e: e.start)
    online = next((e for e in upcoming if e.event_format == EventFormat.ONLINE), None)
    in_person = next((e for e in upcoming if e.event_format == EventFormat.IN_PERSON), None)
    if online is not None:
        make_bookable(online, capacity=40, joining_url=DEMO_JOINING_URL)
    if in_person is not None:
        make_bookable(in_person, capacity=3, joining_url="")
    member = get_user_model().objects.filter(email=DEMO_MEMBER_EMAIL).first()
    if member is None or online is None:
        return
    if not Booking.objects.active().filter(event=online, user=member).exists():
        Booking.objects.create(event=online, user=member, status=BookingStatus.CONFIRMED)
