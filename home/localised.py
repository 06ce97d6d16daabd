"""Lists in the reader's language, with the English original wherever a page is not translated.

Editors translate pages one at a time, so in Polish (say) some events have a Polish version and
others exist only in English. A list in Polish shows the Polish version where a live one exists
and otherwise the English original, which is marked `is_fallback`: templates label it "English"
and put lang="en" on its words, so screen readers read it in an English voice (WCAG 3.1.2).
In English, every list is exactly what it was.

Everything here narrows or annotates a queryset, so it costs no database query of its own.
Translations share a `translation_key`; that is how an original and its translation are matched,
and how a link to one page (a workstream, a topic) also finds the things linked to its
translations.
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import BooleanField, Case, Q, Value, When
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page


def default_language_code():
    """The language of the originals: the site's default content language (English)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def is_default(locale):
    return locale is None or locale.language_code == default_language_code()


def translations_in(model, locale):
    """The `model` objects that translate an original into `locale`.

    Pages and reviewed snippets have a `live` flag: a draft translation is not shown, so it does
    not hide its original either. A page alias is not a translation: it shows its original's
    English words under the other language's address.
    """
    found = model._default_manager.filter(locale=locale)
    try:
        model._meta.get_field("live")
    except FieldDoesNotExist:
        pass
    else:
        found = found.filter(live=True)
    if issubclass(model, Page):
        found = found.filter(alias_of__isnull=True)
    return found


def own_condition(model, locale):
    """A filter: in `locale`, and for pages not an alias (whose original is listed instead)."""
    condition = Q(locale=locale)
    if issubclass(model, Page):
        # By primary key, which search backends accept as a filter where `alias_of` is not.
        aliases = model._default_manager.filter(locale=locale, alias_of__isnull=False)
        condition &= ~Q(pk__in=aliases.values("pk"))
    return condition


def untranslated_condition(model, locale):
    """A filter: in the default language, with no live translation in `locale`."""
    originals = Locale.objects.filter(language_code=default_language_code())
    translated = translations_in(model, locale).values("translation_key")
    return Q(locale__in=originals) & ~Q(translation_key__in=translated)


def in_language(queryset, locale):
    """`queryset` narrowed to `locale`, plus the originals that have no live translation in it.

    Each item appears once: a translated page shows as its translation, never beside its
    original. With `locale` None, `queryset` is returned as it is (every language).
    """
    if locale is None:
        return queryset
    if is_default(locale):
        return queryset.filter(locale=locale)
    model = queryset.model
    return queryset.filter(own_condition(model, locale) | untranslated_condition(model, locale))


def in_own_language(queryset, locale):
    """Only the items of `in_language` that are in `locale` itself (no fallbacks)."""
    if is_default(locale):
        return queryset.filter(locale=locale)
    return queryset.filter(own_condition(queryset.model, locale))


def untranslated_originals(queryset, locale):
    """Only the fallbacks of `in_language`: the originals with no live translation in `locale`.

    For lists that show the reader's language first and the English originals after it.
    Nothing in the default language, where there is nothing to fall back to.
    """
    if is_default(locale):
        return queryset.none()
    return queryset.filter(untranslated_condition(queryset.model, locale))


def flag_fallbacks(queryset, locale):
    """`queryset` with `is_fallback` on each item: True where it is not in `locale`.

    In the default language nothing is added: nothing there is a fallback, and templates read a
    missing attribute as false.
    """
    if is_default(locale):
        return queryset
    return queryset.annotate(
        is_fallback=Case(
            When(locale=locale, then=Value(False)),
            default=Value(True),
            output_field=BooleanField(),
        )
    )


def mark_fallbacks(items, locale):
    """Set `is_fallback` on items already loaded (a list, a page of results). Returns them."""
    for item in items:
        item.is_fallback = not is_default(locale) and item.locale_id != locale.pk
    return items


def linked_to(queryset, relation, target):
    """Items of `queryset` whose `relation` points at `target` or at any translation of it.

    A translation keeps the links of its original (to the English workstream, say), and an
    editor may link a translation to a translated page instead: both count. A subquery keeps
    one row per item however many of its links match.
    """
    model = queryset.model
    linked = model._default_manager.filter(
        **{f"{relation}__translation_key": target.translation_key}
    )
    return queryset.filter(pk__in=linked.values("pk"))
