"""Searching in another language: that language's pages first, then the English pages that have
no translation into it, labelled "English" with lang="en" on their words. A translated page is
never found as its English original. Members-only rules hold as in English.

Excerpts are highlighted the way each page's own language is matched: English words match their
variants ("hostels" for "hostel"), other languages' words match as written.
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page

from search.excerpts import Highlighter
from tests.roles import client_for as signed_in
from tests.search.conftest import make_members_only

pytestmark = pytest.mark.django_db

POLISH_SEARCH = "/pl/search/"


def translate(page, title, **fields):
    """A published Polish translation of `page` (the page above must be translated first)."""
    translated = page.copy_for_translation(Locale.objects.get(language_code="pl"))
    translated.title = title
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return Page.objects.get(pk=translated.pk).specific


def search(client, q, url=POLISH_SEARCH, **params):
    response = client.get(url, {"q": q, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def results(html):
    """(title, title's lang, labelled English) for each result, in order."""
    found = []
    for item in html.select(".search-result"):
        title = item.select_one(".search-result__title")
        tag = item.select_one(".tag--language")
        found.append(
            (
                title.get_text(strip=True),
                title.get("lang"),
                tag is not None and tag.get("lang") == "en" and tag.get_text() == "English",
            )
        )
    return found


def result(html, title):
    return html.find("a", string=title).find_parent("li")


@pytest.fixture
def polish_home(home):
    return translate(home, "Strona główna")


@pytest.fixture
def pages(polish_home, make_page):
    """An English page translated into Polish, one in English only, and one translated into
    Polish without the searched word."""
    translated = make_page(
        "Hostel life", introduction="What life in a hostel is like.", body_html="<p>Hostel.</p>"
    )
    polish = translate(
        translated,
        "Życie w hostelu",
        introduction="Hostel w Nottingham: jak się w nim żyje.",
        body=[("paragraph", "<p>Rozmawiamy w hostelach i na ulicy.</p>")],
    )
    english_only = make_page(
        "Hostel rules",
        introduction="Rules that make a hostel feel safe.",
        body_html="<p>Two hostels in the city changed their rules together. Hostel staff.</p>",
    )
    budgets = make_page("Hostel budgets", introduction="Money for a hostel.")
    translate(budgets, "Budżety", introduction="Pieniądze.")
    return {"polish": polish, "english_only": english_only}


def test_polish_pages_come_first_then_labelled_english_fallbacks(client, pages):
    html = search(client, "hostel")

    assert results(html) == [
        ("Życie w hostelu", None, False),
        ("Hostel rules", "en", True),
    ]
    # Neither the English original of a translated page nor a translation without the word.
    text = html.select_one("main").get_text()
    assert "Hostel life" not in text and "Hostel budgets" not in text and "Budżety" not in text
    fallback = result(html, "Hostel rules")
    assert fallback.select_one(".search-result__summary")["lang"] == "en"
    assert fallback.find("a")["href"] == pages["english_only"].url
    assert result(html, "Życie w hostelu").find("a")["href"] == pages["polish"].url
    assert "2 " in html.select_one(".search-summary").get_text()


def test_english_search_is_unchanged(client, pages):
    html = search(client, "hostel", url="/search/")

    assert sorted(results(html)) == [
        ("Hostel budgets", None, False),
        ("Hostel life", None, False),
        ("Hostel rules", None, False),
    ]
    assert html.select(".tag--language") == []


def test_excerpts_match_each_pages_own_language(client, pages):
    html = search(client, "hostel")

    english = result(html, "Hostel rules").select_one(".search-result__excerpt span[lang=en]")
    assert "<mark>hostels</mark>" in str(english)
    # Polish words match only as written: "hostelach" is not "hostel".
    polish = result(html, "Życie w hostelu")
    assert "<mark>hostelach</mark>" not in str(polish)
    assert "<mark>Hostel</mark> w Nottingham" in str(polish.select_one(".search-result__summary"))


def test_a_highlighter_for_another_language_matches_words_as_written():
    polish = Highlighter("hostel", "pl")
    english = polish.for_language("en-gb")

    assert "<mark>" not in polish.highlight("Dwa hostels.")
    assert str(english.highlight("Two hostels.")) == "Two <mark>hostels</mark>."
    assert polish.for_language("pl") is polish
    assert english.for_language("en") is english


def test_members_only_english_fallbacks_show_title_summary_and_labels_only(client, pages, member):
    make_members_only(pages["english_only"])

    for visitor_html in (search(client, "hostel"), search(signed_in(member), "hostel")):
        fallback = result(visitor_html, "Hostel rules")
        assert fallback.select_one(".tag--members") is not None
        assert fallback.select_one(".tag--language") is not None
        assert fallback.select_one(".search-result__excerpt") is None
        assert "changed their rules" not in str(fallback)
    # Words only in the members-only content find nothing.
    assert results(search(client, "together")) == []


def test_results_page_through_polish_pages_then_english_ones(client, polish_home, make_page):
    for number in range(12):
        page = make_page(f"Naloxone page {number:02d}", introduction="Naloxone saves lives.")
        translate(page, f"Nalokson {number:02d}", introduction="Nalokson ratuje życie naloxone.")
    for number in range(5):
        make_page(f"Naloxone in English {number}", introduction="Naloxone naloxone naloxone.")

    first = search(client, "naloxone")
    second = search(client, "naloxone", page="2")

    first_titles = [title for title, _lang, _english in results(first)]
    second_results = results(second)
    assert len(first_titles) == 10 and all(t.startswith("Nalokson") for t in first_titles)
    assert [english for _t, _lang, english in second_results] == [False] * 2 + [True] * 5
    titles = first_titles + [title for title, _lang, _english in second_results]
    assert len(set(titles)) == 17
    assert "17 " in first.select_one(".search-summary").get_text()
    assert second.select_one("ol.search-results")["start"] == "11"


def test_more_results_cost_no_more_queries(client, polish_home, make_page):
    def count_queries():
        search(client, "naloxone")  # records the new term first: not measured
        with CaptureQueriesContext(connection) as queries:
            html = search(client, "naloxone")
        return len(queries), len(results(html))

    translate(make_page("Naloxone one", introduction="Naloxone."), "Nalokson naloxone")
    make_page("Naloxone two", introduction="Naloxone.")
    few = count_queries()
    for number in range(8):
        page = make_page(f"Naloxone more {number}", introduction="Naloxone.")
        if number % 2:
            translate(page, f"Nalokson naloxone {number}")
    many = count_queries()

    assert (few[1], many[1]) == (2, 10)
    assert many[0] == few[0]


def test_a_promoted_english_page_without_translation_is_recommended_as_english(client, pages):
    SearchPromotion.objects.create(
        query=Query.get("hostel"),
        page=pages["english_only"],
        sort_order=0,
        description="Start here.",
    )

    html = search(client, "hostel")

    recommended = html.select_one("#recommended-heading").find_parent("section")
    assert results(recommended) == [("Hostel rules", "en", True)]
    assert [title for title, *_rest in results(html)].count("Hostel rules") == 1


def test_suggestions_in_polish_mark_english_titles(client, pages):
    response = client.get("/pl/search/suggest/", {"q": "hostel"})
    found = {item["title"]: item for item in response.json()["suggestions"]}

    assert found["Hostel rules"].get("lang") == "en"
    assert "lang" not in found["Życie w hostelu"]
    assert "Hostel life" not in found
    assert re.fullmatch(r"/hostel-rules/", found["Hostel rules"]["url"])
