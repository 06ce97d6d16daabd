"""Easy Read and plain language: a resource can link an Easy Read version (a file or a page) and
have a plain language summary; its page shows them in one box, the library can be filtered to
resources that have one, and the library's cards say so."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from home.models import StandardPage
from library.models import ResourcePage
from tests.roles import client_for

from .admin_forms import resource_form_data
from .factories import (
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    make_document,
)

pytestmark = pytest.mark.django_db

PLAIN_WORDS = "This guide is about hostels. It says what helps people feel safe."
BOX_HEADING = "Easy Read and plain language"
FILTER_LABEL = "Has an Easy Read version or plain language summary"


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def card_titles(html):
    return [h.get_text(strip=True) for h in html.select(".card-list .card__heading")]


def easy_read_box(html):
    heading = html.find("h2", string=BOX_HEADING)
    return heading.find_parent("section") if heading is not None else None


@pytest.fixture
def library(home):
    return ResourceIndexPageFactory(parent=home)


@pytest.fixture
def easy_read_file():
    return make_document("Hostels: an Easy Read guide", filename="hostels-easy-read.pdf")


@pytest.fixture
def easy_read_page(home):
    page = StandardPage(
        title="Hostels in Easy Read",
        slug="hostels-easy-read",
        body=[("paragraph", RichText("<p>A hostel is a place to stay.</p>"))],
    )
    return home.add_child(instance=page)


@pytest.fixture
def resources(library, easy_read_file, easy_read_page):
    return {
        "file": ResourcePageFactory(
            parent=library,
            title="Hostel guide",
            publication_year=2024,
            plain_language_summary=PLAIN_WORDS,
            easy_read_document=easy_read_file,
        ),
        "page": ResourcePageFactory(
            parent=library,
            title="Hostel rules",
            publication_year=2023,
            easy_read_page=easy_read_page,
        ),
        "summary": ResourcePageFactory(
            parent=library,
            title="Hostel staffing",
            publication_year=2022,
            plain_language_summary="Who works in a hostel and what they do.",
        ),
        "none": ResourcePageFactory(parent=library, title="Hostel budgets", publication_year=2021),
    }


# The resource page --------------------------------------------------------------------------


def test_the_resource_page_shows_the_summary_and_the_easy_read_file_in_one_box(
    client, resources, easy_read_file
):
    html = soup(client.get(resources["file"].url))
    box = easy_read_box(html)

    assert box is not None
    assert box.name == "section"
    assert box["aria-labelledby"] == box.h2["id"]
    assert box.select_one(".easy-read__summary").get_text(strip=True) == PLAIN_WORDS
    link = box.find("a", href=easy_read_file.url)
    assert link.get_text(" ", strip=True) == "Download the Easy Read version of Hostel guide"
    assert link.select_one(".visually-hidden").get_text(strip=True) == "of Hostel guide"
    assert "(PDF" in box.get_text()
    # The box comes before the details, where people who need it find it first.
    assert html.h1.find_next("h2").get_text() == BOX_HEADING


def test_the_easy_read_file_downloads(client, resources, easy_read_file):
    response = client.get(easy_read_file.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_resource_page_links_a_live_easy_read_page(client, resources, easy_read_page):
    box = easy_read_box(soup(client.get(resources["page"].url)))

    link = box.find("a", href=easy_read_page.url)
    assert link.get_text(" ", strip=True) == "Read the Easy Read version of Hostel rules"
    assert box.select_one(".easy-read__summary") is None


def test_an_unpublished_easy_read_page_is_not_linked(client, resources, easy_read_page):
    easy_read_page.unpublish()

    html = soup(client.get(resources["page"].url))

    assert easy_read_box(html) is None
    assert "hostels-easy-read" not in str(html)


def test_a_resource_without_easy_read_or_summary_has_no_box(client, resources):
    assert easy_read_box(soup(client.get(resources["none"].url))) is None


def test_the_easy_read_box_costs_no_query_when_a_resource_has_none(client, resources):
    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return len(queries)

    none = resources["none"]
    plain = resources["summary"]
    assert count(none.url) == count(plain.url)


# The admin ----------------------------------------------------------------------------------


def test_an_editor_adds_easy_read_and_a_summary_through_the_admin(
    editor, library, easy_read_file, easy_read_page
):
    client = client_for(editor)
    form = client.get(f"/admin/pages/add/library/resourcepage/{library.pk}/")
    assert form.status_code == 200
    assert BOX_HEADING in form.content.decode()

    response = client.post(
        f"/admin/pages/add/library/resourcepage/{library.pk}/",
        resource_form_data(
            title="Keeping safe in a hostel",
            resource_type=ResourceTypeFactory(name="Guide"),
            publish=False,
            plain_language_summary=PLAIN_WORDS,
            easy_read_document=str(easy_read_file.pk),
            easy_read_page=str(easy_read_page.pk),
        ),
    )

    assert response.status_code == 302
    page = ResourcePage.objects.get(slug="keeping-safe-in-a-hostel")
    draft = page.get_latest_revision_as_object()
    assert draft.plain_language_summary == PLAIN_WORDS
    assert draft.easy_read_document_id == easy_read_file.pk
    assert draft.easy_read_page_id == easy_read_page.pk


def test_a_summary_longer_than_600_characters_is_refused(editor, library):
    client = client_for(editor)
    response = client.post(
        f"/admin/pages/add/library/resourcepage/{library.pk}/",
        resource_form_data(
            title="Too long",
            resource_type=ResourceTypeFactory(name="Guide"),
            publish=False,
            plain_language_summary="Short words. " * 50,
        ),
    )

    assert response.status_code == 200
    assert "Ensure this value has at most 600 characters" in response.content.decode()
    assert not ResourcePage.objects.filter(slug="too-long").exists()


# The library: filter and cards ----------------------------------------------------------------


def test_the_library_filters_to_resources_with_easy_read_or_a_summary(client, library, resources):
    everything = soup(client.get(library.url))
    box = everything.select_one("#facet-easy_read-yes")
    assert box is not None and box["name"] == "easy_read" and not box.has_attr("checked")
    label = everything.select_one("label[for=facet-easy_read-yes]").get_text(" ", strip=True)
    assert label.startswith(f"{FILTER_LABEL} (3")
    legend = box.find_parent("fieldset").legend.get_text(strip=True)
    assert legend == BOX_HEADING

    filtered = soup(client.get(library.url, {"easy_read": "yes"}))

    assert card_titles(filtered) == ["Hostel guide", "Hostel rules", "Hostel staffing"]
    assert filtered.select_one("#facet-easy_read-yes").has_attr("checked")
    remove = filtered.find("a", string=lambda text: text and FILTER_LABEL in text)
    assert remove["href"] == library.url


def test_the_easy_read_filter_combines_with_search_and_other_facets(client, library, resources):
    found = soup(client.get(library.url, {"easy_read": "yes", "year": "2023"}))
    assert card_titles(found) == ["Hostel rules"]

    searched = soup(client.get(library.url, {"easy_read": "yes", "q": "staffing"}))
    assert card_titles(searched) == ["Hostel staffing"]


@pytest.mark.parametrize("value", ["no", "", "1", "yes\x00", "x" * 500, "<script>"])
def test_a_bad_easy_read_value_is_ignored(client, library, resources, value):
    html = soup(client.get(library.url, {"easy_read": value}))
    assert len(card_titles(html)) == 4
    assert not html.select_one("#facet-easy_read-yes").has_attr("checked")


def test_the_easy_read_value_may_be_repeated(client, library, resources):
    html = soup(client.get(f"{library.url}?easy_read=yes&easy_read=yes&easy_read=nonsense"))
    assert len(card_titles(html)) == 3


def test_the_filter_is_not_offered_while_no_resource_has_easy_read(client, library):
    ResourcePageFactory(parent=library, title="Plain resource")
    html = soup(client.get(library.url))
    assert html.select_one("#facet-easy_read-yes") is None


def test_cards_say_easy_read_or_plain_language_summary(client, library, resources):
    html = soup(client.get(library.url))
    tags = {
        card.select_one(".card__heading").get_text(strip=True): [
            tag.get_text(strip=True) for tag in card.select(".tag--easy-read")
        ]
        for card in html.select(".card--resource")
    }
    assert tags == {
        "Hostel guide": ["Easy Read"],
        "Hostel rules": ["Easy Read"],
        "Hostel staffing": ["Plain language summary"],
        "Hostel budgets": [],
    }


def test_the_tags_cost_no_query_per_card(client, library, resources):
    def count():
        client.get(library.url)
        with CaptureQueriesContext(connection) as queries:
            client.get(library.url)
        return len(queries)

    before = count()
    for number in range(6):
        ResourcePageFactory(parent=library, title=f"More {number}", plain_language_summary="Yes.")
    assert count() == before


# Demo content ---------------------------------------------------------------------------------


def test_the_demo_library_has_plain_language_summaries_and_an_easy_read_pdf(client, home):
    from io import BytesIO

    from pypdf import PdfReader

    from home.demo import build_people
    from library import demo
    from tests.library.test_demo import make_workstreams

    workstreams = make_workstreams(home)
    demo.build(home, build_people(), workstreams)

    with_summary = ResourcePage.objects.exclude(plain_language_summary="")
    assert with_summary.count() >= 2
    assert all(len(page.plain_language_summary) <= 600 for page in with_summary)
    easy_read = ResourcePage.objects.filter(easy_read_document__isnull=False)
    assert easy_read.count() == 1
    resource = easy_read.get()
    with resource.easy_read_document.open_file() as handle:
        text = PdfReader(BytesIO(handle.read())).pages[0].extract_text()
    assert "Easy Read" in text
    assert "a home of your own" in text

    html = soup(client.get(resource.url))
    assert easy_read_box(html).find("a", href=resource.easy_read_document.url) is not None

    # Running it again changes nothing: no new revision, no second PDF.
    revisions = resource.revisions.count()
    demo.build(home, build_people(), workstreams)
    assert resource.revisions.count() == revisions
    assert (
        type(resource.easy_read_document)
        .objects.filter(title=resource.easy_read_document.title)
        .count()
        == 1
    )
