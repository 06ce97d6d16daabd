"""Test data for the events app: plain functions that build the smallest valid pages."""

from datetime import timedelta

from django.utils import timezone

from events.models import EventFollowUp, EventIndexPage, EventPage, EventSpeaker, Venue
from home.models import Person
from tests.site_tree import english_home
from workstreams.models import CommunityOfPracticePage, WorkstreamIndexPage, WorkstreamPage


def home_page():
    return english_home()


def make_event_index(parent=None, **fields):
    parent = parent or home_page()
    fields.setdefault("title", "Events")
    fields.setdefault("slug", "events")
    return parent.add_child(instance=EventIndexPage(**fields))


def make_venue(**fields):
    fields = {
        "name": "NCVS, Byron House",
        "address": "Byron House\nMaid Marian Way\nNottingham",
        "postcode": "NG1 6HL",
        "step_free_access": "Level entrance on Maid Marian Way and a lift to every floor.",
        "hearing_loop": True,
        "quiet_room": True,
        "toilets": "Accessible, gender-neutral toilet on the ground floor.",
        "travel": "Old Market Square tram stop is a five-minute walk.",
        **fields,
    }
    return Venue.objects.create(**fields)


def make_person(name="Amira Hussain", **fields):
    return Person.objects.create(name=name, **fields)


def make_event(index, title="What makes a good hostel?", start=None, hours=2, **fields):
    """An event under `index`. Without `start`, it begins ten days from now.

    `speakers` is a list of (person, topic); `follow_ups` a list of library resource pages.
    """
    start = start or timezone.now() + timedelta(days=10)
    fields.setdefault("end", start + timedelta(hours=hours))
    fields.setdefault("summary", f"A learning event: {title}")
    fields.setdefault("body", [("paragraph", "<p>What the event covers.</p>")])
    speakers = fields.pop("speakers", [])
    follow_ups = fields.pop("follow_ups", [])
    event = EventPage(title=title, start=start, **fields)
    event.speakers = [EventSpeaker(person=person, topic=topic) for person, topic in speakers]
    event.follow_ups = [EventFollowUp(resource=resource) for resource in follow_ups]
    return index.add_child(instance=event)


def make_community(title="Hostel managers", workstream_title="Housing First and Homelessness"):
    """A Community of Practice with the workstream index and workstream it lives under."""
    home = home_page()
    workstream_index = WorkstreamIndexPage.objects.child_of(home).first() or home.add_child(
        instance=WorkstreamIndexPage(title="Workstreams", slug="workstreams")
    )
    workstream = workstream_index.add_child(
        instance=WorkstreamPage(
            title=workstream_title,
            summary="Housing and homelessness.",
            what_it_covers="<p>Hostels and Housing First.</p>",
            who_it_is_for="<p>Housing workers.</p>",
        )
    )
    community = workstream.add_child(
        instance=CommunityOfPracticePage(
            title=title,
            summary="Hostel managers learning together.",
            purpose="<p>Sharing what works.</p>",
            who_it_is_for="<p>Hostel managers.</p>",
            meeting_pattern="Every other month, online",
            how_to_join="<p>Email the team.</p>",
        )
    )
    return workstream, community


def event_form_data(**fields):
    """What the admin's EventPage form posts, with the StreamField and inline panels built the
    way the admin's JavaScript builds them. Pass fields to override; `speakers` is a list of
    (person, topic), `follow_ups` a list of resource pages and `workstreams` a list of page ids."""
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    speakers = fields.pop("speakers", [])
    follow_ups = fields.pop("follow_ups", [])
    # nested_form_data would flatten a list into workstreams-0, workstreams-1...; a multiple
    # select posts the name once per choice, so it is added afterwards.
    workstreams = fields.pop("workstreams", [])
    data = {
        "title": "What makes a good hostel?",
        "slug": "what-makes-a-good-hostel",
        "summary": "Hostel staff and residents on what makes a hostel feel safe.",
        "start": "2030-03-05 10:00",
        "end": "2030-03-05 12:30",
        "event_type": "learning_event",
        "event_format": "in_person",
        "venue": "",
        "community_of_practice": "",
        "content_note": "",
        "body": streamfield(
            [("paragraph", rich_text("<p>We look at hostel rules, staffing and space.</p>"))]
        ),
        "speakers": inline_formset(
            [{"person": person.pk, "topic": topic} for person, topic in speakers]
        ),
        "follow_ups": inline_formset([{"resource": page.pk} for page in follow_ups]),
        "booking_information": rich_text("<p>Free for members of the hub.</p>"),
        "booking_url": "",
        "booking_method": "none",
        "capacity": "",
        "booking_closes_at": "",
        "waiting_list": "on",
        "joining_url": "",
        "cancellation_note": "",
        "adjustments": rich_text(""),
        **fields,
    }
    return {**nested_form_data(data), "workstreams": workstreams}
