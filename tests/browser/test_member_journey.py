"""A visitor joins the hub from the home page and watches a members-only webinar recording.

The email the site sends is read from Django's test outbox: the live server runs in this
process, and the worker's tasks run as soon as they are queued.
"""

import re

from playwright.sync_api import expect
from wagtail.rich_text import RichText

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


def test_join_confirm_sign_in_and_watch_a_members_only_recording(page):
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
