"""Languages: English first and unprefixed, the community languages beside it."""

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models


def test_wagtail_localize_replaces_wagtails_own_locales_app():
    assert apps.is_installed("wagtail_localize")
    assert apps.is_installed("wagtail_localize.locales")
    assert not apps.is_installed("wagtail.locales")
    assert settings.WAGTAIL_I18N_ENABLED is True


def test_new_translations_start_as_drafts():
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False


def test_every_snippet_is_translatable():
    untranslatable = [
        model.__name__ for model in get_snippet_models() if not issubclass(model, TranslatableMixin)
    ]
    assert untranslatable == []


def test_every_page_type_is_translatable():
    page_models = [m for m in apps.get_models() if issubclass(m, Page)]
    assert page_models
    assert all(issubclass(model, TranslatableMixin) for model in page_models)


@pytest.mark.django_db
def test_the_default_locale_is_british_english_and_each_language_has_a_locale():
    assert Locale.get_default().language_code == "en-gb"
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(
        code for code, _name in settings.LANGUAGES
    )
    assert [code for code, _name in settings.LANGUAGES] == ["en-gb", "pl", "ro", "ur", "ar"]


def test_urdu_and_arabic_are_written_right_to_left():
    assert translation.get_language_info("ur")["bidi"] is True
    assert translation.get_language_info("ar")["bidi"] is True
    assert translation.get_language_info("pl")["bidi"] is False


def test_english_urls_have_no_language_prefix():
    with translation.override("en-gb"):
        assert reverse("wagtail_serve", args=[""]) == "/"
