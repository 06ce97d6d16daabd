"""A visitor joins the hub, books a place on an event and watches a members-only webinar recording.

The email the site sends is read from Django's test outbox: the live server runs in this
process, and the worker's tasks run as soon as they are queued.
"""

import re

from playwright.sync_api import expect
from wagtail.rich_text import RichText

from events.booking import Booking
from library.models import ResourceDocument
from members.restrictions import members_only_collection, restrict_to_members
from tests.browser.accessibility import assert_no_axe_violations
from tests.library.factories import (
    PDF_BYTES,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    make_document,
)
from tests.members.accounts import link_in_last_email
from tests.site_tree import ensure_site_tree

EMAIL = "sam.joiner@example.org"
PASSWORD = "a-long-member-password"
RECORDING = "Webinar recording: implementing PIEs"

# In the demo site: a past webinar, its members-only recording, and an event booked on this site.
DEMO_WEBINAR = "Implementing Psychologically Informed Environments (PIEs)"
DEMO_RECORDING = f"Webinar recording: {DEMO_WEBINAR}"
DEMO_RECORDING_URL = "/resources/webinar-recording-implementing-pies/"
DEMO_BOOKABLE_EVENT = "Alcohol and memory: working with alcohol-related brain damage"


def make_recording():
    """A members-only recording in the library, its transcript in the "Members only" files."""
    library = ResourceIndexPageFactory(parent=ensure_site_tree())
    recording = ResourcePageFactory(
        parent=library,
        title=RECORDING,
        summary="The recording of our webinar on psychologically informed services.",
        body=[("paragraph", RichText("<p>Rachel explains the five parts of a PIE.</p>"))],
    )
    restrict_to_members(recording)
    transcript = make_document(title="Transcript: implementing PIEs", filename="pies.pdf")
    transcript.collection = members_only_collection()
    transcript.save()
    ResourceDocument.objects.create(page=recording, document=transcript)
    return library, recording


def follow(page, link):
    with page.expect_navigation():
        link.click()


def test_join_confirm_sign_in_and_watch_a_members_only_recording(page, journey_screenshots):
    library, _recording = make_recording()

    # Join from the home page. A first try with passwords that differ gets a clear error.
    page.goto("/")
    follow(page, page.get_by_role("link", name="Join free"))
    expect(page.locator("h1")).to_have_text("Join the PDU Hub")
    page.get_by_label("First name").fill("Sam")
    page.get_by_label("Email", exact=True).fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD + "-typo")
    follow(page, page.get_by_role("button", name="Join"))
    expect(page.locator(".error-summary")).to_be_visible()
    journey_screenshots.take(page, "passwords differ")
    assert_no_axe_violations(page)

    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    follow(page, page.get_by_role("button", name="Join"))
    expect(page.locator("main")).to_contain_text(EMAIL)

    # The link in the email, opened later in a new browser session (the email app, say).
    confirm_path = link_in_last_email("/accounts/confirm-email/")
    page.context.clear_cookies()
    page.goto(confirm_path)
    follow(page, page.locator("main").get_by_role("button", name=re.compile("Confirm")))

    # The library lists the recording, labelled; opening it asks the visitor to sign in.
    page.goto(library.url)
    card = page.locator(".card", has=page.get_by_role("link", name=RECORDING))
    expect(card.locator(".tag--members")).to_have_text("Members only")
    follow(page, card.get_by_role("link", name=RECORDING))
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    expect(page.locator(".notice--members")).to_contain_text("This is for members")
    journey_screenshots.take(page, "sign in to open the recording")
    assert_no_axe_violations(page)

    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    follow(page, page.locator("main").get_by_role("button", name="Sign in"))

    # Signed in, the member is back on the recording and can open its transcript.
    expect(page.locator("h1")).to_have_text(RECORDING)
    expect(page.locator("main")).to_contain_text("Rachel explains the five parts of a PIE.")
    transcript = page.get_by_role("link", name="Transcript: implementing PIEs")
    response = page.request.get(transcript.get_attribute("href"))
    assert response.status == 200
    assert response.body() == PDF_BYTES
    journey_screenshots.take(page, "recording")
    assert_no_axe_violations(page)


def test_a_new_member_books_a_place_and_opens_a_recording(page, demo_content, journey_screenshots):
    # Signed out, the recording is not there to watch: the visitor is asked to sign in.
    page.goto(DEMO_RECORDING_URL)
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    expect(page.locator(".notice--members")).to_contain_text("This is for members")
    assert DEMO_RECORDING not in page.locator("main").inner_text()
    journey_screenshots.take(page, "recording asks a visitor to sign in")

    follow(
        page,
        page.get_by_role("navigation", name="Your account").get_by_role("link", name="Join free"),
    )
    expect(page).to_have_url(re.compile(r"/accounts/signup/$"))
    page.get_by_label("First name").fill("Sam")
    page.get_by_label("Email", exact=True).fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("textbox", name="Organisation (optional)").fill("Framework Housing")
    journey_screenshots.take(page, "join form")
    follow(page, page.get_by_role("button", name="Join"))
    expect(page.locator("main")).to_contain_text(EMAIL)
    journey_screenshots.take(page, "check your email")
    assert_no_axe_violations(page)

    # The link in the email, opened in the same browser: confirming signs the new member in.
    page.goto(link_in_last_email("/accounts/confirm-email/"))
    journey_screenshots.take(page, "confirm email")
    follow(page, page.locator("main").get_by_role("button", name=re.compile("Confirm")))
    account = page.get_by_role("navigation", name="Your account")
    expect(account.get_by_role("link", name="Your hub")).to_be_visible()
    expect(account.get_by_role("link", name="Sign in")).to_have_count(0)
    journey_screenshots.take(page, "signed in")

    # An upcoming event with places: one click books.
    follow(page, page.get_by_role("navigation", name="Main").get_by_role("link", name="Events"))
    upcoming = page.get_by_role("region", name="Upcoming events")
    follow(page, upcoming.get_by_role("link", name=DEMO_BOOKABLE_EVENT))
    expect(page.locator("#booking")).to_contain_text("places left")
    follow(page, page.get_by_role("button", name=re.compile(r"^Book a place")))
    expect(page.locator("#booking")).to_contain_text("You have a place.")
    expect(page.locator("#booking .booking-panel__joining a")).to_be_visible()
    booking = Booking.objects.get(user__email=EMAIL)
    assert booking.event.title == DEMO_BOOKABLE_EVENT and booking.is_confirmed
    journey_screenshots.take(page, "place booked")
    assert_no_axe_violations(page)

    # The past webinar's page leads to its recording, which now opens.
    follow(page, page.get_by_role("navigation", name="Main").get_by_role("link", name="Events"))
    follow(page, page.get_by_role("link", name=DEMO_WEBINAR, exact=True))
    after = page.get_by_role("region", name="After the event")
    follow(page, after.get_by_role("link", name=DEMO_RECORDING))
    assert page.url.endswith(DEMO_RECORDING_URL)
    expect(page.locator("h1")).to_have_text(DEMO_RECORDING)
    expect(page.locator("main")).to_contain_text("the five parts of a Psychologically Informed")
    watch = page.get_by_role("link", name=re.compile(rf"^Watch .{re.escape(DEMO_WEBINAR)}"))
    expect(watch).to_be_visible()
    transcript = page.get_by_role("link", name=f"Transcript: {DEMO_WEBINAR}")
    response = page.request.get(transcript.get_attribute("href"))
    assert response.status == 200
    assert response.body().startswith(b"%PDF")
    journey_screenshots.take(page, "recording")
    assert_no_axe_violations(page)


def test_the_e_learning_pages_are_accessible(page):
    from elearning.models import ELearningIndexPage, ELearningModulePage

    index = ensure_site_tree().add_child(
        instance=ELearningIndexPage(
            title="E-learning", slug="e-learning", introduction="Modules at your own pace."
        )
    )
    for number in (1, 2):
        module = index.add_child(
            instance=ELearningModulePage(
                title=f"Module {number} title",
                slug=f"module-{number}",
                summary="What it covers.",
                module_number=number,
                topic="pie",
                estimated_minutes=30,
                learning_outcomes="<ul><li>Describe a PIE</li></ul>",
                body=[("content_note", {"text": "This module talks about trauma."})],
            )
        )
        restrict_to_members(module)

    page.goto(index.url)
    expect(page.locator(".module-list .tag--members")).to_have_count(2)
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
