"""The review panel in the translation editor: what it says, and what its button does."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import WorkflowState

from tests.roles import client_for

from .admin_actions import workflow_action
from .translation_actions import (
    admin_edit_url,
    submit_for_review,
    translate_page,
    translate_string,
    translation_of,
    update_translations,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(editor):
    return client_for(editor)


@pytest.fixture
def polish(english, translator):
    _response, polish = translate_page(translator, english)
    translate_string(translator, translation_of(english), "introduction", "Polskie słowa.")
    return polish


def review_panel(client, page):
    screen = BeautifulSoup(client.get(admin_edit_url(page)).content, "html.parser")
    heading = screen.find(id="translation-review-heading")
    return heading.find_parent("section") if heading else None


def messages_after(response):
    return [str(message) for message in response.context["messages"]]


def test_the_panel_offers_to_submit_a_new_translation_for_review(english, polish, translator):
    panel = review_panel(translator, polish)
    assert panel is not None
    text = " ".join(panel.get_text().split())
    assert "This translation is not published yet." in text
    form = panel.find("form")
    assert form["method"] == "post"
    assert form["action"] == reverse(
        "translation_submit_for_review", args=[translation_of(english).pk]
    )
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is not None
    button = form.find("button", attrs={"type": "submit"})
    assert " ".join(button.get_text().split()) == "Submit this Polish translation for review"


def test_while_in_review_the_panel_says_so_and_a_second_submission_changes_nothing(
    english, polish, translator, editor
):
    translation = translation_of(english)
    submit_for_review(translator, translation)
    polish.refresh_from_db()
    revision = polish.latest_revision_id

    panel = review_panel(translator, polish)
    text = " ".join(panel.get_text().split())
    assert "In review since" in text
    assert "sent by Eddie Editor" in text
    assert panel.find("form") is None

    translate_string(translator, translation, "introduction", "Inne słowa.")
    response = submit_for_review(translator, translation)
    assert "already waiting for review" in " ".join(messages_after(translator.get("/admin/")))
    assert response.status_code == 302
    polish.refresh_from_db()
    assert polish.latest_revision_id == revision
    assert WorkflowState.objects.filter(object_id=str(polish.pk)).count() == 1


def test_changes_requested_are_shown_and_the_translation_goes_back_into_the_same_review(
    english, polish, translator, reviewer, other_reviewer
):
    translation = translation_of(english)
    submit_for_review(translator, translation)
    polish.refresh_from_db()
    state = polish.current_workflow_state
    workflow_action(client_for(reviewer), polish, "reject", comment="Please translate the title.")

    panel = review_panel(translator, polish)
    text = " ".join(panel.get_text().split())
    assert "Changes requested by Rita Reviewer" in text
    assert "Please translate the title." in panel.find("blockquote").get_text()
    button = panel.find("form").find("button")
    assert " ".join(button.get_text().split()) == "Send this Polish translation for review again"

    translate_string(translator, translation, "title", "Świadomość zbieractwa")
    response = submit_for_review(translator, translation)
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    polish.refresh_from_db()
    assert polish.draft_title == "Świadomość zbieractwa"

    workflow_action(client_for(other_reviewer), polish, "approve")
    polish.refresh_from_db()
    assert polish.live and polish.title == "Świadomość zbieractwa"


def test_the_panel_of_a_live_translation_says_the_published_version_stays(
    english, polish, translator, reviewer
):
    submit_for_review(translator, translation_of(english))
    polish.refresh_from_db()
    workflow_action(client_for(reviewer), polish, "approve")

    text = " ".join(review_panel(translator, polish).get_text().split())
    assert "When your changes are ready, submit them for review." in text
    assert "people see the version published on" in text


def test_a_locked_translation_cannot_be_sent_for_review(english, polish, translator, administrator):
    client_for(administrator).post(reverse("wagtailadmin_pages:lock", args=[polish.pk]))
    polish.refresh_from_db()
    assert polish.locked

    response = submit_for_review(translator, translation_of(english))
    assert response.status_code == 302
    assert "is locked" in " ".join(messages_after(translator.get("/admin/")))
    polish.refresh_from_db()
    assert not polish.workflow_in_progress


def test_sync_leaves_translations_already_in_review_alone(english, polish, translator, editor):
    submit_for_review(translator, translation_of(english))
    polish.refresh_from_db()
    revision = polish.latest_revision_id

    english.introduction = "New English words."
    english.save_revision().publish()
    response = update_translations(translator, english)
    assert response.status_code == 302

    polish.refresh_from_db()
    assert polish.latest_revision_id == revision
    assert "New English words." not in polish.get_latest_revision().content["introduction"]
    shown = " ".join(messages_after(translator.get("/admin/")))
    assert "already waiting for review, so it was not changed" in shown
