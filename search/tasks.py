"""Background work for search: counting search terms for the editors' report."""

import datetime

from django.core.cache import cache
from django.db.models import F
from django_tasks import task
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.models import SearchWithoutResults

PRUNED_TODAY_KEY = "search:terms-pruned:{date}"


@task()
def record_search_term(term, had_results, date):
    """Add one to `term`'s searches on `date` (ISO format), and to its searches without results."""
    add_to_counters(date, [(term, 1, 0 if had_results else 1)])


@task()
def record_search_terms(date, counts):
    """Add a batch of counts, `[(term, searches, searches_without_results), ...]`, for `date`.

    The web process collects searches for a while and sends them here together
    (search.analytics.SearchTermBuffer), so a search writes nothing of its own.
    """
    add_to_counters(date, counts)


def add_to_counters(date, counts):
    """Daily counters, not a row per search. Once a day, also delete counts older than the
    retention period (search.models.RETENTION_DAYS)."""
    day = datetime.date.fromisoformat(date)
    for term, searches, without_results in counts:
        query = Query.get(term)
        hits, created = QueryDailyHits.objects.get_or_create(
            query=query, date=day, defaults={"hits": searches}
        )
        if not created:
            QueryDailyHits.objects.filter(pk=hits.pk).update(hits=F("hits") + searches)
        if without_results:
            row, created = SearchWithoutResults.objects.get_or_create(
                query=query, date=day, defaults={"count": without_results}
            )
            if not created:
                SearchWithoutResults.objects.filter(pk=row.pk).update(
                    count=F("count") + without_results
                )
    if cache.add(PRUNED_TODAY_KEY.format(date=date), True, timeout=60 * 60 * 24):
        from search.retention import prune_search_terms

        prune_search_terms()
