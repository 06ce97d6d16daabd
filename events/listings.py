"""Queries for lists of events, shared by the pages, calendars and feeds that show them.

Given a language, a list holds the events in that language and the English originals of those
not translated into it, each marked `is_fallback` (home/localised.py). Without one, it holds
every language's events.
"""

from datetime import datetime

from django.utils import timezone

from events.models import EventPage
from home.localised import flag_fallbacks, in_language, linked_to


def published_events(locale=None):
    return in_language(EventPage.objects.live().public(), locale)


def upcoming_events(locale=None):
    """Events that have not yet ended, soonest first. An event is upcoming until its end time."""
    events = published_events(locale).filter(end__gt=timezone.now()).order_by("start", "pk")
    return flag_fallbacks(events, locale)


def past_events(locale=None):
    """Events that have ended, most recent first."""
    events = published_events(locale).filter(end__lte=timezone.now()).order_by("-start", "-pk")
    return flag_fallbacks(events, locale)


def in_workstream(events, workstream):
    """The events linked to `workstream` or to a translation of it."""
    return linked_to(events, "workstreams", workstream)


def of_community(events, community):
    """The events of a Community of Practice, in whichever language the link was made."""
    return linked_to(events, "community_of_practice", community)


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
