"""Workstream and Community of Practice pages announce their calendar feeds in <head> and offer a
visible "Subscribe to this calendar" link; both lead to a feed a calendar app can read."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from icalendar import Calendar

from .factories import make_community, make_event, make_event_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def community_and_workstream(site_tree):
    index = make_event_index()
    workstream, community = make_community(title="Hostel managers")
    meeting = make_event(
        index,
        "Hostel managers meet",
        start=timezone.now() + timedelta(days=7),
        community_of_practice=community,
    )
    meeting.workstreams.set([workstream])
    meeting.save_revision().publish()
    return workstream, community


def calendar_at(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def summaries(calendar):
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


def check_feed_is_announced_and_offered(client, page, feed_url, words):
    html = BeautifulSoup(client.get(page.url).content, "html.parser")

    [announced] = html.head.find_all("link", rel="alternate", type="text/calendar")
    assert announced["href"] == feed_url
    assert words in announced["title"]

    section = html.find(id="events-heading").find_parent("section")
    link = section.find("a", type="text/calendar")
    assert link["href"] == feed_url
    # Visible words first, then who the calendar is for, so a list of links makes sense.
    assert link.get_text(" ", strip=True).startswith("Subscribe to this calendar")
    assert words in link.find(class_="visually-hidden").get_text()
    return calendar_at(client, feed_url)


def test_a_workstream_page_offers_its_feed(client, community_and_workstream):
    workstream, _community = community_and_workstream
    feed_url = f"/events/workstreams/{workstream.slug}/calendar.ics"

    calendar = check_feed_is_announced_and_offered(client, workstream, feed_url, workstream.title)

    assert summaries(calendar) == {"Hostel managers meet"}


def test_a_community_page_offers_its_feed(client, community_and_workstream):
    _workstream, community = community_and_workstream
    feed_url = f"/events/communities/{community.slug}/calendar.ics"

    calendar = check_feed_is_announced_and_offered(client, community, feed_url, "Hostel managers")

    assert summaries(calendar) == {"Hostel managers meet"}
    assert "Hostel managers" in str(calendar["X-WR-CALNAME"])


def test_the_link_is_there_before_any_meeting_is_planned(client, site_tree):
    _workstream, community = make_community(title="Peer mentors")
    html = BeautifulSoup(client.get(community.url).content, "html.parser")
    section = html.find(id="events-heading").find_parent("section")
    assert "No upcoming meetings" in section.get_text()
    link = section.find("a", type="text/calendar")
    assert link["href"] == f"/events/communities/{community.slug}/calendar.ics"
    assert calendar_at(client, link["href"]).walk("VEVENT") == []
