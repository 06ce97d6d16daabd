"""The page's language as browsers, screen readers and search engines see it: <html lang dir>,
the language switcher in the header and the hreflang links in the head.

View restrictions are not considered: a members-only translation is offered like any live one,
and signing in is asked for when it is followed, as for every members-only page.
"""

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django.urls import clear_url_caches
from django.utils import translation
from django.views.defaults import server_error
from wagtail.models import Locale, Page

from tests.events.factories import make_event, make_event_index

pytestmark = pytest.mark.django_db

EVERY_LANGUAGE = [
    ("English", "en-GB"),
    ("Polski", "pl"),
    ("Română", "ro"),
    ("اردو", "ur"),
    ("العربية", "ar"),
]


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def translate(page, language_code, title):
    """A published translation of `page`. Untranslated pages above it are made too (as aliases
    of the English pages, which Wagtail keeps live), so the translation has an address."""
    locale = Locale.objects.get(language_code=language_code)
    translated = page.copy_for_translation(locale, copy_parents=True)
    translated.title = title
    translated.save_revision().publish()
    return Page.objects.get(pk=translated.pk).specific


@pytest.fixture
def event(site_tree):
    return make_event(make_event_index(), title="What makes a good hostel?")


def switcher(soup):
    return soup.find("nav", class_="language-switcher")


def switcher_links(soup):
    return [
        (link.get_text(), link["lang"], link["hreflang"], link["href"], link.get("aria-current"))
        for link in switcher(soup).find_all("a")
    ]


def alternates(soup):
    return [
        (link["hreflang"], link["href"])
        for link in soup.head.find_all("link", rel="alternate", hreflang=True)
    ]


# <html lang dir> ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language_code", "direction"), [("ur", "rtl"), ("ar", "rtl"), ("pl", "ltr"), ("ro", "ltr")]
)
def test_a_translated_home_page_sets_its_language_and_direction(
    client, site_tree, language_code, direction
):
    translate(site_tree, language_code, "Home")
    html = html_of(client, f"/{language_code}/").html
    assert html["lang"] == language_code
    assert html["dir"] == direction


def test_english_pages_are_left_to_right(client, site_tree):
    html = html_of(client, "/").html
    assert (html["lang"], html["dir"]) == ("en-gb", "ltr")


def test_a_translated_page_renders_in_its_own_language(client, event):
    event_ur = translate(event, "ur", "اچھا ہاسٹل کیا ہے؟")
    soup = html_of(client, event_ur.url)
    assert event_ur.url.startswith("/ur/")
    assert (soup.html["lang"], soup.html["dir"]) == ("ur", "rtl")
    assert soup.h1.get_text(strip=True) == "اچھا ہاسٹل کیا ہے؟"


@pytest.mark.parametrize("path", ["/ur/search/", "/ur/accounts/login/", "/ur/accounts/signup/"])
def test_views_outside_wagtail_are_right_to_left_in_urdu(client, site_tree, path):
    html = html_of(client, path).html
    assert (html["lang"], html["dir"]) == ("ur", "rtl")


def test_page_not_found_is_in_the_language_of_the_address(client, site_tree):
    response = client.get("/ar/no-such-page/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    # Nowhere else to send the reader, and nothing for search engines to index.
    assert switcher(soup) is None
    assert alternates(soup) == []


def test_the_server_error_page_follows_the_active_language(rf):
    with translation.override("ur"):
        response = server_error(rf.get("/ur/"))
    soup = BeautifulSoup(response.content, "html.parser")
    assert (soup.html["lang"], soup.html["dir"]) == ("ur", "rtl")


# The language switcher ---------------------------------------------------------------------


def test_a_page_translated_into_polish_offers_english_and_polish(client, event):
    event_pl = translate(event, "pl", "Co sprawia, że hostel jest dobry?")

    english = html_of(client, event.url)
    assert switcher_links(english) == [
        ("English", "en-GB", "en-GB", event.url, "true"),
        ("Polski", "pl", "pl", event_pl.url, None),
    ]
    assert switcher(english)["aria-label"] == "Languages"

    polish = html_of(client, event_pl.url)
    assert switcher_links(polish) == [
        ("English", "en-GB", "en-GB", event.url, None),
        ("Polski", "pl", "pl", event_pl.url, "true"),
    ]
    assert polish.h1.get_text(strip=True) == "Co sprawia, że hostel jest dobry?"


def test_right_to_left_language_names_carry_their_direction(client, event):
    translate(event, "ur", "اچھا ہاسٹل کیا ہے؟")
    links = switcher(html_of(client, event.url)).find_all("a")
    assert [(link.get_text(), link["dir"]) for link in links] == [
        ("English", "ltr"),
        ("اردو", "rtl"),
    ]


def test_a_page_with_no_translation_has_no_switcher(client, event):
    """One language is nothing to choose between: no switcher, rather than a lone link to the
    page already open, which screen readers would announce as a navigation region for nothing."""
    soup = html_of(client, event.url)
    assert switcher(soup) is None
    assert alternates(soup) == []


def test_a_draft_translation_is_not_offered(client, event):
    event_pl = translate(event, "pl", "Co sprawia, że hostel jest dobry?")
    event_ro = event.copy_for_translation(Locale.objects.get(language_code="ro"), copy_parents=True)
    assert not event_ro.live

    soup = html_of(client, event.url)
    assert [text for text, *_rest in switcher_links(soup)] == ["English", "Polski"]
    assert event_ro.url not in {href for _lang, href in alternates(soup)}
    event_pl.unpublish()
    assert switcher(html_of(client, event.url)) is None


def test_a_language_switched_off_is_not_offered(client, event, settings):
    translate(event, "pl", "Co sprawia, że hostel jest dobry?")
    translate(event, "ro", "Ce face un cămin bun?")
    settings.LANGUAGES = [("en-gb", "English"), ("pl", "Polish")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    clear_url_caches()
    try:
        soup = html_of(client, event.url)
    finally:
        clear_url_caches()
    assert [text for text, *_rest in switcher_links(soup)] == ["English", "Polski"]
    assert [hreflang for hreflang, _href in alternates(soup)] == ["en-GB", "pl", "x-default"]


def test_search_offers_every_language_keeping_the_search_but_not_the_page_number(client, site_tree):
    soup = html_of(client, "/search/?q=hostels&page=2")
    assert switcher_links(soup) == [
        (name, tag, tag, url, current)
        for (name, tag), url, current in zip(
            EVERY_LANGUAGE,
            [
                "/search/?q=hostels",
                "/pl/search/?q=hostels",
                "/ro/search/?q=hostels",
                "/ur/search/?q=hostels",
                "/ar/search/?q=hostels",
            ],
            ["true", None, None, None, None],
            strict=True,
        )
    ]


def test_the_switcher_marks_the_language_being_read(client, site_tree):
    soup = html_of(client, "/ur/accounts/login/")
    current = switcher(soup).find_all("a", attrs={"aria-current": "true"})
    assert [link.get_text() for link in current] == ["اردو"]
    assert current[0]["href"] == "/ur/accounts/login/"


def test_following_a_switcher_link_opens_the_page_in_that_language(client, site_tree):
    soup = html_of(client, "/accounts/login/")
    romanian = switcher(soup).find("a", hreflang="ro")
    assert romanian["href"] == "/ro/accounts/login/"
    assert html_of(client, romanian["href"]).html["lang"] == "ro"


def test_the_answer_to_a_form_offers_no_other_language(client, site_tree):
    """Its address may accept only the form: a link to it in Polish would be a dead end."""
    response = client.post("/ur/accounts/login/", {"login": "nobody@example.org", "password": "x"})
    assert response.status_code == 200  # the form again, with its error
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["dir"] == "rtl"
    assert switcher(soup) is None
    assert alternates(soup) == []


@override_settings(
    LANGUAGES=[("en-gb", "English")], WAGTAIL_CONTENT_LANGUAGES=[("en-gb", "English")]
)
def test_a_site_in_english_only_has_no_switcher(client, site_tree):
    clear_url_caches()
    try:
        soup = html_of(client, "/search/")
    finally:
        clear_url_caches()
    assert switcher(soup) is None
    assert alternates(soup) == []


# hreflang ----------------------------------------------------------------------------------


def test_hreflang_lists_each_live_translation_with_absolute_addresses(client, event):
    translate(event, "pl", "Co sprawia, że hostel jest dobry?")
    translate(event, "ar", "ما الذي يجعل النزل جيدًا؟")
    event.copy_for_translation(
        Locale.objects.get(language_code="ro"), copy_parents=True
    )  # a draft: left out

    expected = [
        ("en-GB", "http://localhost/events/what-makes-a-good-hostel/"),
        ("pl", "http://localhost/pl/events/what-makes-a-good-hostel/"),
        ("ar", "http://localhost/ar/events/what-makes-a-good-hostel/"),
        ("x-default", "http://localhost/events/what-makes-a-good-hostel/"),
    ]
    assert alternates(html_of(client, event.url)) == expected
    # Every version names the same set, itself included, as search engines require.
    assert alternates(html_of(client, "/pl/events/what-makes-a-good-hostel/")) == expected


def test_hreflang_on_views_outside_wagtail_lists_every_language(client, site_tree):
    soup = html_of(client, "/pl/accounts/login/?next=/accounts/")
    assert alternates(soup) == [
        ("en-GB", "http://testserver/accounts/login/"),
        ("pl", "http://testserver/pl/accounts/login/"),
        ("ro", "http://testserver/ro/accounts/login/"),
        ("ur", "http://testserver/ur/accounts/login/"),
        ("ar", "http://testserver/ar/accounts/login/"),
        ("x-default", "http://testserver/accounts/login/"),
    ]
