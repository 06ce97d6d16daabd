"""schema.org Event JSON-LD on event pages, parsed back as a search engine reads it."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from events.models import EventFormat

from .factories import make_event, make_event_index, make_venue

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def index(site_tree):
    return make_event_index()


def json_ld(client, event):
    response = client.get(event.url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    scripts = html.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    # Data only, in the head; any other script is a file (the CSP forbids inline scripts).
    assert scripts[0].find_parent("head") is not None
    others = [script for script in html.find_all("script") if script not in scripts]
    assert all(script.get("src") and not script.string for script in others)
    return json.loads(scripts[0].string), response.content.decode()


def test_an_in_person_event(client, index):
    event = make_event(
        index,
        "Hoarding awareness",
        start=datetime(2030, 3, 5, 10, 0, tzinfo=LONDON),
        end=datetime(2030, 3, 5, 12, 30, tzinfo=LONDON),
        summary="What hoarding is and how to help.",
        venue=make_venue(),
    )
    data, _html = json_ld(client, event)
    url = f"http://localhost/events/{event.slug}/"
    assert data == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Hoarding awareness",
        "description": "What hoarding is and how to help.",
        "startDate": "2030-03-05T10:00:00+00:00",
        "endDate": "2030-03-05T12:30:00+00:00",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {
            "@type": "Place",
            "name": "NCVS, Byron House",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "Byron House, Maid Marian Way",
                "addressLocality": "Nottingham",
                "postalCode": "NG1 6HL",
                "addressCountry": "GB",
            },
        },
        "organizer": {
            "@type": "Organization",
            "name": "Practice Development Unit",
            "url": "http://localhost/",
        },
        "isAccessibleForFree": True,
        "url": url,
    }


def test_summer_time_dates_carry_the_summer_offset(client, index):
    event = make_event(
        index,
        start=datetime(2030, 7, 2, 10, 0, tzinfo=LONDON),
        end=datetime(2030, 7, 3, 16, 0, tzinfo=LONDON),
    )
    data, _html = json_ld(client, event)
    assert data["startDate"] == "2030-07-02T10:00:00+01:00"
    assert data["endDate"] == "2030-07-03T16:00:00+01:00"


def test_online_and_hybrid_events(client, index):
    online = make_event(index, "Webinar", event_format=EventFormat.ONLINE)
    data, _html = json_ld(client, online)
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": f"http://localhost/events/{online.slug}/",
    }

    hybrid = make_event(index, "Both", event_format=EventFormat.HYBRID, venue=make_venue())
    data, _html = json_ld(client, hybrid)
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]


def test_a_venue_not_yet_approved_is_left_out(client, index):
    venue = make_venue()
    venue.live = False
    venue.save()
    data, _html = json_ld(client, make_event(index, venue=venue))
    assert "location" not in data


def test_text_cannot_break_out_of_the_script(client, index):
    event = make_event(
        index,
        "Ending </script><script>alert(1)</script> & more",
        summary="<!-- a comment --> </SCRIPT>",
    )
    data, html = json_ld(client, event)
    assert data["name"] == "Ending </script><script>alert(1)</script> & more"
    assert data["description"] == "<!-- a comment --> </SCRIPT>"
    assert "<script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html
