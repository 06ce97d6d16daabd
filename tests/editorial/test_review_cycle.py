"""A page's whole journey through review, driven through the admin's URLs as the real roles."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import WorkflowState

from editorial.scheduling import publish_due_content
from tests.roles import client_for

from .admin_actions import create_page, edit_page, workflow_action

pytestmark = pytest.mark.django_db


def is_public(page):
    return Client().get(page.url if page.live else f"/{page.slug}/").status_code == 200


def test_editor_submits_reviewer_sends_back_editor_resubmits_another_reviewer_approves(
    home, editor, reviewer, other_reviewer, django_capture_on_commit_callbacks
):
    editor_client = client_for(editor)
    # Review emails are queued once each action is saved (on commit), then sent as tasks.
    emails_sent = django_capture_on_commit_callbacks

    # The editor writes a page and submits it: it is not public.
    with emails_sent(execute=True):
        response, page = create_page(
            editor_client, home, "Hoarding awareness", action="action-submit", introduction="Draft."
        )
    assert response.status_code == 302
    assert not page.live
    assert Client().get("/hoarding-awareness/").status_code == 404
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    # Reviewers were emailed (by the worker), with a link straight to the page in the admin.
    submitted = [m for m in mail.outbox if reviewer.email in m.to]
    assert submitted and f"/admin/pages/{page.pk}/edit/" in submitted[0].body

    # The reviewer asks for changes, with a comment that reaches the editor.
    mail.outbox.clear()
    with emails_sent(execute=True):
        response = workflow_action(
            client_for(reviewer), page, "reject", comment="Please add the venue's access details."
        )
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    sent_back = [m for m in mail.outbox if editor.email in m.to]
    assert sent_back and "Please add the venue's access details." in sent_back[0].body

    # The editor changes the page and resubmits.
    response = edit_page(
        editor_client, page, action="action-submit", introduction="Now with access details."
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live

    # The reviewer approves: the page is public, and the editor is told.
    mail.outbox.clear()
    with emails_sent(execute=True):
        response = workflow_action(client_for(other_reviewer), page, "approve")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.specific.introduction == "Now with access details."
    assert Client().get(page.url).status_code == 200
    assert any(editor.email in m.to for m in mail.outbox)


def test_a_reviewer_cannot_approve_their_own_submission(home, reviewer, other_reviewer):
    own_client = client_for(reviewer)
    _response, page = create_page(own_client, home, "My own page", action="action-submit")

    # The approve button is not offered...
    edit_screen = own_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'value="approve"' not in edit_screen
    # ...and posting it anyway is refused (the admin shows its "no permission" message).
    response = workflow_action(own_client, page, "approve")
    page.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not page.live

    # Another reviewer can.
    workflow_action(client_for(other_reviewer), page, "approve")
    page.refresh_from_db()
    assert page.live


def test_a_reviewer_who_last_edited_the_submission_cannot_approve_it(
    home, editor, reviewer, other_reviewer
):
    _response, page = create_page(client_for(editor), home, "Shared page", action="action-submit")
    # The reviewer edits the page while it is in review (saving a draft)...
    edit_page(client_for(reviewer), page, introduction="Reviewer's wording.")
    # ...so they no longer count as "someone else".
    response = workflow_action(client_for(reviewer), page, "approve")
    page.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not page.live

    workflow_action(client_for(other_reviewer), page, "approve")
    page.refresh_from_db()
    assert page.live


def test_awaiting_review_lists_other_peoples_work_only(home, editor, reviewer):
    create_page(client_for(editor), home, "Editor page", action="action-submit")
    create_page(client_for(reviewer), home, "Reviewer page", action="action-submit")

    dashboard = BeautifulSoup(client_for(reviewer).get("/admin/").content, "html.parser")

    awaiting = dashboard.find(id="awaiting-review-section").get_text()
    assert "Editor page" in awaiting
    assert "Reviewer page" not in awaiting


def test_a_future_go_live_keeps_an_approved_page_private_until_the_worker_publishes_it(
    home, editor, reviewer
):
    go_live = (timezone.localtime() + datetime.timedelta(days=2)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    _response, page = create_page(
        client_for(editor),
        home,
        "Winter shelter event",
        action="action-submit",
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
    )
    workflow_action(client_for(reviewer), page, "approve")
    page.refresh_from_db()

    assert not page.live
    assert page.get_latest_revision().approved_go_live_at == go_live
    publish_due_content()
    page.refresh_from_db()
    assert not page.live  # not yet time

    with freeze_time(go_live + datetime.timedelta(seconds=30)):
        publish_due_content()
    page.refresh_from_db()
    assert page.live


def test_expiry_takes_a_page_down_on_time(home, editor, reviewer):
    expires = timezone.now() + datetime.timedelta(days=1)
    _response, page = create_page(
        client_for(editor),
        home,
        "Short-lived notice",
        action="action-submit",
        expire_at=timezone.localtime(expires).strftime("%Y-%m-%d %H:%M"),
    )
    workflow_action(client_for(reviewer), page, "approve")
    page.refresh_from_db()
    assert page.live

    with freeze_time(expires + datetime.timedelta(minutes=1)):
        publish_due_content()
    page.refresh_from_db()
    assert not page.live
    assert page.expired
