"""Queries for lists of events, shared by the pages that show them."""

from django.utils import timezone

from events.models import EventPage


def published_events(locale=None):
    events = EventPage.objects.live().public()
    if locale is not None:
        events = events.filter(locale=locale)
    return events


def upcoming_events(locale=None):
    """Events that have not yet ended, soonest first. An event is upcoming until its end time."""
    return published_events(locale).filter(end__gt=timezone.now()).order_by("start", "pk")


def past_events(locale=None):
    """Events that have ended, most recent first."""
    return published_events(locale).filter(end__lte=timezone.now()).order_by("-start", "-pk")
