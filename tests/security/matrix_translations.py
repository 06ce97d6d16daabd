"""wagtail-localize's routes that can make a translation public, for the roles their own tests
leave out: visitors, members and the section team.

Only site administrators publish a translation directly (editorial/translation_routes.py).
COVERED rows are tested in tests/editorial/test_translation_routes.py (editor, reviewer,
administrator). The section team's workstream has no translation of its own here: NOT_APPLICABLE.
"""

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from tests.editorial.translation_actions import (
    live_english_page,
    publish_from_the_editor,
    translate_page,
    translate_string,
    translated_home,
    translation_of,
    update_translations,
)
from tests.roles import client_for

from .matrix_core import COVERED, NOT_APPLICABLE, REFUSED, SIGN_IN, Action, table
from .matrix_pages import fresh

NA = NOT_APPLICABLE


@dataclass
class DraftTranslation:
    english: Any
    polish: Any
    # Wagtail-localize publishes in on-commit callbacks, which a test's transaction holds back.
    run_on_commit: Any


def a_draft_polish_translation(scene):
    """A Polish translation an editor has started: a draft with one string translated."""
    home = scene.fixture("home")
    translated_home(home, "pl")
    english = live_english_page(home)
    translator = client_for(scene.fixture("editor"))
    _response, polish = translate_page(translator, english)
    translate_string(translator, translation_of(english), "introduction", "Polskie słowa.")
    return DraftTranslation(english, polish, scene.fixture("django_capture_on_commit_callbacks"))


def publish_in_the_editor(client, draft):
    with draft.run_on_commit(execute=True):
        return publish_from_the_editor(client, draft.polish)


def sync_and_publish(client, draft):
    with draft.run_on_commit(execute=True):
        return update_translations(client, draft.english, publish_translations="on")


def polish_is_live(draft, _response):
    return fresh(draft.polish).live


PUBLISH_TRANSLATION = Action(
    "translation editor: publish",
    prepare=a_draft_polish_translation,
    attempt=publish_in_the_editor,
    happened=polish_is_live,
)

SYNC_AND_PUBLISH = Action(
    "sync translated pages: publish immediately",
    prepare=a_draft_polish_translation,
    attempt=sync_and_publish,
    happened=polish_is_live,
)

CONVERT_TO_ALIAS = Action(
    "translation: convert to alias",
    prepare=a_draft_polish_translation,
    attempt=lambda client, draft: client.post(
        reverse("wagtail_localize:convert_to_alias", args=[draft.polish.pk])
    ),
    happened=polish_is_live,
)

# fmt: off
ROWS = table(
    # action             anonymous member   editor   section  own reviewer administrator
    (PUBLISH_TRANSLATION, SIGN_IN, SIGN_IN, COVERED, REFUSED, NA, COVERED, COVERED),
    (SYNC_AND_PUBLISH,    SIGN_IN, SIGN_IN, COVERED, REFUSED, NA, COVERED, COVERED),
    (CONVERT_TO_ALIAS,    SIGN_IN, SIGN_IN, COVERED, REFUSED, NA, COVERED, COVERED),
)
# fmt: on
