"""Queries for lists of resources, shared by the pages that show them."""

from library.models import ResourcePage


def published_resources(locale=None):
    resources = ResourcePage.objects.live().public().select_related("resource_type")
    if locale is not None:
        resources = resources.filter(locale=locale)
    return resources


def latest_resources(locale=None):
    """Newest first: by year of publication, then by when they were added here."""
    return published_resources(locale).order_by("-publication_year", "-first_published_at", "-pk")
