"""Queries for lists of events, shared by the pages, calendars and feeds that show them."""

from datetime import datetime

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


def month_bounds(year, month):
    """The first moment of a month and of the next one on UK clocks (summer time included)."""
    uk = timezone.get_default_timezone()
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    return datetime(year, month, 1, tzinfo=uk), datetime(next_year, next_month, 1, tzinfo=uk)


def starting_in_month(events, year, month):
    """The events that start during a month, UK time."""
    first, after = month_bounds(year, month)
    return events.filter(start__gte=first, start__lt=after)


def months_with_events(locale=None):
    """The first day of every month (UK time) in which a published event starts, in order."""
    uk = timezone.get_default_timezone()
    return [
        moment.date() for moment in published_events(locale).datetimes("start", "month", tzinfo=uk)
    ]
