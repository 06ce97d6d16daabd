"""sitemap.xml and robots.txt, as a search engine's crawler fetches them."""

import xml.etree.ElementTree as ET

import pytest
from django.test import override_settings
from django.urls import clear_url_caches
from wagtail.models import Locale, Page, PageViewRestriction

from home.models import StandardPage
from members.restrictions import restrict_to_members

from .content import make_event

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def standard_page(parent, title, **fields):
    page = parent.add_child(instance=StandardPage(title=title, **fields))
    page.save_revision().publish()
    return page


def sitemap_locations(client, query=""):
    response = client.get("/sitemap.xml" + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314
    return [loc.text for loc in root.iter(f"{SITEMAP}loc")]


def test_the_sitemap_lists_live_public_pages_only(client, site_tree):
    about = standard_page(site_tree, "About the PDU")
    standard_page(about, "Our team")
    draft = standard_page(site_tree, "Coming soon")
    draft.unpublish()
    members_area = standard_page(site_tree, "Members' area")
    restrict_to_members(members_area)
    members_child = standard_page(members_area, "Webinar recordings")
    signed_in = standard_page(site_tree, "Signed-in only")
    PageViewRestriction.objects.create(page=signed_in, restriction_type="login")
    make_event(site_tree, "Hoarding awareness", days_from_now=10)

    locations = sitemap_locations(client)

    assert locations == [
        "http://localhost/",
        "http://localhost/about-the-pdu/",
        "http://localhost/about-the-pdu/our-team/",
        "http://localhost/events/",
        "http://localhost/events/hoarding-awareness/",
    ]
    # Drafts, members-only pages (and what is under them) and sign-in-only pages are absent.
    for hidden in [draft, members_area, members_child, signed_in]:
        assert not any(hidden.slug in location for location in locations)


def test_sitemap_entries_say_when_a_page_last_changed(client, site_tree):
    standard_page(site_tree, "About the PDU")
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)  # noqa: S314
    entry = next(
        url
        for url in root.iter(f"{SITEMAP}url")
        if url.find(f"{SITEMAP}loc").text.endswith("/about-the-pdu/")
    )
    assert entry.find(f"{SITEMAP}lastmod") is not None


@pytest.mark.parametrize("query", ["?p=abc", "?p=999", "?p=%00", "?p=-1"])
def test_odd_sitemap_pages_are_not_found_not_errors(client, site_tree, query):
    assert client.get("/sitemap.xml" + query).status_code == 404


@pytest.fixture
def polish_site(settings, site_tree):
    """The site with Polish switched on and a published Polish home page."""
    settings.LANGUAGES = [("en-gb", "English"), ("pl", "Polish")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    clear_url_caches()
    polish, _created = Locale.objects.get_or_create(language_code="pl")
    home_pl = site_tree.copy_for_translation(polish)
    home_pl.save_revision().publish()
    yield Page.objects.get(pk=home_pl.pk).specific
    clear_url_caches()


def test_the_sitemap_includes_translations(client, polish_site):
    locations = sitemap_locations(client)
    assert "http://localhost/" in locations
    assert "http://localhost/pl/" in locations


@override_settings(LANGUAGES=[("en-gb", "English")])
def test_robots_txt(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert [line for line in lines if line.startswith("Disallow:")] == [
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /search/",
    ]
    assert "Allow: /" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@override_settings(LANGUAGES=[("en-gb", "English"), ("pl", "Polish")])
def test_robots_txt_keeps_crawlers_out_of_every_languages_accounts_and_search(client, db):
    disallowed = [
        line.removeprefix("Disallow: ")
        for line in client.get("/robots.txt").content.decode().splitlines()
        if line.startswith("Disallow:")
    ]
    assert disallowed == ["/admin/", "/accounts/", "/search/", "/pl/accounts/", "/pl/search/"]


def test_robots_and_sitemap_are_only_read(client, site_tree):
    assert client.post("/robots.txt").status_code == 405
    assert client.post("/sitemap.xml").status_code == 405
