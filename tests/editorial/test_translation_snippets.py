"""Snippets shown on public pages (here a venue) are translated and reviewed like pages."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from events.models import Venue
from tests.events.factories import make_event, make_event_index, make_venue
from tests.roles import client_for

from .translation_actions import (
    admin_edit_url,
    publish_from_the_editor,
    submit_for_review,
    translate_page,
    translate_snippet,
    translate_string,
    translated_home,
    translation_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def venue(home):
    translated_home(home, "pl")
    venue = make_venue()
    venue.save_revision().publish()
    return venue


def approve_snippet(client, snippet):
    task_state = snippet.current_workflow_task_state
    url = reverse(
        "wagtailsnippets_events_venue:workflow_action", args=[snippet.pk, "approve", task_state.pk]
    )
    return client.post(url)


def test_no_translator_holds_the_permission_to_publish_a_venue(editor, reviewer, administrator):
    assert not editor.has_perm("events.publish_venue")
    assert not reviewer.has_perm("events.publish_venue")
    assert administrator.has_perm("events.publish_venue")


@pytest.mark.parametrize("role", ["editor", "reviewer", "administrator"])
def test_publish_a_venue_translation_in_the_translation_editor(
    request, role, venue, editor, django_capture_on_commit_callbacks
):
    _response, polish = translate_snippet(client_for(editor), venue)
    assert polish is not None and not polish.live

    with django_capture_on_commit_callbacks(execute=True):
        publish_from_the_editor(client_for(request.getfixturevalue(role)), polish)
    polish.refresh_from_db()
    assert polish.live is (role == "administrator")


def test_a_venue_translation_goes_live_when_another_reviewer_approves_it(
    venue, reviewer, other_reviewer, django_capture_on_commit_callbacks
):
    translator = client_for(reviewer)
    _response, polish = translate_snippet(translator, venue)
    translation = translation_of(venue)
    translate_string(translator, translation, "travel", "Przystanek tramwajowy obok.")

    with django_capture_on_commit_callbacks(execute=True):
        response = submit_for_review(translator, translation)
    assert response.status_code == 302
    polish.refresh_from_db()
    assert polish.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not polish.live

    # The reviewer who translated it cannot approve it; another reviewer can.
    approve_snippet(translator, polish)
    polish.refresh_from_db()
    assert not polish.live
    with django_capture_on_commit_callbacks(execute=True):
        approve_snippet(client_for(other_reviewer), polish)
    polish.refresh_from_db()
    assert polish.live
    assert polish.travel == "Przystanek tramwajowy obok."


def test_translating_an_event_keeps_its_live_venue_translation_as_approved(
    home, venue, editor, reviewer, django_capture_on_commit_callbacks
):
    translator = client_for(editor)
    # The venue's Polish translation is approved and live...
    _response, polish_venue = translate_snippet(translator, venue)
    translate_string(translator, translation_of(venue), "travel", "Zatwierdzone.")
    submit_for_review(translator, translation_of(venue))
    polish_venue.refresh_from_db()
    approve_snippet(client_for(reviewer), polish_venue)
    polish_venue.refresh_from_db()
    assert polish_venue.live and polish_venue.travel == "Zatwierdzone."

    # ...then its translation is changed but not sent for review...
    translate_string(translator, translation_of(venue), "travel", "Niezatwierdzone.")
    # ...and an event at the venue is translated, which brings its venue's translation along.
    event = make_event(make_event_index(home), venue=venue)
    event.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        _response, polish_event = translate_page(translator, event)
    assert polish_event is not None

    # What the public sees of the venue is still what the reviewer approved.
    polish_venue = Venue.objects.get(pk=polish_venue.pk)
    assert polish_venue.live
    assert polish_venue.travel == "Zatwierdzone."
    assert polish_venue.get_latest_revision_as_object().travel == "Niezatwierdzone."
    assert polish_event.specific.venue == polish_venue


def test_the_venue_translation_editor_has_the_review_panel(venue, editor):
    translator = client_for(editor)
    _response, polish = translate_snippet(translator, venue)
    screen = translator.get(admin_edit_url(polish))
    assert screen.status_code == 200
    page = screen.content.decode()
    assert "Submit this Polish translation for review" in page
    assert reverse("translation_submit_for_review", args=[translation_of(venue).pk]) in page
