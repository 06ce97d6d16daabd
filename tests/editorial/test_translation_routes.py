"""Every wagtail-localize route that could make a translation public, tried by each role.

Editors and reviewers are refused each one: their translations go public only through an approved
review. Each refusal is paired with a site administrator succeeding at the same request, so a test
cannot pass merely because the request was malformed.
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import resolve, reverse
from wagtail.models import WorkflowState
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from editorial import translation_routes
from tests.roles import client_for

from .translation_actions import (
    admin_edit_url,
    publish_from_the_editor,
    translate_page,
    translate_string,
    translation_of,
    update_translations,
)

pytestmark = pytest.mark.django_db

EVERYONE = ["editor", "reviewer", "administrator"]


@pytest.fixture(params=EVERYONE)
def role(request):
    return request.param


@pytest.fixture
def client(request, role):
    return client_for(request.getfixturevalue(role))


def may_publish(role):
    return role == "administrator"


def translation_of_polish(polish):
    return translation_of(polish.get_translation(polish.locale.get_default()))


@pytest.fixture
def draft_polish(english, editor):
    """A Polish translation an editor has started: a draft with one string translated."""
    translator = client_for(editor)
    _response, polish = translate_page(translator, english)
    translate_string(translator, translation_of(english), "introduction", "Polskie słowa.")
    return polish


def test_wagtail_localizes_links_lead_to_the_sites_views():
    def view_at(name, *args):
        return resolve(reverse(f"wagtail_localize:{name}", args=args)).func

    assert view_at("update_translations", 1).view_class is (
        translation_routes.UpdateTranslationsThroughReview
    )
    assert issubclass(view_at("update_translations", 1).view_class, UpdateTranslationsView)
    assert view_at("submit_page_translation", 1).view_class is (
        translation_routes.TranslatePageKeepingLiveVersions
    )
    assert issubclass(view_at("submit_page_translation", 1).view_class, SubmitPageTranslationView)
    assert view_at("submit_snippet_translation", "events", "venue", "1").view_class is (
        translation_routes.TranslateSnippetKeepingLiveVersions
    )
    assert view_at("convert_to_alias", 1).__name__ == "convert_to_alias_for_administrators"


def test_publish_in_the_translation_editor(
    role, client, draft_polish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish_from_the_editor(client, draft_polish)
    draft_polish.refresh_from_db()
    assert draft_polish.live is may_publish(role)


def test_the_translation_editor_offers_publish_to_administrators_only(role, client, draft_polish):
    screen = BeautifulSoup(client.get(admin_edit_url(draft_polish)).content, "html.parser")
    props = json.loads(screen.select_one(".js-translation-editor")["data-props"])
    assert props["perms"]["canPublish"] is may_publish(role)
    # Converting back to an alias would put the English page live at this address at once.
    assert (props["links"]["convertToAliasUrl"] is not None) is may_publish(role)


def test_update_translations_with_publish_immediately_ticked(
    role, client, english, draft_polish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = update_translations(client, english, publish_translations="on")
    assert response.status_code == 302
    draft_polish.refresh_from_db()
    assert draft_polish.live is may_publish(role)


def test_update_translations_offers_publish_immediately_to_administrators_only(
    role, client, english, draft_polish
):
    source_id = translation_of(english).source_id
    screen = client.get(reverse("wagtail_localize:update_translations", args=[source_id]))
    page = screen.content.decode()
    assert ('name="publish_translations"' in page) is may_publish(role)
    assert ("sent for review as you" in page) is not may_publish(role)


def test_convert_a_translation_to_an_alias(role, client, draft_polish):
    url = reverse("wagtail_localize:convert_to_alias", args=[draft_polish.pk])
    client.post(url)
    draft_polish.refresh_from_db()
    # An alias shows the live English page: a draft translation would become live.
    assert (draft_polish.alias_of_id is not None) is may_publish(role)
    assert draft_polish.live is may_publish(role)


def test_the_stopped_translation_uses_the_normal_editor_without_publish(
    role, client, draft_polish, django_capture_on_commit_callbacks
):
    translation = translation_of_polish(draft_polish)
    client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]),
        {"next": admin_edit_url(draft_polish)},
    )
    translation.refresh_from_db()
    assert not translation.enabled

    screen = client.get(admin_edit_url(draft_polish)).content.decode()
    assert ('name="action-publish"' in screen) is may_publish(role)
    assert ('name="localize-convert-to-alias"' in screen) is may_publish(role)

    data = {
        "title": draft_polish.title,
        "slug": draft_polish.slug,
        "introduction": "Polskie słowa, poprawione.",
        "body-count": "0",
        "last_reviewed": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        client.post(admin_edit_url(draft_polish), {**data, "action-publish": "action-publish"})
    draft_polish.refresh_from_db()
    assert draft_polish.live is may_publish(role)


def test_the_stopped_translation_can_be_submitted_in_the_normal_editor(draft_polish, editor):
    client = client_for(editor)
    translation = translation_of_polish(draft_polish)
    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    client.post(
        admin_edit_url(draft_polish),
        {
            "title": draft_polish.title,
            "slug": draft_polish.slug,
            "introduction": "Polskie słowa, poprawione.",
            "body-count": "0",
            "last_reviewed": "",
            "action-submit": "action-submit",
        },
    )
    draft_polish.refresh_from_db()
    assert draft_polish.workflow_in_progress
    assert not draft_polish.live


@pytest.mark.parametrize("too_big", [2**31, 2**63])
def test_ids_beyond_the_database_are_not_found(english, editor, too_big):
    client = client_for(editor)
    assert client.post(reverse("translation_submit_for_review", args=[too_big])).status_code == 404
    assert client.get(f"/admin/localize/update/{too_big}/").status_code == 404
    assert client.get(f"/admin/localize/submit/page/{too_big}/").status_code == 404
    assert client.post(f"/admin/localize/page/{too_big}/convert_to_alias/").status_code == 404


def test_submit_for_review_is_a_post_only_action(draft_polish, editor):
    url = reverse("translation_submit_for_review", args=[translation_of_polish(draft_polish).pk])
    assert client_for(editor).get(url).status_code == 405
    assert not draft_polish.workflow_in_progress


def test_people_without_admin_access_cannot_submit_a_translation(draft_polish, member):
    url = reverse("translation_submit_for_review", args=[translation_of_polish(draft_polish).pk])
    response = client_for(member).post(url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not WorkflowState.objects.filter(object_id=str(draft_polish.pk)).exists()
