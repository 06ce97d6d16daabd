from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import Revision

from events import demo
from events.listings import past_events, upcoming_events
from events.models import EventFormat, EventIndexPage, EventPage, EventType, Venue
from home.demo import build_people
from workstreams.models import CommunityOfPracticePage, WorkstreamIndexPage, WorkstreamPage

from .factories import home_page

pytestmark = pytest.mark.django_db

WORKSTREAM_SLUGS = [
    "psychologically-informed-approaches",
    "service-user-involvement",
    "housing-first-and-homelessness",
    "womens-complex-needs",
    "substance-misuse",
    "race-ethnicity-and-culture",
]
SEED_EVENTS = [
    "What makes a good hostel?",
    "What is Housing First?",
    "Understanding Novel Psychoactive Substances (NPS)",
    "Hoarding awareness",
    "Implementing Psychologically Informed Environments (PIEs)",
    "Women with complex needs",
]


@pytest.fixture
def inputs():
    """What the demo loader hands to events.demo.build, made here rather than by other apps."""
    home = home_page()
    index = home.add_child(instance=WorkstreamIndexPage(title="Workstreams", slug="workstreams"))
    workstreams = {
        slug: index.add_child(
            instance=WorkstreamPage(
                title=slug.replace("-", " ").capitalize(),
                slug=slug,
                summary="A workstream.",
                what_it_covers="<p>Practice.</p>",
                who_it_is_for="<p>Workers.</p>",
            )
        )
        for slug in WORKSTREAM_SLUGS
    }
    communities = {
        slug: workstreams[parent].add_child(
            instance=CommunityOfPracticePage(
                title=title,
                slug=slug,
                summary="A community.",
                purpose="<p>Learning together.</p>",
                who_it_is_for="<p>Workers.</p>",
                meeting_pattern="Every other month",
                how_to_join="<p>Email us.</p>",
            )
        )
        for slug, title, parent in [
            ("hostel-managers", "Hostel managers", "housing-first-and-homelessness"),
            ("pie-leads", "PIE leads", "psychologically-informed-approaches"),
        ]
    }
    return {
        "home": home,
        "people": build_people(),
        "workstreams": workstreams,
        "communities": communities,
    }


def snapshot():
    return (
        EventIndexPage.objects.count(),
        EventPage.objects.count(),
        Venue.objects.count(),
        Revision.objects.count(),
    )


def test_builds_the_events_page_with_past_and_upcoming_events(inputs, client):
    result = demo.build(**inputs)

    index = result["index"]
    assert (index.title, index.slug, index.live) == ("Events", "events", True)
    assert index.get_parent().pk == inputs["home"].pk
    assert set(result["events"]) == set(EventPage.objects.values_list("slug", flat=True))
    assert all(event.live for event in result["events"].values())

    past = list(past_events())
    upcoming = list(upcoming_events())
    assert sorted(e.title for e in past) == sorted(SEED_EVENTS)
    assert len(upcoming) >= 6
    assert {e.event_type for e in upcoming} == set(EventType.values)
    assert {e.event_format for e in upcoming} == set(EventFormat.values)

    meetings = [e for e in upcoming if e.event_type == EventType.COP_MEETING]
    assert {e.community_of_practice for e in meetings} == set(inputs["communities"].values())
    for event in past + upcoming:
        assert event.speakers.exists(), event.title
        assert event.adjustments and event.booking_information, event.title
        if event.event_format != EventFormat.ONLINE:
            assert event.venue is not None, event.title
    assert any(e.content_note for e in upcoming)
    # Every workstream has at least one event.
    linked = {w.slug for e in past + upcoming for w in e.workstreams.all()}
    assert linked == set(WORKSTREAM_SLUGS)

    response = client.get(index.url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert len(html.select(".card--event")) == len(past) + len(upcoming)
    for event in result["events"].values():
        assert client.get(event.url).status_code == 200, event.title


def test_venues_have_full_access_information(inputs):
    demo.build(**inputs)
    venues = Venue.objects.all()
    assert 2 <= venues.count() <= 3
    for venue in venues:
        assert venue.address and venue.postcode.startswith("NG")
        assert venue.step_free_access and venue.toilets and venue.travel


def test_upcoming_events_are_at_london_clock_times_from_today(inputs):
    result = demo.build(**inputs)
    today = timezone.localdate()
    for event in upcoming_events():
        start = timezone.localtime(event.start)
        assert start.date() > today
        assert 9 <= start.hour <= 14, event.title
        # On a Tuesday, Wednesday or Thursday, like the programme's real events.
        assert start.weekday() in (1, 2, 3), event.title
    first = timezone.localtime(result["events"]["trauma-informed-care-an-introduction"].start)
    assert today + timedelta(days=10) <= first.date() <= today + timedelta(days=24)
    assert first.strftime("%H:%M") == "10:00"


def test_running_it_again_adds_nothing(inputs):
    first = demo.build(**inputs)
    counts = snapshot()

    second = demo.build(**inputs)

    assert snapshot() == counts
    assert second["index"].pk == first["index"].pk
    assert {s: e.pk for s, e in second["events"].items()} == {
        s: e.pk for s, e in first["events"].items()
    }


def test_a_later_run_moves_upcoming_events_on_and_leaves_past_ones(inputs):
    demo.build(**inputs)
    upcoming_before = {e.slug: e.start for e in upcoming_events()}
    past_before = {e.slug: e.start for e in past_events()}

    with freeze_time(timezone.now() + timedelta(days=60)):
        demo.build(**inputs)
        upcoming_after = {e.slug: e.start for e in upcoming_events()}
        past_after = {e.slug: e.start for e in past_events()}

    assert set(upcoming_after) == set(upcoming_before)
    for slug, before in upcoming_before.items():
        before, after = timezone.localtime(before), timezone.localtime(upcoming_after[slug])
        # Moved on about sixty days, at the same London clock time, even across a change to or
        # from British Summer Time.
        assert timedelta(days=40) <= after.date() - before.date() <= timedelta(days=80)
        assert after.time() == before.time()
    assert past_after == past_before
    assert EventPage.objects.count() == len(upcoming_before) + len(past_before)


def test_restores_demo_content_an_editor_changed(inputs):
    result = demo.build(**inputs)
    event = result["events"]["hoarding-awareness"]
    event.summary = "Changed by an editor."
    event.speakers = []
    event.save_revision().publish()

    demo.build(**inputs)

    event = EventPage.objects.get(pk=event.pk)
    assert event.summary != "Changed by an editor."
    assert [s.person.name for s in event.speakers.all()] == ["Tom Reid"]
