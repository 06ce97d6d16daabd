"""A translation's journey through review, driven through the admin's own URLs as the real roles.

An editor translates an English page in wagtail-localize's editor, finds no way to publish it,
sends it for review; another reviewer approves it and it is live under /pl/. When the English page
changes, "Sync translated pages" sends the update for review while the live translation stays.
"""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from tests.roles import client_for

from .admin_actions import workflow_action
from .translation_actions import (
    admin_edit_url,
    public_page,
    publish_from_the_editor,
    submit_for_review,
    translate_page,
    translate_string,
    translation_of,
    update_translations,
)

pytestmark = pytest.mark.django_db


def awaiting_review(client):
    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")
    section = dashboard.find(id="awaiting-review-section")
    return section.get_text() if section else ""


def review_state(page):
    return WorkflowState.objects.filter(object_id=str(page.pk)).order_by("-pk").first()


def test_a_translation_goes_live_only_after_another_person_approves_it(
    english, editor, reviewer, other_reviewer, django_capture_on_commit_callbacks
):
    editor_client = client_for(editor)

    # The editor translates the page into Polish: a draft, not on the public site.
    response, polish = translate_page(editor_client, english)
    assert response.status_code == 302
    assert polish is not None and not polish.live
    translation = translation_of(english)
    for field, words in [("title", "Świadomość zbieractwa"), ("introduction", "Polskie słowa.")]:
        assert translate_string(editor_client, translation, field, words).status_code == 201

    # (a) The editor's "Publish in Polish" is refused.
    with django_capture_on_commit_callbacks(execute=True):
        response = publish_from_the_editor(editor_client, polish)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    # (b) "Sync translated pages" with "Publish immediately" ticked by hand publishes nothing.
    with django_capture_on_commit_callbacks(execute=True):
        update_translations(editor_client, english, publish_translations="on")
    # (c) The page edit view's own publish action goes to the translation editor, which ignores it.
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(admin_edit_url(polish), {"action-publish": "action-publish"})
    # (d) Bulk publishing from the page listing.
    bulk_publish = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"{bulk_publish}?id={polish.pk}", {"include_descendants": ""})
    polish.refresh_from_db()
    assert not polish.live
    assert public_page("/pl/hoarding-awareness/").status_code == 404

    # The editor sends it for review from the translation editor.
    with django_capture_on_commit_callbacks(execute=True):
        response = submit_for_review(editor_client, translation)
    assert response.status_code == 302 and response["Location"] == admin_edit_url(polish)
    polish.refresh_from_db()
    state = review_state(polish)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor
    assert polish.get_latest_revision().user == editor
    assert not polish.live
    assert public_page("/pl/hoarding-awareness/").status_code == 404
    # Reviewers are told, with a link to the translation in the admin.
    told = [message for message in mail.outbox if reviewer.email in message.to]
    assert told and admin_edit_url(polish) in told[0].body

    # The editor (not a reviewer) cannot approve it; a reviewer can, and it goes live.
    workflow_action(editor_client, polish, "approve")
    polish.refresh_from_db()
    assert not polish.live
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client_for(reviewer), polish, "approve")
    polish.refresh_from_db()
    assert polish.live
    page = public_page(polish.url)
    assert polish.url == "/pl/hoarding-awareness/"
    assert page.status_code == 200
    assert "Polskie słowa." in page.content.decode()

    # The English page changes and the editor syncs the translations.
    english.introduction = "New English words."
    english.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        response = update_translations(client_for(editor), english)
    assert response.status_code == 302

    # The Polish page people see is unchanged; the update waits for review.
    polish.refresh_from_db()
    assert polish.live
    public_words = public_page(polish.url).content.decode()
    assert "Polskie słowa." in public_words
    assert "New English words." not in public_words
    update_review = review_state(polish)
    assert update_review.pk != state.pk
    assert update_review.status == WorkflowState.STATUS_IN_PROGRESS
    assert update_review.requested_by == editor
    assert polish.has_unpublished_changes

    # Once a reviewer approves it, the update is live (English until someone translates it).
    workflow_action(client_for(other_reviewer), polish, "approve")
    polish.refresh_from_db()
    assert not polish.has_unpublished_changes
    assert "New English words." in public_page(polish.url).content.decode()


def test_a_reviewer_who_translated_the_page_cannot_approve_it(english, reviewer, other_reviewer):
    translator = client_for(reviewer)
    _response, polish = translate_page(translator, english)
    translation = translation_of(english)
    translate_string(translator, translation, "introduction", "Polskie słowa.")
    submit_for_review(translator, translation)

    # It is not on their list to review, and approving it anyway is refused...
    assert "Hoarding awareness" not in awaiting_review(translator)
    response = workflow_action(translator, polish, "approve")
    polish.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not polish.live

    # ...while another reviewer has it on their list and approves it.
    other = client_for(other_reviewer)
    assert "Hoarding awareness" in awaiting_review(other)
    workflow_action(other, polish, "approve")
    polish.refresh_from_db()
    assert polish.live
    assert "Polskie słowa." in public_page(polish.url).content.decode()
