"""Recording searches for the editors' "Search terms" report, off the request's critical path.

Each web process adds searches to a small in-memory buffer and hands the buffer to the worker as
one task (search.tasks.record_search_terms) at most once a minute, so a search request writes
nothing to the database. A process that stops loses at most a minute of counts, which is fine for
a report of trends. See search.models for what is kept and for how long.
"""

import atexit
import logging
import re
import threading
import time
from collections import Counter

from django.conf import settings
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


class SearchTermBuffer:
    """Counts searches in this process and sends them to the worker in batches."""

    MAX_TERMS = 200  # send early if this many different terms pile up

    def __init__(self):
        self.lock = threading.Lock()
        self.searches = Counter()
        self.without_results = Counter()
        self.last_sent = time.monotonic()

    def add(self, term, had_results):
        date = timezone.localdate().isoformat()
        with self.lock:
            self.searches[(date, term)] += 1
            if not had_results:
                self.without_results[(date, term)] += 1
            due = (
                time.monotonic() - self.last_sent >= flush_seconds()
                or len(self.searches) >= self.MAX_TERMS
            )
        if due:
            self.send()

    def send(self):
        from search.tasks import record_search_terms

        with self.lock:
            searches, without_results = self.searches, self.without_results
            self.searches, self.without_results = Counter(), Counter()
            self.last_sent = time.monotonic()
        by_date = {}
        for (date, term), count in searches.items():
            by_date.setdefault(date, []).append((term, count, without_results[(date, term)]))
        for date, counts in by_date.items():
            try:
                record_search_terms.enqueue(date, counts)
            except Exception:
                logger.exception("Could not queue search terms for the search report")


def flush_seconds():
    return getattr(settings, "SEARCH_TERMS_FLUSH_SECONDS", 60)


buffer = SearchTermBuffer()
atexit.register(buffer.send)


def record_search(query, had_results):
    """Count a search for the report, without touching the database in this request."""
    term = search_term(query)
    if term:
        buffer.add(term, had_results)
