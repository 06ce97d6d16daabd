"""Recording searches for the editors' "Search terms" report, off the request's critical path.

The view only enqueues a task (search.tasks.record_search_term); the worker adds one to the
day's counters. See search.models for what is kept and for how long.
"""

import logging
import re

from django.utils import timezone
from wagtail.search.utils import normalise_query_string

logger = logging.getLogger(__name__)

EMAIL = re.compile(r"\S+@\S+")
# Phone numbers, NHS and National Insurance numbers and the like: long runs of digits.
LONG_NUMBER = re.compile(r"\+?\d[\d ()-]{6,}\d")


def redact(query):
    """`query` with email addresses and long numbers replaced, before anything is stored."""
    query = EMAIL.sub("[email]", query)
    return LONG_NUMBER.sub("[number]", query)


def search_term(query):
    """The form a query is counted under: redacted, lower case, single spaces."""
    return normalise_query_string(redact(query))


def record_search(query, had_results):
    """Count a search in the background. Never fails the search if the queue is unavailable."""
    from search.tasks import record_search_term

    term = search_term(query)
    if not term:
        return
    try:
        record_search_term.enqueue(term, had_results, timezone.localdate().isoformat())
    except Exception:
        logger.exception("Could not queue a search term for the search report")
