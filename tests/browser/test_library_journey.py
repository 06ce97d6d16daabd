"""A visitor searches the library, narrows the results with a filter, opens a resource and
downloads its PDF: the file is the one the page links to."""

import re
from urllib.parse import urlsplit

from library.models import CustomDocument
from tests.browser.accessibility import assert_no_axe_violations


def result_count(page):
    return int(re.search(r"\d+", page.locator("main .listing-count").inner_text()).group())


def follow(page, link):
    with page.expect_navigation():
        link.click()


def test_a_visitor_searches_filters_and_downloads_a_pdf(page, demo_content, journey_screenshots):
    page.goto("/")
    follow(
        page,
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Resource library"),
    )
    everything = result_count(page)
    assert everything >= 40
    journey_screenshots.take(page, "library")
    assert_no_axe_violations(page)

    library_form = page.locator("#library-search")
    library_form.get_by_label("Search the library").fill("housing")
    follow(page, library_form.get_by_role("button", name="Search").first)
    searched = result_count(page)
    assert 0 < searched < everything
    assert "q=housing" in page.url
    journey_screenshots.take(page, "search results")

    # Narrow to one type with its checkbox; the count beside it says what to expect.
    guides = library_form.get_by_role("checkbox", name=re.compile(r"^Guide\b"))
    count = library_form.locator("label[for=facet-type-guide] .facet__count").inner_text()
    expected = int(re.search(r"\d+", count).group())
    guides.check()
    follow(page, library_form.get_by_role("button", name="Apply filters"))
    assert result_count(page) == expected <= searched
    assert "type=guide" in page.url and "q=housing" in page.url
    assert library_form.get_by_role("checkbox", name=re.compile(r"^Guide\b")).is_checked()
    journey_screenshots.take(page, "guides about housing")
    assert_no_axe_violations(page)

    first = page.locator("main .card a").first
    title = first.inner_text()
    follow(page, first)
    assert page.locator("h1").inner_text() == title
    journey_screenshots.take(page, "resource")
    assert_no_axe_violations(page)

    pdf_link = page.locator("main .document-list__link").first
    href = pdf_link.get_attribute("href")
    assert "PDF" in page.locator("main .document-list__item").first.inner_text()
    with page.expect_download() as downloading:
        pdf_link.click(modifiers=["Alt"])  # Chromium saves a link on Alt+click
    download = downloading.value
    assert urlsplit(download.url).path == href
    assert download.suggested_filename == href.rsplit("/", 1)[-1]
    with open(download.path(), "rb") as pdf:
        downloaded = pdf.read()
    assert downloaded.startswith(b"%PDF")

    document_id = int(re.search(r"/documents/(\d+)/", href).group(1))
    with CustomDocument.objects.get(pk=document_id).file.open("rb") as stored:
        assert downloaded == stored.read()
