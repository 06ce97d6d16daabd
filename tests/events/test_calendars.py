"""Calendar files: "Add to calendar" for one event, and feeds to subscribe to, read back with
icalendar as a calendar app would."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from freezegun import freeze_time
from icalendar import Calendar
from wagtail.models import Locale

from events.models import EventFormat, EventPage
from members.restrictions import restrict_to_members

from .factories import make_community, make_event, make_event_index, make_venue

LONDON = ZoneInfo("Europe/London")
ONLINE = "Online: joining details are sent to people with a place"


@pytest.fixture
def index(site_tree):
    return make_event_index()


def get_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, Calendar.from_ical(response.content)


def events_by_summary(calendar):
    return {str(component["SUMMARY"]): component for component in calendar.walk("VEVENT")}


def at(*args):
    return datetime(*args, tzinfo=LONDON)


def test_an_event_page_offers_its_calendar_file(client, index):
    event = make_event(index)
    html = BeautifulSoup(client.get(event.url).content, "html.parser")
    link = html.find("a", type="text/calendar")
    assert link["href"] == f"/events/{event.pk}/calendar.ics"
    assert link.has_attr("download")
    assert link.get_text(" ", strip=True).startswith("Add to calendar")
    # The link's purpose is clear out of context too (screen readers' link lists).
    assert event.title in link.get_text()


def test_one_event_as_a_calendar_file(client, index):
    venue = make_venue()
    event = make_event(
        index,
        "What makes a good hostel?",
        start=at(2030, 3, 5, 10, 0),
        end=at(2030, 3, 5, 12, 30),
        summary="Hostel staff and residents on what makes a hostel feel safe.",
        venue=venue,
    )
    response, calendar = get_calendar(client, event.calendar_url)

    assert response["Content-Disposition"] == (
        'attachment; filename="what-makes-a-good-hostel.ics"'
    )
    assert response.content.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"\r\nEND:VCALENDAR\r\n" in response.content
    assert calendar["VERSION"] == "2.0"
    assert "Practice Development Unit" in str(calendar["PRODID"])
    (component,) = calendar.walk("VEVENT")
    url = f"http://localhost/events/{event.slug}/"
    assert str(component["UID"]) == f"event-{event.translation_key}@localhost"
    assert component["DTSTART"].dt == datetime(2030, 3, 5, 10, 0, tzinfo=UTC)
    assert component["DTEND"].dt == datetime(2030, 3, 5, 12, 30, tzinfo=UTC)
    assert b"DTSTART:20300305T100000Z" in response.content
    assert component["DTSTAMP"].dt.tzinfo is not None
    assert str(component["SUMMARY"]) == "What makes a good hostel?"
    assert str(component["DESCRIPTION"]) == (
        f"Hostel staff and residents on what makes a hostel feel safe.\n\n{url}"
    )
    assert str(component["LOCATION"]) == (
        "NCVS, Byron House, Byron House, Maid Marian Way, Nottingham, NG1 6HL"
    )
    assert str(component["URL"]) == url
    assert str(component["STATUS"]) == "CONFIRMED"


def test_online_and_hybrid_events_say_how_people_join(client, index):
    online = make_event(index, "Webinar", event_format=EventFormat.ONLINE)
    hybrid = make_event(index, "Hybrid", event_format=EventFormat.HYBRID, venue=make_venue())
    unconfirmed = make_event(index, "Somewhere", event_format=EventFormat.IN_PERSON)

    (component,) = get_calendar(client, online.calendar_url)[1].walk("VEVENT")
    assert str(component["LOCATION"]) == ONLINE

    (component,) = get_calendar(client, hybrid.calendar_url)[1].walk("VEVENT")
    assert str(component["LOCATION"]).startswith("NCVS, Byron House")
    assert "join online" in str(component["DESCRIPTION"])

    (component,) = get_calendar(client, unconfirmed.calendar_url)[1].walk("VEVENT")
    assert "to be confirmed" in str(component["LOCATION"])


def test_the_uid_survives_an_edit_and_republishing(client, index):
    with freeze_time("2029-01-10 09:00:00"):
        event = make_event(index, "Hoarding awareness", start=at(2030, 3, 5, 10, 0))
        event.save_revision().publish()
    (before,) = get_calendar(client, event.calendar_url)[1].walk("VEVENT")

    with freeze_time("2029-02-01 12:00:00"):
        event = EventPage.objects.get(pk=event.pk)
        event.title = "Hoarding: what helps"
        event.slug = "hoarding-what-helps"
        event.start = at(2030, 3, 6, 10, 0)
        event.end = at(2030, 3, 6, 12, 0)
        event.save_revision().publish()
    (after,) = get_calendar(client, event.calendar_url)[1].walk("VEVENT")

    assert str(after["UID"]) == str(before["UID"])
    assert str(after["SUMMARY"]) == "Hoarding: what helps"
    assert after["DTSTART"].dt == datetime(2030, 3, 6, 10, 0, tzinfo=UTC)
    assert "/events/hoarding-what-helps/" in str(after["URL"])
    # DTSTAMP says when the details changed, so calendar apps know which copy is newer.
    assert before["DTSTAMP"].dt == datetime(2029, 1, 10, 9, 0, tzinfo=UTC)
    assert after["DTSTAMP"].dt == datetime(2029, 2, 1, 12, 0, tzinfo=UTC)


def test_uk_clock_times_survive_both_clock_changes(client, index):
    # British Summer Time starts on 31 March 2030 and ends on 27 October 2030 (at 01:00 UTC).
    make_event(index, "Before spring forward", start=at(2030, 3, 30, 10, 0))
    make_event(index, "After spring forward", start=at(2030, 3, 31, 10, 0))
    make_event(index, "Before fall back", start=at(2030, 10, 26, 10, 0))
    make_event(index, "After fall back", start=at(2030, 10, 27, 10, 0))

    with freeze_time("2030-01-01"):
        calendar = get_calendar(client, "/events/calendar.ics")[1]
    starts = {name: event["DTSTART"].dt for name, event in events_by_summary(calendar).items()}

    assert starts == {
        "Before spring forward": datetime(2030, 3, 30, 10, 0, tzinfo=UTC),
        "After spring forward": datetime(2030, 3, 31, 9, 0, tzinfo=UTC),
        "Before fall back": datetime(2030, 10, 26, 9, 0, tzinfo=UTC),
        "After fall back": datetime(2030, 10, 27, 10, 0, tzinfo=UTC),
    }
    # Read back in London, every one is at 10:00 on its day.
    assert {start.astimezone(LONDON).hour for start in starts.values()} == {10}


def test_only_live_public_events_have_a_calendar_file(client, index, site_tree):
    draft = make_event(index, "Draft")
    draft.unpublish()
    private = make_event(index, "For members")
    restrict_to_members(private)

    for url in [
        draft.calendar_url,
        private.calendar_url,
        f"/events/{site_tree.pk}/calendar.ics",  # the home page is not an event
        "/events/987654/calendar.ics",
        "/events/99999999999999999999999999/calendar.ics",
    ]:
        assert client.get(url).status_code == 404, url


def test_the_subscribable_feed_holds_every_upcoming_event(client, index):
    now = timezone.now()
    make_event(index, "Next week", start=now + timedelta(days=7))
    make_event(index, "Started, not ended", start=now - timedelta(hours=1), hours=3)
    make_event(index, "Last week", start=now - timedelta(days=7))
    make_event(index, "Draft", start=now + timedelta(days=3)).unpublish()
    restrict_to_members(make_event(index, "Members only", start=now + timedelta(days=4)))
    elsewhere = make_event(index, "In Polish", start=now + timedelta(days=5))
    EventPage.objects.filter(pk=elsewhere.pk).update(locale=Locale.objects.get(language_code="pl"))

    response, calendar = get_calendar(client, "/events/calendar.ics")

    assert set(events_by_summary(calendar)) == {"Next week", "Started, not ended"}
    assert str(calendar["X-WR-CALNAME"]) == "Practice Development Unit events"
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT6H" in response.content.decode()
    assert "Content-Disposition" not in response


def test_each_workstream_has_its_own_feed(client, index):
    workstream, _community = make_community(workstream_title="Housing First and Homelessness")
    theirs = make_event(index, "Hostels")
    theirs.workstreams.set([workstream])
    theirs.save_revision().publish()
    make_event(index, "Something else")

    url = f"/events/workstreams/{workstream.slug}/calendar.ics"
    calendar = get_calendar(client, url)[1]

    assert set(events_by_summary(calendar)) == {"Hostels"}
    assert "Housing First and Homelessness" in str(calendar["X-WR-CALNAME"])
    for bad in ["no-such-workstream", "%00", "a%00b", "x" * 300]:
        assert client.get(f"/events/workstreams/{bad}/calendar.ics").status_code == 404
    workstream.unpublish()
    assert client.get(url).status_code == 404


def test_feeds_take_a_bounded_number_of_queries(client, index, django_assert_max_num_queries):
    venue = make_venue()
    for day in range(1, 16):
        make_event(index, f"Event {day}", start=timezone.now() + timedelta(days=day), venue=venue)
    client.get("/events/calendar.ics")  # the site's root paths are cached from here on
    with django_assert_max_num_queries(5):
        calendar = get_calendar(client, "/events/calendar.ics")[1]
    assert len(calendar.walk("VEVENT")) == 15


def test_calendars_accept_only_reading(client, index):
    event = make_event(index)
    assert client.post(event.calendar_url).status_code == 405
    assert client.head(event.calendar_url).status_code == 200


def test_each_community_of_practice_has_its_own_feed(client, index):
    _workstream, community = make_community(title="Hostel managers")
    _other_workstream, other = make_community(
        title="Peer mentors", workstream_title="Lived experience"
    )
    now = timezone.now()
    make_event(
        index, "Next meeting", start=now + timedelta(days=7), community_of_practice=community
    )
    make_event(
        index, "Last meeting", start=now - timedelta(days=7), community_of_practice=community
    )
    make_event(
        index, "Draft meeting", start=now + timedelta(days=3), community_of_practice=community
    ).unpublish()
    restrict_to_members(
        make_event(
            index,
            "Members' meeting",
            start=now + timedelta(days=4),
            community_of_practice=community,
        )
    )
    make_event(index, "Mentors meet", start=now + timedelta(days=5), community_of_practice=other)
    make_event(index, "Not a meeting", start=now + timedelta(days=6))

    url = f"/events/communities/{community.slug}/calendar.ics"
    response, calendar = get_calendar(client, url)

    assert set(events_by_summary(calendar)) == {"Next meeting"}
    assert "Hostel managers" in str(calendar["X-WR-CALNAME"])
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT6H" in response.content.decode()
    assert "max-age=900" in response["Cache-Control"]
    other_calendar = get_calendar(client, f"/events/communities/{other.slug}/calendar.ics")[1]
    assert set(events_by_summary(other_calendar)) == {"Mentors meet"}


def test_a_community_feed_is_404_unless_the_community_is_live(client, index):
    _workstream, community = make_community(title="Hostel managers")
    url = f"/events/communities/{community.slug}/calendar.ics"
    for bad in ["no-such-community", "%00", "a%00b", "x" * 300]:
        assert client.get(f"/events/communities/{bad}/calendar.ics").status_code == 404, bad
    community.unpublish()
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 405


def test_a_members_only_community_feed_holds_only_public_events(client, index):
    # Its page links the feed for the members who see it; a calendar app cannot sign in, so
    # the feed gives what listings give anyone (the title) and the community's public events.
    _workstream, community = make_community(title="Hostel managers")
    restrict_to_members(community)
    make_event(index, "Open meeting", community_of_practice=community)
    restrict_to_members(make_event(index, "Closed meeting", community_of_practice=community))

    calendar = get_calendar(client, f"/events/communities/{community.slug}/calendar.ics")[1]

    assert set(events_by_summary(calendar)) == {"Open meeting"}


def test_two_communities_with_one_slug_give_the_same_feed_every_time(client, index):
    # Slugs are unique within a workstream only: the address always means the first in the tree.
    _first_workstream, first = make_community(title="Managers")
    _second_workstream, second = make_community(title="Managers", workstream_title="Justice")
    assert first.slug == second.slug
    make_event(index, "First's meeting", community_of_practice=first)
    make_event(index, "Second's meeting", community_of_practice=second)

    for _ in range(2):
        calendar = get_calendar(client, f"/events/communities/{first.slug}/calendar.ics")[1]
        assert set(events_by_summary(calendar)) == {"First's meeting"}
