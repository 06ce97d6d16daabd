"""Lists in the reader's language with English fallbacks (home/localised.py), as visitors see them
on the home page, workstream pages, the resource library and its feed.

In Polish, a page with a live Polish translation is listed as that translation; a page without
one is listed in its English original, labelled "English" with lang="en" on its words. Nothing is
listed twice, and facets count each resource once. In English nothing changes.
"""

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from home.localised import flag_fallbacks, in_language, linked_to, mark_fallbacks
from library.models import ResourcePage, ResourceType, Topic
from tests.events.factories import make_event, make_event_index
from tests.library.factories import (
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    TopicFactory,
    WorkstreamIndexPageFactory,
    WorkstreamPageFactory,
)

pytestmark = pytest.mark.django_db

ENGLISH_TAG = '<span class="tag tag--language" lang="en">English</span>'


def polish():
    return Locale.objects.get(language_code="pl")


def translate(page, title, publish=True, **fields):
    """A Polish translation of `page`, published unless `publish` is False. Untranslated pages
    above it are made as aliases of the English ones, as Wagtail does."""
    translated = page.copy_for_translation(polish(), copy_parents=True)
    translated.title = title
    for name, value in fields.items():
        setattr(translated, name, value)
    revision = translated.save_revision()
    if publish:
        revision.publish()
    return Page.objects.get(pk=translated.pk).specific


def translate_term(term, name):
    """A live Polish translation of a vocabulary term (a snippet)."""
    translated = term.copy_for_translation(polish())
    translated.name = name
    translated.save()
    return translated


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def resource_cards(html):
    """(title, heading lang, summary lang, labelled English) for each resource card."""
    found = []
    for card in html.select(".card--resource"):
        heading = card.select_one(".card__heading")
        tag = card.select_one(".tag--language")
        found.append(
            (
                heading.get_text(strip=True),
                heading.get("lang"),
                card.select_one(".card__summary").get("lang"),
                tag is not None and tag.get("lang") == "en" and tag.get_text() == "English",
            )
        )
    return found


def facet_counts(html, name):
    """{option label: (count, label's lang)} for one checkbox facet."""
    counts = {}
    for box in html.select(f"#library-search input[name={name}]"):
        label = html.select_one(f"label[for={box['id']}]")
        text, count = label.get_text(" ", strip=True).rsplit(" (", 1)
        marked = label.find("span", lang="en")
        counts[text] = (int(count.split()[0].rstrip(")")), "en" if marked else None)
    return counts


# The helper itself --------------------------------------------------------------------------


@pytest.fixture
def library(site_tree):
    return ResourceIndexPageFactory(parent=site_tree)


def test_in_language_keeps_translations_and_untranslated_originals_once(site_tree, library):
    translate(site_tree, "Strona główna")
    translate(library, "Biblioteka")
    translated = ResourcePageFactory(parent=library, title="Translated")
    english_only = ResourcePageFactory(parent=library, title="English only")
    draft_only = ResourcePageFactory(parent=library, title="Draft translation")
    polish_translation = translate(translated, "Przetłumaczony")
    translate(draft_only, "Szkic", publish=False)

    found = in_language(ResourcePage.objects.live(), polish())

    assert sorted(page.title for page in found) == [
        "Draft translation",
        "English only",
        "Przetłumaczony",
    ]
    flagged = {page.title: page.is_fallback for page in flag_fallbacks(found, polish())}
    assert flagged == {"Przetłumaczony": False, "English only": True, "Draft translation": True}
    loaded = mark_fallbacks(list(found.order_by("title")), polish())
    assert [page.is_fallback for page in loaded] == [True, True, False]
    assert {page.pk for page in found} == {polish_translation.pk, english_only.pk, draft_only.pk}


def test_in_english_nothing_changes(site_tree, library):
    translate(site_tree, "Strona główna")
    translate(library, "Biblioteka")
    english = ResourcePageFactory(parent=library, title="English")
    translate(english, "Polski")
    english_locale = Locale.get_default()

    found = in_language(ResourcePage.objects.live(), english_locale)

    assert [page.title for page in found] == ["English"]
    assert str(found.query) == str(ResourcePage.objects.live().filter(locale=english_locale).query)
    assert flag_fallbacks(found, english_locale) is found


def test_snippets_fall_back_to_their_english_original_until_a_live_translation_exists(site_tree):
    report = ResourceTypeFactory(name="Report", slug="report")
    toolkit = ResourceTypeFactory(name="Toolkit", slug="toolkit")
    translate_term(report, "Raport")
    draft = toolkit.copy_for_translation(polish())
    draft.name = "Zestaw narzędzi"
    draft.live = False
    draft.save()

    live_terms = ResourceType.objects.filter(live=True)
    names = sorted(term.name for term in in_language(live_terms, polish()))

    assert names == ["Raport", "Toolkit"]


def test_linked_to_finds_links_to_any_version_of_a_page(site_tree, library):
    workstreams = WorkstreamIndexPageFactory(parent=site_tree)
    housing = WorkstreamPageFactory(parent=workstreams, title="Housing")
    other = WorkstreamPageFactory(parent=workstreams, title="Other")
    translate(site_tree, "Strona główna")
    polish_housing = translate(housing, "Mieszkalnictwo")
    to_english = ResourcePageFactory(parent=library, title="To English", workstreams=[housing])
    to_polish = ResourcePageFactory(parent=library, title="To Polish", workstreams=[polish_housing])
    ResourcePageFactory(parent=library, title="Elsewhere", workstreams=[other])
    ResourcePageFactory(parent=library, title="Both", workstreams=[housing, polish_housing])

    for target in (housing, polish_housing):
        found = linked_to(ResourcePage.objects.all(), "workstreams", target)
        assert sorted(page.title for page in found) == ["Both", "To English", "To Polish"]
    assert to_english.pk != to_polish.pk


# The resource library -------------------------------------------------------------------------


@pytest.fixture
def polish_library(site_tree, library):
    """A library with one resource translated, one in English only and one whose translation
    is still a draft; a type translated into Polish and a topic that is not."""
    workstreams = WorkstreamIndexPageFactory(parent=site_tree)
    housing = WorkstreamPageFactory(parent=workstreams, title="Housing", slug="housing")
    report = ResourceTypeFactory(name="Report", slug="report")
    hoarding = TopicFactory(name="Hoarding", slug="hoarding")
    translated = ResourcePageFactory(
        parent=library,
        title="Hostel toolkit",
        summary="Tools for hostel teams.",
        resource_type=report,
        topics=[hoarding],
        workstreams=[housing],
        publication_year=2024,
    )
    english_only = ResourcePageFactory(
        parent=library,
        title="Hoarding guide",
        summary="How to talk about hoarding.",
        resource_type=report,
        topics=[hoarding],
        workstreams=[housing],
        publication_year=2023,
    )
    draft = ResourcePageFactory(
        parent=library,
        title="Naloxone report",
        resource_type=report,
        publication_year=2022,
    )
    translate(site_tree, "Strona główna")
    polish_index = translate(library, "Biblioteka")
    translate(housing, "Mieszkalnictwo", slug="mieszkalnictwo")
    translate_term(report, "Raport")
    polish = translate(translated, "Zestaw dla hosteli", summary="Narzędzia dla zespołów.")
    translate(draft, "Raport o naloksonie", publish=False)
    return {
        "index": polish_index,
        "translated": polish,
        "english_only": english_only,
        "draft": draft,
    }


def test_the_polish_library_lists_translations_and_labelled_english_originals(
    client, polish_library
):
    html = soup(client.get("/pl/resources/"))

    assert resource_cards(html) == [
        ("Zestaw dla hosteli", None, None, False),
        ("Hoarding guide", "en", "en", True),
        ("Naloxone report", "en", "en", True),
    ]
    assert "Hostel toolkit" not in html.select_one("main").get_text()
    assert html.select_one(".listing-count").get_text(strip=True).startswith("3 ")


def test_polish_facets_count_each_resource_once_and_mark_english_terms(client, polish_library):
    html = soup(client.get("/pl/resources/"))

    # The Polish resource still links the English type, topic and workstream it was copied
    # from: each counts under the term's Polish name where there is one.
    assert facet_counts(html, "type") == {"Raport": (3, None)}
    assert facet_counts(html, "topic") == {"Hoarding": (2, "en")}
    assert facet_counts(html, "workstream") == {"Mieszkalnictwo": (2, None)}


def test_polish_facets_filter_by_any_version_of_a_term(client, polish_library):
    by_workstream = soup(client.get("/pl/resources/", {"workstream": "mieszkalnictwo"}))
    assert [card[0] for card in resource_cards(by_workstream)] == [
        "Zestaw dla hosteli",
        "Hoarding guide",
    ]
    by_topic = soup(client.get("/pl/resources/", {"topic": "hoarding", "type": "report"}))
    assert [card[0] for card in resource_cards(by_topic)] == [
        "Zestaw dla hosteli",
        "Hoarding guide",
    ]
    # The English slug of a translated workstream is no longer a choice in Polish: ignored.
    ignored = soup(client.get("/pl/resources/", {"workstream": "housing"}))
    assert len(resource_cards(ignored)) == 3


def test_searching_the_polish_library_finds_english_fallbacks_too(client, polish_library):
    html = soup(client.get("/pl/resources/", {"q": "hoarding"}))
    assert [card[0] for card in resource_cards(html)] == ["Hoarding guide"]

    polish_words = soup(client.get("/pl/resources/", {"q": "zespołów"}))
    assert [card[0] for card in resource_cards(polish_words)] == ["Zestaw dla hosteli"]


def test_the_english_library_is_unchanged(client, polish_library):
    html = soup(client.get("/resources/"))

    assert [card[0] for card in resource_cards(html)] == [
        "Hostel toolkit",
        "Hoarding guide",
        "Naloxone report",
    ]
    assert ENGLISH_TAG not in str(html)
    assert facet_counts(html, "type") == {"Report": (3, None)}


def test_the_polish_library_costs_no_more_queries_with_more_fallbacks(
    client, polish_library, library
):
    def count_queries():
        client.get("/pl/resources/")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/pl/resources/")
        return len(queries), len(resource_cards(soup(response)))

    few = count_queries()
    report = ResourceType.objects.get(slug="report", locale=Locale.get_default())
    hoarding = Topic.objects.get(slug="hoarding")
    for number in range(6):
        resource = ResourcePageFactory(
            parent=library, title=f"Extra {number}", resource_type=report, topics=[hoarding]
        )
        if number % 2:
            translate(resource, f"Dodatkowy {number}")
    many = count_queries()

    assert (few[1], many[1]) == (3, 9)
    assert many[0] == few[0]


def test_the_polish_resources_feed_holds_polish_titles_and_labels_english_ones(
    client, polish_library
):
    response = client.get("/pl/feeds/resources.rss")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)

    entries = {entry.title: [tag.term for tag in entry.get("tags", [])] for entry in feed.entries}
    assert set(entries) == {"Zestaw dla hosteli", "Hoarding guide", "Naloxone report"}
    assert "English" in entries["Hoarding guide"]
    assert "English" not in entries["Zestaw dla hosteli"]
    assert feed.feed.link.endswith("/pl/resources/")


def test_a_polish_resource_page_shows_related_resources_and_workstreams_in_polish(
    client, polish_library
):
    translated = polish_library["translated"]
    english_only = polish_library["english_only"]
    translated.related_resources.create(resource=english_only)
    english_only.related_resources.create(resource=polish_library["draft"])
    english_only.save_revision().publish()
    # The translation keeps the link to the English resource; it shows as a fallback.
    translated.save_revision().publish()

    html = soup(client.get(translated.url))

    assert resource_cards(html) == [("Hoarding guide", "en", "en", True)]
    workstream = html.find("a", string="Mieszkalnictwo")
    assert workstream is not None and workstream.get("lang") is None


# Home page and workstream pages -----------------------------------------------------------------


def test_the_polish_home_page_shows_latest_resources_with_english_fallbacks(client, polish_library):
    html = soup(client.get("/pl/"))

    assert [card[0] for card in resource_cards(html)] == [
        "Zestaw dla hosteli",
        "Hoarding guide",
        "Naloxone report",
    ]
    assert ENGLISH_TAG in str(html)


def test_a_polish_workstream_page_lists_events_and_resources_in_polish_or_english(
    client, polish_library
):
    housing = Page.objects.get(slug="mieszkalnictwo").specific
    index = make_event_index(parent=Page.objects.get(slug="home", locale=Locale.get_default()))
    english_event = make_event(index, "Housing First basics")
    english_event.workstreams.set([housing.get_translation(Locale.get_default())])
    english_event.save_revision().publish()

    html = soup(client.get(housing.url))

    events = [heading.get_text(strip=True) for heading in html.select(".card--event h3")]
    assert events == ["Housing First basics"]
    assert html.select_one(".card--event h3")["lang"] == "en"
    assert [card[0] for card in resource_cards(html)] == ["Zestaw dla hosteli", "Hoarding guide"]
