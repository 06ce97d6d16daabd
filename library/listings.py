"""Queries for lists of resources, shared by the pages that show them.

Given a language, a list holds the resources in that language and the English originals of those
not translated into it, each marked `is_fallback` (home/localised.py).
"""

from home.localised import flag_fallbacks, in_language, linked_to
from library.models import ResourcePage


def published_resources(locale=None):
    resources = ResourcePage.objects.live().public().select_related("resource_type")
    return flag_fallbacks(in_language(resources, locale), locale)


def latest_resources(locale=None):
    """Newest first: by year of publication, then by when they were added here."""
    return published_resources(locale).order_by("-publication_year", "-first_published_at", "-pk")


def in_workstream(resources, workstream):
    """The resources linked to `workstream` or to a translation of it."""
    return linked_to(resources, "workstreams", workstream)
