"""A member finds an event from the home page, signs in, books a place and downloads its
calendar file. The event page with its booking panel passes axe (WCAG 2.2 AA)."""

from allauth.account.models import EmailAddress
from icalendar import Calendar

from events.booking import Booking
from events.models import EventFormat
from tests.browser.accessibility import assert_no_axe_violations
from tests.events.booking_helpers import JOINING_URL, make_bookable_event
from tests.roles import PASSWORD, make_user
from tests.site_tree import ensure_site_tree


def test_a_member_books_a_place_from_the_home_page(page, journey_screenshots):
    ensure_site_tree()
    event = make_bookable_event(
        capacity=3,
        title="Trauma informed care in practice",
        event_format=EventFormat.ONLINE,
        joining_url=JOINING_URL,
    )
    member = make_user("mo@example.org", "Members", first_name="Mo")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)

    page.goto("/")
    with page.expect_navigation():
        page.get_by_role("link", name="Trauma informed care in practice").first.click()
    assert page.url.endswith(event.url)
    assert "3 places left" in page.locator("#booking").inner_text()
    assert JOINING_URL not in page.content()
    journey_screenshots.take(page, "event with places left")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Sign in to book").click()
    page.fill("input[name=login]", "mo@example.org")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.url.endswith(event.url)

    with page.expect_navigation():
        page.get_by_role("button", name="Book a place").click()
    assert "You have a place" in page.locator("#booking").inner_text()
    assert page.get_by_role("link", name=JOINING_URL).is_visible()
    assert Booking.objects.get(user=member).is_confirmed
    journey_screenshots.take(page, "place booked")
    assert_no_axe_violations(page)

    add = page.locator('main a[type="text/calendar"]')
    response = page.request.get(add.get_attribute("href"))
    assert response.status == 200
    (vevent,) = Calendar.from_ical(response.body()).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Trauma informed care in practice"
    assert JOINING_URL not in response.text()
