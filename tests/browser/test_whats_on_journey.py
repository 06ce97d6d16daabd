"""A visitor, signed out, goes from the home page to the events, narrows them with the filters,
opens an in-person event and adds it to their calendar: the file they download says the same
title, start and place as the page."""

import datetime
import re
from urllib.parse import urlsplit

from icalendar import Calendar

from tests.browser.accessibility import assert_no_axe_violations


def follow(page, link):
    with page.expect_navigation():
        link.click()


def test_a_visitor_finds_an_event_and_adds_it_to_their_calendar(
    page, demo_content, journey_screenshots
):
    page.goto("/")
    journey_screenshots.take(page, "home page")
    main_menu = page.get_by_role("navigation", name="Main")
    follow(page, main_menu.get_by_role("link", name="Events"))
    assert page.locator("h1").inner_text() == "Events"
    journey_screenshots.take(page, "events")

    # The filters are a plain form: choose by label, submit with the button.
    page.get_by_label("Type of event").select_option(label="Learning event")
    page.get_by_label("How you take part").select_option(label="In person, including hybrid events")
    follow(page, page.get_by_role("button", name="Apply filters"))
    assert "type=learning_event" in page.url and "format=in_person" in page.url
    summary = page.locator(".event-filters__summary").inner_text()
    assert summary == "Showing events for: Learning event, In person, including hybrid events."
    upcoming = page.get_by_role("region", name="Upcoming events")
    kinds = upcoming.locator(".card--event .card__meta").all_inner_texts()
    assert kinds
    allowed = {"Learning event · In person", "Learning event · Hybrid (in person and online)"}
    assert {kind.splitlines()[-1] for kind in kinds} <= allowed, kinds
    journey_screenshots.take(page, "filtered events")
    assert_no_axe_violations(page)

    # The first in-person learning event on the list.
    card = upcoming.locator(".card--event", has_text="Learning event · In person").first
    title = card.locator(".card__link").inner_text()
    follow(page, card.locator(".card__link"))
    assert page.locator("h1").inner_text() == title
    starts = datetime.datetime.fromisoformat(
        page.locator("main .meta-list time").first.get_attribute("datetime")
    )
    venue_lines = page.locator("main .event-venue").inner_text().splitlines()
    assert len(venue_lines) >= 3  # name, address, postcode
    journey_screenshots.take(page, "event")
    assert_no_axe_violations(page)

    add = page.get_by_role("link", name=re.compile(r"^Add to calendar"))
    assert add.get_attribute("type") == "text/calendar"
    with page.expect_download() as downloading:
        add.click()
    download = downloading.value
    assert download.suggested_filename.endswith(".ics")
    assert urlsplit(download.url).path == add.get_attribute("href")
    with open(download.path(), "rb") as ics:
        (event,) = Calendar.from_ical(ics.read()).walk("VEVENT")
    assert str(event["SUMMARY"]) == title
    assert event.decoded("DTSTART") == starts
    assert str(event["LOCATION"]) == ", ".join(line.strip() for line in venue_lines)
    assert urlsplit(str(event["URL"])).path == urlsplit(page.url).path


def test_a_broken_filter_link_still_gives_an_accessible_page(page, demo_content):
    page.goto("/events/?month=2026-13&type=%00")
    notice = page.locator(".event-filters__notice").inner_text()
    assert "Type of event, Month" in notice
    assert page.locator(".card--event").count() > 0
    assert_no_axe_violations(page)
