"""What's on: the events page's filters, through HTTP as a visitor uses them."""

from datetime import datetime, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from freezegun import freeze_time

from events.models import EventFormat, EventType

from .factories import make_community, make_event, make_event_index, make_venue

LONDON = ZoneInfo("Europe/London")


def at(*args, fold=0):
    return datetime(*args, tzinfo=LONDON, fold=fold)


@pytest.fixture
def index(site_tree):
    return make_event_index()


@pytest.fixture
def housing(index):
    workstream, _community = make_community(workstream_title="Housing First and Homelessness")
    return workstream


def get_html(client, index, query=""):
    response = client.get(index.url + query)
    assert response.status_code == 200, f"{query!r} answered {response.status_code}"
    return BeautifulSoup(response.content, "html.parser")


def lists(html):
    """(upcoming titles, past titles) as shown."""
    upcoming, past = html.select("section.event-list")
    return (
        [h.get_text(strip=True) for h in upcoming.select(".card__heading")],
        [h.get_text(strip=True) for h in past.select(".card__heading")],
    )


def in_workstream(event, workstream):
    event.workstreams.set([workstream])
    event.save_revision().publish()
    return event


def test_the_filter_form_is_a_plain_accessible_get_form(client, index, housing):
    make_event(index, "Soon")
    html = get_html(client, index)
    form = html.select_one("section.event-filters form")

    assert form["method"] == "get"
    assert form["action"] == index.url
    assert html.select_one("section.event-filters h2").get_text(strip=True) == "Filter events"
    labels = {label["for"]: label.get_text(strip=True) for label in form.find_all("label")}
    assert labels == {
        "filter-workstream": "Workstream",
        "filter-type": "Type of event",
        "filter-format": "How you take part",
        "filter-month": "Month",
    }
    for control_id in labels:
        assert form.find("select", id=control_id) is not None
    workstreams = form.find("select", id="filter-workstream")
    assert [(o["value"], o.get_text()) for o in workstreams.find_all("option")] == [
        ("", "All workstreams"),
        (housing.slug, "Housing First and Homelessness"),
    ]
    formats = form.find("select", id="filter-format").find_all("option")
    assert [o.get_text() for o in formats] == [
        "In person or online",
        "In person, including hybrid events",
        "Online, including hybrid events",
        "Hybrid events only",
    ]
    assert form.find("button", type="submit").get_text(strip=True) == "Apply filters"
    # Nothing chosen yet: no "clear" link, no summary, no notice.
    assert form.find("a", string="Clear filters") is None
    assert html.select(".event-filters__summary, .event-filters__notice") == []


def test_each_filter_narrows_both_lists(client, index, housing):
    now = timezone.now()
    venue = make_venue()
    in_workstream(make_event(index, "Housing talk", start=now + timedelta(days=3)), housing)
    in_workstream(make_event(index, "Old housing talk", start=now - timedelta(days=3)), housing)
    make_event(
        index,
        "Webinar",
        start=now + timedelta(days=4),
        event_type=EventType.WEBINAR,
        event_format=EventFormat.ONLINE,
    )
    make_event(
        index,
        "Hybrid day",
        start=now + timedelta(days=5),
        event_format=EventFormat.HYBRID,
        venue=venue,
    )
    make_event(index, "In a room", start=now + timedelta(days=6), venue=venue)

    assert lists(get_html(client, index, f"?workstream={housing.slug}")) == (
        ["Housing talk"],
        ["Old housing talk"],
    )
    assert lists(get_html(client, index, "?type=webinar")) == (["Webinar"], [])
    # Hybrid events can be joined either way, so they answer both questions.
    assert lists(get_html(client, index, "?format=online"))[0] == ["Webinar", "Hybrid day"]
    assert lists(get_html(client, index, "?format=in_person"))[0] == [
        "Housing talk",
        "Hybrid day",
        "In a room",
    ]
    assert lists(get_html(client, index, "?format=hybrid"))[0] == ["Hybrid day"]
    assert lists(get_html(client, index, "?type=webinar&format=in_person")) == ([], [])


def test_a_filtered_page_says_what_it_shows_and_keeps_the_choice(client, index, housing):
    in_workstream(make_event(index, "Housing talk"), housing)
    html = get_html(client, index, f"?workstream={housing.slug}&type=learning_event")

    chosen = html.find("select", id="filter-workstream").find("option", selected=True)
    assert chosen["value"] == housing.slug
    summary = html.select_one(".event-filters__summary").get_text(" ", strip=True)
    assert summary == "Showing events for: Housing First and Homelessness, Learning event."
    assert html.find("a", string="Clear filters")["href"] == index.url
    # The chosen workstream's calendar is offered, in the page and in its head.
    feed = f"/events/workstreams/{housing.slug}/calendar.ics"
    assert html.head.find("link", rel="alternate", type="text/calendar", href=feed)
    assert html.main.find("a", href=feed, type="text/calendar")


def test_nothing_matching_says_so(client, index):
    make_event(index, "Soon")
    html = get_html(client, index, "?type=webinar")
    assert [p.get_text(strip=True) for p in html.select(".empty-state")] == [
        "No upcoming events match your filters.",
        "No past events match your filters.",
    ]


def test_pages_of_a_filtered_list_keep_the_filters(client, index, monkeypatch):
    monkeypatch.setattr("events.models.EVENTS_PER_PAGE", 2)
    now = timezone.now()
    for day in range(1, 6):
        make_event(index, f"Webinar {day}", start=now + timedelta(days=day), event_type="webinar")
        make_event(index, f"Learning {day}", start=now + timedelta(days=day))
    html = get_html(client, index, "?type=webinar&page=2")
    assert lists(html)[0] == ["Webinar 3", "Webinar 4"]
    next_link = html.select_one("#upcoming-events a[rel=next]")["href"]
    assert next_link == "?type=webinar&page=3#upcoming-events"


@freeze_time("2030-01-15 12:00:00")
def test_months_are_uk_months_across_both_clock_changes(client, index):
    # Clocks go forward at 01:00 UTC on 31 March 2030 and back at 01:00 UTC on 27 October 2030.
    make_event(index, "Last evening of March", start=at(2030, 3, 31, 23, 30))  # 22:30 UTC
    make_event(index, "First minutes of April", start=at(2030, 4, 1, 0, 30))  # 23:30 UTC, 31 Mar
    make_event(index, "First minutes of October", start=at(2030, 10, 1, 0, 30))  # 30 Sep UTC
    make_event(index, "Last evening of October", start=at(2030, 10, 31, 23, 30))  # GMT again
    make_event(index, "First minutes of November", start=at(2030, 11, 1, 0, 30))

    def month(value):
        return lists(get_html(client, index, f"?month={value}"))[0]

    assert month("2030-03") == ["Last evening of March"]
    assert month("2030-04") == ["First minutes of April"]
    assert month("2030-09") == []
    assert month("2030-10") == ["First minutes of October", "Last evening of October"]
    assert month("2030-11") == ["First minutes of November"]

    # The month list offers the months that have events, named in words.
    options = get_html(client, index).find("select", id="filter-month").find_all("option")
    assert [(o["value"], o.get_text()) for o in options] == [
        ("", "Any month"),
        ("2030-03", "March 2030"),
        ("2030-04", "April 2030"),
        ("2030-10", "October 2030"),
        ("2030-11", "November 2030"),
    ]


def test_order_and_upcoming_follow_the_real_time_when_the_clocks_go_back(client, index):
    # On 27 October 2030 the clocks show 01:00 to 02:00 twice: first in summer time, then GMT.
    make_event(
        index,
        "Second 01:15 (GMT)",
        start=at(2030, 10, 27, 1, 15, fold=1),  # 01:15 UTC
        end=at(2030, 10, 27, 3, 0),
    )
    make_event(
        index,
        "First 01:45 (summer time)",
        start=at(2030, 10, 27, 1, 45, fold=0),  # 00:45 UTC
        end=at(2030, 10, 27, 1, 50, fold=0),  # 00:50 UTC
    )
    make_event(index, "Evening before", start=at(2030, 10, 26, 23, 0), end=at(2030, 10, 27, 0, 0))

    with freeze_time("2030-10-26 12:00:00"):
        # Soonest first, by the real moment each starts, not the clock face.
        assert lists(get_html(client, index))[0] == [
            "Evening before",
            "First 01:45 (summer time)",
            "Second 01:15 (GMT)",
        ]
    with freeze_time("2030-10-27 01:30:00"):  # 01:30 GMT, the second time round
        upcoming, past = lists(get_html(client, index))
        assert upcoming == ["Second 01:15 (GMT)"]
        # Ended at 01:50 summer time, which was 40 minutes ago: past, newest first.
        assert past == ["First 01:45 (summer time)", "Evening before"]


def test_order_and_upcoming_follow_the_real_time_when_the_clocks_go_forward(client, index):
    # On 31 March 2030 the clocks jump from 01:00 GMT to 02:00 summer time.
    make_event(index, "Early", start=at(2030, 3, 31, 0, 30), end=at(2030, 3, 31, 2, 15))  # 01:15Z
    make_event(index, "Later", start=at(2030, 3, 31, 0, 45), end=at(2030, 3, 31, 2, 45))  # 01:45Z
    with freeze_time("2030-03-31 01:30:00"):  # 02:30 summer time
        upcoming, past = lists(get_html(client, index))
    assert upcoming == ["Later"]
    assert past == ["Early"]


BAD_QUERIES = [
    "?workstream=no-such-workstream",
    "?workstream=a%00b",
    "?month=2026-13",
    "?month=2026-00",
    "?month=abc",
    "?month=2026-3",
    "?month=99999-01",
    "?month=1066-10",
    "?month=%00",
    "?month=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96-03",  # full-width digits
    "?type=abc",
    "?type=%00",
    "?format=teleport",
    "?type=webinar&type=abc",  # a repeated parameter: the last one counts
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_a_bad_filter_is_left_out_politely(client, index, housing, query):
    now = timezone.now()
    make_event(index, "Soon", start=now + timedelta(days=2))
    make_event(index, "Gone", start=now - timedelta(days=2))

    html = get_html(client, index, query)

    assert lists(html) == (["Soon"], ["Gone"])
    notice = html.select_one(".event-filters__notice").get_text(" ", strip=True)
    assert "these filters are not applied" in notice
    # The bad value is not echoed back as an error or as a chosen option.
    assert html.select(".field__error") == []
    assert html.select("section.event-filters option[selected][value!='']") == []


def test_good_filters_still_apply_beside_a_bad_one(client, index):
    make_event(index, "Webinar", event_type=EventType.WEBINAR)
    make_event(index, "Learning")
    html = get_html(client, index, "?type=webinar&month=2026-13")
    assert lists(html)[0] == ["Webinar"]
    assert "Month" in html.select_one(".event-filters__notice").get_text()
    assert "Type of event" not in html.select_one(".event-filters__notice").get_text()


@pytest.mark.parametrize(
    "query",
    [
        "?page=99999999999999999999&past_page=-1",
        "?page=%00",
        "?month[]=2026-03&type[]=webinar",
        "?" + urlencode({"workstream": "x" * 5000}),
        "?unknown=1",
    ],
)
def test_odd_links_give_the_normal_page(client, index, query):
    make_event(index, "Soon")
    assert lists(get_html(client, index, query))[0] == ["Soon"]


def test_a_real_month_without_events_is_kept_and_shows_nothing(client, index):
    make_event(index, "Soon")
    html = get_html(client, index, "?month=2099-02")
    chosen = html.find("select", id="filter-month").find("option", selected=True)
    assert (chosen["value"], chosen.get_text()) == ("2099-02", "February 2099")
    assert lists(html) == ([], [])
    assert html.select(".event-filters__notice") == []


def test_the_listing_takes_a_bounded_number_of_queries(
    client, index, housing, django_assert_max_num_queries
):
    now = timezone.now()
    venue = make_venue()
    for day in range(1, 13):
        make_event(index, f"Soon {day}", start=now + timedelta(days=day), venue=venue)
        make_event(index, f"Gone {day}", start=now - timedelta(days=day), venue=venue)
    client.get(index.url)  # site-wide records are cached from the first request
    # About twenty for the whole page, whatever the number of events: one query per event
    # would take 24 more.
    with django_assert_max_num_queries(24):
        html = get_html(client, index)
    assert len(html.select(".card--event")) == 24
    with django_assert_max_num_queries(24):
        get_html(client, index, f"?workstream={housing.slug}&month=2030-01&format=online")
