"""Machine translation gives a first draft, never a published page; and its settings are checked.

The tests use wagtail-localize's offline dummy translator (settings/test.py), which reverses the
words of each sentence.
"""

import pytest
from django.core.checks import run_checks
from django.test import override_settings
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from editorial.checks import check_machine_translator
from tests.roles import client_for

from .admin_actions import workflow_action
from .translation_actions import (
    admin_edit_url,
    live_english_page,
    public_page,
    submit_for_review,
    translate_page,
    translated_home,
    translation_of,
    update_translations,
)

DEEPL = {"CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator"}
LIBRETRANSLATE = {"CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator"}


@pytest.fixture
def english(home):
    translated_home(home, "pl")
    return live_english_page(home, introduction="Words in English.")


@pytest.mark.django_db
def test_machine_translation_fills_a_draft_and_publishes_nothing(english, editor):
    translator = client_for(editor)
    _response, polish = translate_page(translator, english)
    translation = translation_of(english)

    response = translator.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": admin_edit_url(polish)},
    )
    assert response.status_code == 302

    machine_made = StringTranslation.objects.filter(
        locale=polish.locale, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )
    assert machine_made.filter(data="English. in Words").exists()
    assert machine_made.first().last_translated_by == editor
    polish.refresh_from_db()
    assert not polish.live
    assert public_page("/pl/hoarding-awareness/").status_code == 404

    # Sent for review, the machine's draft is what the reviewer sees; still nothing is public.
    submit_for_review(translator, translation)
    polish.refresh_from_db()
    assert polish.get_latest_revision().content["introduction"] == "English. in Words"
    assert polish.workflow_in_progress
    assert not polish.live


@pytest.mark.django_db
def test_sync_with_machine_translation_sends_the_machine_draft_for_review(
    english, editor, reviewer, django_capture_on_commit_callbacks
):
    translator = client_for(editor)
    _response, polish = translate_page(translator, english)
    submit_for_review(translator, translation_of(english))
    polish.refresh_from_db()
    workflow_action(client_for(reviewer), polish, "approve")
    polish.refresh_from_db()
    assert polish.live

    english.introduction = "Changed words in English."
    english.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        update_translations(translator, english, use_machine_translation="on")

    polish.refresh_from_db()
    assert polish.specific.introduction == "Words in English."
    assert polish.get_latest_revision().content["introduction"] == "English. in words Changed"
    assert polish.workflow_in_progress


def test_no_warning_when_machine_translation_is_off():
    with override_settings(PDU_MACHINE_TRANSLATOR=""):
        assert check_machine_translator() == []


@pytest.mark.parametrize(
    ("chosen", "translator", "expected_id", "names"),
    [
        ("deepl", {**DEEPL, "OPTIONS": {"AUTH_KEY": ""}}, "editorial.W002", "DEEPL_API_KEY"),
        (
            "libretranslate",
            {**LIBRETRANSLATE, "OPTIONS": {"LIBRETRANSLATE_URL": "", "API_KEY": "key"}},
            "editorial.W002",
            "LIBRETRANSLATE_URL",
        ),
        ("google", None, "editorial.W001", "'google'"),
    ],
)
def test_a_machine_translator_that_cannot_work_is_a_warning(chosen, translator, expected_id, names):
    with override_settings(
        PDU_MACHINE_TRANSLATOR=chosen, WAGTAILLOCALIZE_MACHINE_TRANSLATOR=translator
    ):
        warnings = check_machine_translator()
    assert [warning.id for warning in warnings] == [expected_id]
    assert names in warnings[0].msg


@pytest.mark.parametrize(
    ("chosen", "translator"),
    [
        ("deepl", {**DEEPL, "OPTIONS": {"AUTH_KEY": "a-key"}}),
        ("libretranslate", {**LIBRETRANSLATE, "OPTIONS": {"LIBRETRANSLATE_URL": "http://lt:5000"}}),
    ],
)
def test_a_configured_machine_translator_passes(chosen, translator):
    with override_settings(
        PDU_MACHINE_TRANSLATOR=chosen, WAGTAILLOCALIZE_MACHINE_TRANSLATOR=translator
    ):
        assert check_machine_translator() == []


def test_the_check_runs_with_the_sites_checks():
    with override_settings(PDU_MACHINE_TRANSLATOR="deepl", WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None):
        found = run_checks()
    assert "editorial.W002" in [message.id for message in found]
