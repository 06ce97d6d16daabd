"""RSS and Atom feeds of upcoming events, read back with feedparser as a feed reader would."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from events.models import EventFormat
from members.restrictions import restrict_to_members

from .factories import make_event, make_event_index, make_venue

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def index(site_tree):
    return make_event_index()


def read_feed(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize(
    ("url", "version", "content_type"),
    [
        ("/feeds/events.rss", "rss20", "application/rss+xml"),
        ("/feeds/events.atom", "atom10", "application/atom+xml"),
    ],
)
def test_upcoming_events_feed(client, index, url, version, content_type):
    now = timezone.now()
    make_event(index, "Later", start=now + timedelta(days=20))
    soon = make_event(
        index,
        "Hoarding awareness",
        start=datetime(2030, 3, 5, 10, 0, tzinfo=LONDON),
        end=datetime(2030, 3, 5, 12, 30, tzinfo=LONDON),
        summary="What hoarding is and how to help.",
        venue=make_venue(),
    )
    soon.save_revision().publish()
    make_event(index, "Soonest", start=now + timedelta(days=1), event_format=EventFormat.ONLINE)
    make_event(index, "Last month", start=now - timedelta(days=30))
    make_event(index, "Draft", start=now + timedelta(days=2)).unpublish()
    restrict_to_members(make_event(index, "Members only", start=now + timedelta(days=3)))

    feed = read_feed(client, url, content_type)

    assert feed.version == version
    assert feed.feed.title == "PDU Hub: upcoming events"
    assert feed.feed.link == "http://localhost/events/"
    # Soonest first, upcoming and published only.
    assert [entry.title for entry in feed.entries] == ["Soonest", "Later", "Hoarding awareness"]
    entry = feed.entries[2]
    assert entry.link == f"http://localhost/events/{soon.slug}/"
    assert entry.id == f"tag:localhost,2017:event/{soon.translation_key}"
    assert entry.summary == (
        "Tuesday 5 March 2030, 10:00 to 12:30. In person: NCVS, Byron House. "
        "What hoarding is and how to help."
    )
    assert "Online" in feed.entries[0].summary
    assert [tag.term for tag in entry.tags] == ["Learning event"]


def test_the_event_pages_announce_the_feeds(client, index):
    html = BeautifulSoup(client.get(index.url).content, "html.parser")
    alternates = {
        link["type"]: link["href"] for link in html.head.find_all("link", rel="alternate")
    }
    assert alternates == {
        "application/rss+xml": "/feeds/events.rss",
        "application/atom+xml": "/feeds/events.atom",
        "text/calendar": "/events/calendar.ics",
    }
    for link in html.head.find_all("link", rel="alternate"):
        assert link["title"]
    # Visible too, for people: the calendar to subscribe to and the RSS feed.
    subscribe = html.select_one(".event-subscribe")
    assert subscribe.find("a", href="/events/calendar.ics", type="text/calendar")
    assert subscribe.find("a", href="/feeds/events.rss")


def test_an_empty_feed_is_still_a_feed(client, index):
    feed = read_feed(client, "/feeds/events.rss", "application/rss+xml")
    assert feed.entries == []


def test_feeds_take_a_bounded_number_of_queries(client, index, django_assert_max_num_queries):
    venue = make_venue()
    for day in range(1, 16):
        make_event(index, f"Event {day}", start=timezone.now() + timedelta(days=day), venue=venue)
    client.get("/feeds/events.rss")
    with django_assert_max_num_queries(8):
        feed = read_feed(client, "/feeds/events.atom", "application/atom+xml")
    assert len(feed.entries) == 15
