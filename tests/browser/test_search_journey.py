"""A visitor searches: header suggestions chosen with the keyboard, then a full search."""

import re

from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.accessibility import assert_no_axe_violations


def test_suggestions_keyboard_choice_then_full_search(page):
    call_command("load_demo_content", verbosity=0)

    page.goto("/")
    box = page.get_by_role("combobox", name="Search this site")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press_sequentially("housing fir", delay=30)
    listbox = page.get_by_role("listbox", name="Suggested pages")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    expect(options.first).to_be_visible()
    expect(page.locator(".site-search [role='status']")).to_contain_text("suggestion")
    assert_no_axe_violations(page)  # with the suggestions open

    box.press("ArrowDown")
    first = options.first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    chosen_title = first.locator(".search-suggest__title").inner_text()
    box.press("ArrowDown")
    box.press("ArrowUp")
    with page.expect_navigation():
        box.press("Enter")
    expect(page.locator("h1")).to_have_text(chosen_title)

    box = page.get_by_role("combobox", name="Search this site")
    listbox = page.get_by_role("listbox", name="Suggested pages")
    box.fill("hostels")
    expect(listbox).to_be_visible()
    box.press("Escape")  # closes the suggestions, so Enter runs the full search
    expect(listbox).to_be_hidden()
    expect(box).to_have_value("hostels")
    with page.expect_navigation():
        box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=hostels"))
    expect(page.locator("h1")).to_have_text("Search")
    expect(page.locator(".search-summary")).to_contain_text("results for “hostels”")
    expect(page.locator(".search-result mark").first).to_be_visible()
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 1280, "height": 800})

    result = page.locator(".search-result__link").first
    title = result.inner_text()
    with page.expect_navigation():
        result.click()
    expect(page.locator("h1")).to_have_text(title)


def test_search_without_javascript_still_submits(browser, live_server, transactional_db):
    from tests.site_tree import ensure_site_tree

    ensure_site_tree()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto("/")
        box = tab.get_by_role("searchbox", name="Search this site")
        box.fill("nothing-matches-this")
        with tab.expect_navigation():
            box.press("Enter")
        expect(tab.locator(".search-empty")).to_contain_text("No results")
        # (No axe here: it runs as JavaScript, which this context has switched off.)
    finally:
        context.close()
