"""A visitor filters what's on, opens an event and adds it to their calendar."""

from django.core.management import call_command
from icalendar import Calendar

from tests.browser.accessibility import assert_no_axe_violations


def test_filter_events_then_add_one_to_a_calendar(page):
    call_command("load_demo_content", verbosity=0)

    page.goto("/events/")
    assert_no_axe_violations(page)

    # The filters are a plain form: choose by label, submit with the button.
    page.get_by_label("How you take part").select_option("online")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply filters").click()
    assert "format=online" in page.url
    assert_no_axe_violations(page)
    summary = page.locator(".event-filters__summary").inner_text()
    assert summary == "Showing events for: Online, including hybrid events."
    upcoming = page.get_by_role("region", name="Upcoming events")
    formats = upcoming.locator(".card--event .card__meta").all_inner_texts()
    assert formats
    assert all("Online" in text or "Hybrid" in text for text in formats)

    event_link = upcoming.locator(".card--event a").first
    title = event_link.inner_text()
    with page.expect_navigation():
        event_link.click()
    assert page.locator("h1").inner_text() == title
    assert_no_axe_violations(page)

    add = page.locator('main a[type="text/calendar"]')
    assert add.inner_text().startswith("Add to calendar")
    response = page.request.get(add.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    (event,) = Calendar.from_ical(response.body()).walk("VEVENT")
    assert str(event["SUMMARY"]) == title


def test_a_broken_filter_link_still_gives_an_accessible_page(page):
    call_command("load_demo_content", verbosity=0)
    page.goto("/events/?month=2026-13&type=%00")
    notice = page.locator(".event-filters__notice").inner_text()
    assert "Type of event, Month" in notice
    assert page.locator(".card--event").count() > 0
    assert_no_axe_violations(page)
