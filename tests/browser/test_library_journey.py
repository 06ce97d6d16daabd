"""A visitor searches the library, narrows the results with a filter and opens a resource."""

import re

from django.core.management import call_command

from tests.browser.accessibility import assert_no_axe_violations


def result_count(page):
    return int(re.search(r"\d+", page.locator("main .listing-count").inner_text()).group())


def test_search_filter_and_open_a_resource(page):
    call_command("load_demo_content", verbosity=0)

    page.goto("/resources/")
    everything = result_count(page)
    assert everything >= 40
    assert_no_axe_violations(page)

    library_form = page.locator("#library-search")
    library_form.get_by_label("Search the library").fill("housing")
    with page.expect_navigation():
        library_form.get_by_role("button", name="Search").first.click()
    searched = result_count(page)
    assert 0 < searched < everything
    assert "q=housing" in page.url

    # Narrow to one type with its checkbox; the count beside it says what to expect.
    checkbox = library_form.locator("#facet-type-guide")
    count = library_form.locator("label[for=facet-type-guide] .facet__count").inner_text()
    expected = int(re.search(r"\d+", count).group())
    checkbox.check()
    with page.expect_navigation():
        library_form.get_by_role("button", name="Apply filters").click()
    assert result_count(page) == expected <= searched
    assert "type=guide" in page.url and "q=housing" in page.url
    assert_no_axe_violations(page)

    first = page.locator("main .card a").first
    title = first.inner_text()
    with page.expect_navigation():
        first.click()
    assert page.locator("h1").inner_text() == title
