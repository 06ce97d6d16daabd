"""What's on, its filters, feeds and calendars in another language, with English fallbacks.

In Polish, an event with a live Polish translation is listed as that translation; an event that
has none is listed in its English original, labelled "English" with its words marked lang="en".
No event is ever listed twice. In English nothing changes.
"""

from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Locale, Page

from .factories import make_community, make_event, make_event_index

pytestmark = pytest.mark.django_db

ENGLISH_TAG = '<span class="tag tag--language" lang="en">English</span>'


def translate(page, title, language_code="pl", publish=True, **fields):
    """A translation of `page`, published unless `publish` is False. Untranslated pages above it
    are made as aliases of the English ones, as Wagtail does."""
    locale = Locale.objects.get(language_code=language_code)
    translated = page.copy_for_translation(locale, copy_parents=True)
    translated.title = title
    for name, value in fields.items():
        setattr(translated, name, value)
    revision = translated.save_revision()
    if publish:
        revision.publish()
    return Page.objects.get(pk=translated.pk).specific


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def cards(html, section=0):
    """(title, heading lang, summary lang, labelled English) for each card in a list."""
    found = []
    for card in html.select("section.event-list")[section].select(".card"):
        heading = card.select_one(".card__heading")
        summary = card.select_one(".card__summary")
        tag = card.select_one(".tag--language")
        found.append(
            (
                heading.get_text(strip=True),
                heading.get("lang"),
                summary.get("lang"),
                tag is not None and tag.get("lang") == "en" and tag.get_text() == "English",
            )
        )
    return found


@pytest.fixture
def index(site_tree):
    return make_event_index()


@pytest.fixture
def housing(index):
    """A workstream and a Community of Practice in it, in English (made before any translation
    of the home page, as the factory looks for the one home page)."""
    return make_community()


@pytest.fixture
def polish_index(site_tree, index):
    """The home page and the events page, translated into Polish and published."""
    translate(site_tree, "Strona główna")
    return translate(index, "Wydarzenia")


@pytest.fixture
def events(index):
    now = timezone.now()
    return {
        "translated": make_event(index, "Hostel life", start=now + timedelta(days=2)),
        "english_only": make_event(index, "Hoarding awareness", start=now + timedelta(days=4)),
        "past_english": make_event(index, "Last year's conference", start=now - timedelta(days=9)),
    }


@pytest.fixture
def polish_event(polish_index, events):
    return translate(
        events["translated"], "Życie w hostelu", summary="Jak wygląda życie w hostelu."
    )


def test_whats_on_in_polish_lists_translations_and_labels_english_originals(
    client, polish_event, events
):
    html = soup(client.get("/pl/events/"))

    assert cards(html, 0) == [
        ("Życie w hostelu", None, None, False),
        ("Hoarding awareness", "en", "en", True),
    ]
    assert cards(html, 1) == [("Last year's conference", "en", "en", True)]
    # The English original of the translated event is never listed beside its translation.
    assert "Hostel life" not in html.select_one("main").get_text()
    english_link = html.find("a", string="Hoarding awareness")["href"]
    assert english_link == events["english_only"].url


def test_whats_on_in_english_is_unchanged(client, polish_event):
    html = soup(client.get("/events/"))

    assert cards(html, 0) == [
        ("Hostel life", None, None, False),
        ("Hoarding awareness", None, None, False),
    ]
    assert ENGLISH_TAG not in client.get("/events/").content.decode()


def test_a_draft_translation_does_not_hide_its_english_original(client, polish_index, events):
    translate(events["english_only"], "Zbieractwo", publish=False)

    titles = [title for title, *_rest in cards(soup(client.get("/pl/events/")))]

    assert titles == ["Hostel life", "Hoarding awareness"]
    assert "Zbieractwo" not in client.get("/pl/events/").content.decode()


def test_an_alias_is_not_a_translation_the_english_original_is_listed_once(
    client, polish_index, events
):
    polish = Locale.objects.get(language_code="pl")
    alias = events["english_only"].copy_for_translation(polish, alias=True)
    assert alias.live and alias.alias_of_id == events["english_only"].pk

    listed = cards(soup(client.get("/pl/events/")))

    assert listed == [
        ("Hostel life", "en", "en", True),
        ("Hoarding awareness", "en", "en", True),
    ]


def test_the_month_filter_offers_months_of_english_only_events(client, polish_index, index):
    next_year = timezone.now().year + 1
    make_event(index, "Winter school", start=datetime(next_year, 1, 20, 10, tzinfo=UTC))

    html = soup(client.get("/pl/events/"))
    months = [option["value"] for option in html.select("select[name=month] option[value]")]
    assert f"{next_year}-01" in months

    filtered = soup(client.get("/pl/events/", {"month": f"{next_year}-01"}))
    assert [title for title, *_rest in cards(filtered)] == ["Winter school"]


def test_the_workstream_filter_finds_events_linked_to_any_version_of_the_workstream(
    client, housing, polish_index, index
):
    workstream, _community = housing
    polish_workstream = translate(workstream, "Mieszkalnictwo", slug="mieszkalnictwo")
    linked_in_english = make_event(index, "Housing First basics")
    linked_in_english.workstreams.set([workstream])
    linked_in_english.save_revision().publish()
    translated = make_event(index, "Tenancy sustainment")
    translated.workstreams.set([workstream])
    translated.save_revision().publish()
    polish = translate(translated, "Utrzymanie najmu")
    # A translator may link the translation to the Polish workstream itself.
    polish.workstreams.set([polish_workstream])
    polish.save_revision().publish()
    make_event(index, "Unrelated event")

    html = soup(client.get("/pl/events/", {"workstream": "mieszkalnictwo"}))

    assert sorted(title for title, *_rest in cards(html)) == [
        "Housing First basics",
        "Utrzymanie najmu",
    ]
    options = [option["value"] for option in html.select("select[name=workstream] option")]
    assert options == ["", "mieszkalnictwo"]


def test_the_polish_feed_holds_polish_titles_and_labels_english_originals(
    client, polish_event, events
):
    response = client.get("/pl/feeds/events.rss")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)

    entries = {entry.title: [tag.term for tag in entry.tags] for entry in feed.entries}
    assert set(entries) == {"Życie w hostelu", "Hoarding awareness"}
    assert "English" in entries["Hoarding awareness"]
    assert "English" not in entries["Życie w hostelu"]
    assert feed.feed.link.endswith("/pl/events/")


def test_the_polish_calendar_holds_polish_titles_and_marks_english_ones(client, polish_event):
    response = client.get("/pl/events/calendar.ics")
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)

    summaries = {
        str(component["SUMMARY"]): component["SUMMARY"].params.get("LANGUAGE")
        for component in calendar.walk("VEVENT")
    }
    assert summaries == {"Życie w hostelu": None, "Hoarding awareness": "en"}


def test_the_english_calendar_is_unchanged(client, polish_event):
    calendar = Calendar.from_ical(client.get("/events/calendar.ics").content)

    summaries = {
        str(component["SUMMARY"]): component["SUMMARY"].params.get("LANGUAGE")
        for component in calendar.walk("VEVENT")
    }
    assert summaries == {"Hostel life": None, "Hoarding awareness": None}


def test_a_polish_community_page_lists_its_meetings_in_polish_or_english(
    client, housing, polish_index, index
):
    workstream, community = housing
    translate(workstream, "Mieszkalnictwo", slug="mieszkalnictwo")
    polish_community = translate(community, "Kierownicy hosteli")
    english_meeting = make_event(
        index, "Hostel managers meet", event_type="cop_meeting", community_of_practice=community
    )
    translated_meeting = make_event(
        index,
        "Hostel managers meet again",
        start=timezone.now() + timedelta(days=20),
        event_type="cop_meeting",
        community_of_practice=community,
    )
    translate(translated_meeting, "Kolejne spotkanie kierowników")

    upcoming = [event.title for event in polish_community.upcoming_events()]

    assert upcoming == [english_meeting.title, "Kolejne spotkanie kierowników"]
    flags = [event.is_fallback for event in polish_community.upcoming_events()]
    assert flags == [True, False]
    html = client.get(polish_community.url).content.decode()
    assert ENGLISH_TAG in html


def test_the_polish_home_page_shows_the_next_events_with_english_fallbacks(client, polish_event):
    html = soup(client.get("/pl/"))
    titles = [heading.get_text(strip=True) for heading in html.select(".card--event h3")]

    assert titles == ["Życie w hostelu", "Hoarding awareness"]
    assert html.find("h3", string=None, lang="en").get_text(strip=True) == "Hoarding awareness"


def test_queries_do_not_grow_with_english_fallbacks(client, polish_index, index):
    def count_queries():
        client.get("/pl/events/")  # one-off set-up happens first
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/pl/events/")
        return len(queries), len(cards(soup(response)))

    now = timezone.now()
    make_event(index, "First", start=now + timedelta(days=1))
    few = count_queries()
    for day in range(2, 8):
        event = make_event(index, f"Event {day}", start=now + timedelta(days=day))
        if day % 2:
            translate(event, f"Wydarzenie {day}")
    many = count_queries()

    assert (few[1], many[1]) == (1, 7)
    assert many[0] == few[0]


def test_a_workstream_not_yet_in_polish_still_has_its_polish_calendar(
    client, housing, polish_index, index
):
    workstream, _community = housing
    linked = make_event(index, "Housing First basics")
    linked.workstreams.set([workstream])
    linked.save_revision().publish()
    make_event(index, "Unrelated event")

    response = client.get(f"/pl/events/workstreams/{workstream.slug}/calendar.ics")

    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Housing First basics"]
