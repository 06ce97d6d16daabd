"""An event goes public only through review, every step a click in Wagtail's admin.

An editor writes it, a reviewer sends it back with a comment, the editor fixes it and resubmits,
the reviewer approves it, and only then does the public page answer. An event the editor schedules
waits, once approved, for its go-live time: the worker's `publish_scheduled` publishes it then.
"""

import datetime
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time
from playwright.sync_api import expect

from editorial.workflow import ensure_review_workflow
from events.models import EventIndexPage, EventPage
from members.demo import create_demo_users
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.admin_sign_in import sign_in_to_the_admin
from tests.site_tree import ensure_site_tree

EDITOR = ("editor@example.org", "editor-demo-password")
REVIEWER = ("reviewer@example.org", "reviewer-demo-password")

TITLE = "Working with people who hoard: a practical session"
FIRST_SUMMARY = "A practical session on hoarding."
NEW_SUMMARY = "A practical session for housing and support workers on helping people who hoard."
PARAGRAPH = "We look at why people hoard and how to build trust before talking about clearing."
COMMENT = "Please say who the session is for in the summary."
SUBMIT = "Submit to Review before publishing"
RESUBMIT = "Resubmit to Approval by another reviewer"
SCHEDULED_TITLE = "Making every contact count: a briefing for new workers"
SCHEDULED_SUMMARY = "A short briefing on using everyday conversations to offer help."


@pytest.fixture
def events_index(page):
    """The site tree, the review workflow, the demo accounts and a live "Events" page.

    Only what this journey needs (the full demo content takes longer than the journey itself).
    The workflow is attached to the root page again because a flush by an earlier browser test
    removes that link and ensure_site_tree() does not restore it.
    """
    home = ensure_site_tree()
    ensure_review_workflow()
    create_demo_users()
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=EventIndexPage(title="Events", slug="events"))
        index.save_revision().publish()
    return index


def sign_out(page):
    page.locator(".sidebar-footer button[aria-haspopup=menu]").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Log out").click()
    page.wait_for_selector("input[name=login]")


def open_action_menu(page):
    """Open the dropdown above the editor's main button; return the visible action buttons."""
    page.get_by_role("button", name="More actions").click()
    menu = page.locator("footer nav[aria-label='Actions (footer)']")
    menu.locator(".w-dropdown__content button").first.wait_for(state="visible")
    return [text.strip() for text in menu.locator("button").all_inner_texts() if text.strip()]


def assert_cannot_publish(page, actions):
    assert not any(re.fullmatch(r"Publish\b.*", action) for action in actions), actions
    assert page.locator("[name=action-publish]").count() == 0


def add_text_block(page, text):
    """Add a Text block to the body StreamField and type into its Draftail editor."""
    page.locator("#body-root").get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Text").click()
    editor = page.locator("#body-root [contenteditable=true]").first
    editor.wait_for()
    editor.click()
    page.keyboard.type(text)
    # Draftail writes its content to the hidden form field a moment after typing stops;
    # submitting before that would send an empty block.
    page.wait_for_function(
        "text => document.querySelector(\"input[name='body-0-value']\").value.includes(text)",
        arg=text,
    )


def add_event(page, events_index):
    """From the Events page's listing in the admin, open the form for a new event."""
    page.goto(f"/admin/pages/{events_index.pk}/")
    with page.expect_navigation():
        page.locator(f"a[href='/admin/pages/{events_index.pk}/add_subpage/']").first.click()
    page.wait_for_selector("#id_title")
    assert "/admin/pages/add/events/eventpage/" in page.url  # the only page type allowed here


def fill_in_event(page, title, summary, starts, ends):
    """The fields an event needs: an online learning event with one paragraph."""
    page.fill("#id_title", title)
    page.fill("#id_summary", summary)
    page.fill("#id_start", starts.strftime("%Y-%m-%d %H:%M"))
    page.keyboard.press("Escape")  # close the date picker
    page.fill("#id_end", ends.strftime("%Y-%m-%d %H:%M"))
    page.keyboard.press("Escape")
    page.select_option("#id_event_type", label="Learning event")
    page.select_option("#id_event_format", label="Online")
    add_text_block(page, PARAGRAPH)


def test_event_goes_live_only_after_another_person_approves_it(page, events_index):
    starts = timezone.localtime() + datetime.timedelta(days=30)
    starts = starts.replace(hour=10, minute=0)
    ends = starts.replace(hour=12, minute=30)

    # (a) The editor adds an event under Events and submits it for review.
    sign_in_to_the_admin(page, *EDITOR)
    add_event(page, events_index)
    fill_in_event(page, TITLE, FIRST_SUMMARY, starts, ends)

    # (b) An editor has no way to publish: only to save a draft or submit for review.
    actions = open_action_menu(page)
    assert SUBMIT in actions, actions
    assert_cannot_publish(page, actions)

    with page.expect_navigation():
        page.get_by_role("button", name=SUBMIT).click()
    row = page.locator("tr", has_text=TITLE)  # back on the Events listing
    row.wait_for()
    assert "IN MODERATION" in row.inner_text().upper()

    event = EventPage.objects.get(title=TITLE)
    assert not event.live
    public_url = event.get_url()
    assert public_url == f"/events/{event.slug}/"

    page.goto("/admin/")
    in_workflow = page.locator("section", has_text="Your pages and snippets in a workflow")
    assert "Awaiting Approval by another reviewer" in in_workflow.locator(
        "tr", has_text=TITLE
    ).inner_text().replace("\n", " ")
    sign_out(page)
    assert page.request.get(public_url).status == 404

    # (c) The reviewer finds it on the dashboard and asks for a change, with a comment.
    sign_in_to_the_admin(page, *REVIEWER)
    awaiting = page.locator("#awaiting-review-section")
    row = awaiting.locator("tr", has_text=TITLE)
    assert "Eddie Editor" in row.inner_text()
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Request changes").click()
    dialog = page.locator(".modal")
    dialog.locator("#id_comment").fill(COMMENT)
    with page.expect_navigation():
        dialog.get_by_role("button", name="Request changes").click()
    page.wait_for_selector("h1:has-text('PDU Hub')")
    assert page.locator("#awaiting-review-section tr", has_text=TITLE).count() == 0
    sign_out(page)

    # The worker (run inline in tests) emails the editor the comment.
    to_editor = [message for message in mail.outbox if EDITOR[0] in message.to]
    assert any(COMMENT in message.body for message in to_editor)

    # The editor sees the comment on the page's status, changes the summary and resubmits.
    sign_in_to_the_admin(page, *EDITOR)
    in_workflow = page.locator("section", has_text="Your pages and snippets in a workflow")
    row = in_workflow.locator("tr", has_text=TITLE)
    assert "Changes requested" in row.inner_text()
    with page.expect_navigation():
        row.get_by_role("link", name=TITLE).click()
    page.get_by_role("button", name="Toggle status").click()
    page.get_by_role("button", name="View details").click()
    status = page.locator("#workflow-status-dialog")
    status.wait_for(state="visible")
    assert "Changes requested by Rita Reviewer" in status.inner_text()
    assert COMMENT in status.inner_text()
    status.get_by_role("button", name="Close dialog").click()

    page.fill("#id_summary", NEW_SUMMARY)
    actions = open_action_menu(page)
    assert RESUBMIT in actions, actions
    assert_cannot_publish(page, actions)
    with page.expect_navigation():
        page.get_by_role("button", name=RESUBMIT).click()
    page.locator("tr", has_text=TITLE).wait_for()
    sign_out(page)
    assert page.request.get(public_url).status == 404

    # The reviewer approves from the dashboard; approval publishes.
    sign_in_to_the_admin(page, *REVIEWER)
    row = page.locator("#awaiting-review-section tr", has_text=TITLE)
    row.get_by_role("button", name="Actions").click()
    with page.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_selector("h1:has-text('PDU Hub')")
    sign_out(page)

    response = page.goto(public_url)
    assert response.status == 200
    assert page.locator("h1").inner_text() == TITLE
    assert NEW_SUMMARY in page.locator("main").inner_text()
    assert PARAGRAPH in page.locator("main").inner_text()

    # (b) again, on the live event: the editor's next change also has to go through review.
    sign_in_to_the_admin(page, *EDITOR)
    page.goto(f"/admin/pages/{event.pk}/edit/")
    actions = open_action_menu(page)
    assert SUBMIT in actions, actions
    assert_cannot_publish(page, actions)


def set_go_live(page, go_live):
    """Choose when the page goes live, in the status side panel's publishing schedule.

    Saving the schedule saves the page as a draft, so the form must be complete.
    """
    page.get_by_role("button", name="Toggle status").click()
    page.get_by_role("button", name="Set schedule").click()
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.locator("#id_go_live_at").fill(go_live.strftime("%Y-%m-%d %H:%M"))
    # Close the date picker with a click beside it: Escape would close the dialog and forget
    # the date, and Tab opens the next field's picker over the button.
    date_picker = page.locator(".xdsoft_datetimepicker:visible")
    date_picker.wait_for()
    dialog.get_by_text("Anyone with editing permissions can create schedules").click()
    expect(date_picker).to_have_count(0)
    with page.expect_navigation():
        dialog.get_by_role("button", name="Save schedule").click()


def test_an_approved_event_waits_for_its_go_live_time(page, events_index, journey_screenshots):
    now = timezone.localtime()
    go_live = (now + datetime.timedelta(days=2)).replace(hour=9, minute=0, second=0, microsecond=0)
    starts = (now + datetime.timedelta(days=30)).replace(hour=10, minute=0)
    ends = starts.replace(hour=12, minute=30)

    # The editor writes the event, schedules it and submits it for review.
    sign_in_to_the_admin(page, *EDITOR)
    add_event(page, events_index)
    fill_in_event(page, SCHEDULED_TITLE, SCHEDULED_SUMMARY, starts, ends)
    set_go_live(page, go_live)
    # Saved as a draft ("created", or "updated" when the admin's autosave got there first).
    assert f"Page '{SCHEDULED_TITLE}'" in page.locator(".messages").inner_text()
    assert re.search(r"/admin/pages/\d+/edit/$", page.url)
    status = " ".join(page.locator("[data-side-panel='status']").inner_text().split())
    assert f"Once scheduled: Go-live: {go_live.day} {go_live:%b %Y}, 9 a.m." in status, status
    journey_screenshots.take(page, "editor schedules the event")

    actions = open_action_menu(page)
    assert_cannot_publish(page, actions)
    with page.expect_navigation():
        page.get_by_role("button", name=SUBMIT).click()
    row = page.locator("tr", has_text=SCHEDULED_TITLE)
    row.wait_for()
    assert "IN MODERATION" in row.inner_text().upper()
    journey_screenshots.take(page, "submitted for review")

    event = EventPage.objects.get(title=SCHEDULED_TITLE)
    assert not event.live
    assert event.go_live_at == go_live
    public_url = event.get_url()
    sign_out(page)
    assert page.request.get(public_url).status == 404

    # The reviewer approves it from the dashboard: it is scheduled, not published.
    sign_in_to_the_admin(page, *REVIEWER)
    row = page.locator("#awaiting-review-section tr", has_text=SCHEDULED_TITLE)
    assert "Eddie Editor" in row.inner_text()
    journey_screenshots.take(page, "reviewer dashboard")
    row.get_by_role("button", name="Actions").click()
    with page.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_selector("h1:has-text('PDU Hub')")
    page.goto(f"/admin/pages/{events_index.pk}/")
    row = page.locator("tr", has_text=SCHEDULED_TITLE)
    assert "SCHEDULED" in row.inner_text().upper()
    journey_screenshots.take(page, "approved and scheduled")
    sign_out(page)

    event.refresh_from_db()
    assert not event.live
    assert event.scheduled_revision.approved_go_live_at == go_live
    assert page.request.get(public_url).status == 404

    # The worker's scheduled publishing does nothing before the go-live time...
    call_command("publish_scheduled", stdout=StringIO())
    event.refresh_from_db()
    assert not event.live
    assert page.request.get(public_url).status == 404

    # ...and publishes the approved event once the time has come.
    with freeze_time(go_live + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled", stdout=StringIO())
    event.refresh_from_db()
    assert event.live
    response = page.goto(public_url)
    assert response.status == 200
    assert page.locator("h1").inner_text() == SCHEDULED_TITLE
    assert SCHEDULED_SUMMARY in page.locator("main").inner_text()
    journey_screenshots.take(page, "event is live")
    assert_no_axe_violations(page)
