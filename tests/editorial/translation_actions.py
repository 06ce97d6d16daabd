"""Translating through wagtail-localize's admin URLs, as a translator's browser does."""

from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    Translation,
    TranslationSource,
    get_edit_url,
)

from home.models import StandardPage


def locale(code="pl"):
    return Locale.objects.get(language_code=code)


def translated_home(home, code="pl"):
    """The home page in another language, live: what an administrator sets up first."""
    existing = home.get_translations().filter(locale__language_code=code).first()
    if existing is not None:
        return existing.specific
    home_translation = home.copy_for_translation(locale(code))
    home_translation.save_revision().publish()
    return home_translation


def live_english_page(home, title="Hoarding awareness", introduction="English words."):
    page = home.add_child(instance=StandardPage(title=title, introduction=introduction))
    page.save_revision().publish()
    return page


def translate_page(client, page, code="pl", **fields):
    """'Translate this page' into one language; returns the response and the new translation."""
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale(code).pk], **fields},
    )
    return response, page.get_translations().filter(locale__language_code=code).first()


def translate_snippet(client, snippet, code="pl"):
    meta = snippet._meta
    response = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, snippet.pk],
        ),
        {"locales": [locale(code).pk]},
    )
    translated = type(snippet).objects.filter(
        translation_key=snippet.translation_key, locale__language_code=code
    )
    return response, translated.first()


def translation_of(instance, code="pl"):
    source = TranslationSource.objects.get_for_instance(instance)
    return Translation.objects.get(source=source, target_locale__language_code=code)


def translate_string(client, translation, field, value):
    """Type a translation into the editor's box for `field` (its API call, as the editor makes)."""
    segment = StringSegment.objects.get(source=translation.source, context__path=field)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(
        url, encode_multipart(BOUNDARY, {"value": value}), content_type=MULTIPART_CONTENT
    )


def submit_for_review(client, translation):
    return client.post(reverse("translation_submit_for_review", args=[translation.pk]))


def publish_from_the_editor(client, translated):
    """The translation editor's "Publish in <language>" button."""
    return client.post(admin_edit_url(translated), {"action": "publish"})


def update_translations(client, english, **fields):
    """'Sync translated pages' for `english`, with the form's fields as given."""
    source = TranslationSource.objects.get_for_instance(english)
    return client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), fields)


def admin_edit_url(instance):
    return get_edit_url(instance)


def public_page(url):
    """What a visitor who is not signed in gets at `url`."""
    return Client().get(url)
