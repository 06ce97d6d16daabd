"""Background work for search: counting search terms for the editors' report."""

import datetime

from django.core.cache import cache
from django.db.models import F
from django_tasks import task
from wagtail.contrib.search_promotions.models import Query

from search.models import SearchWithoutResults

PRUNED_TODAY_KEY = "search:terms-pruned:{date}"


@task()
def record_search_term(term, had_results, date):
    """Add one to `term`'s searches on `date` (ISO format), and to its searches without results.

    Daily counters, not a row per search. Once a day this also deletes counts older than the
    retention period (search.models.RETENTION_DAYS).
    """
    day = datetime.date.fromisoformat(date)
    query = Query.get(term)
    query.add_hit(date=day)
    if not had_results:
        row, created = SearchWithoutResults.objects.get_or_create(
            query=query, date=day, defaults={"count": 1}
        )
        if not created:
            SearchWithoutResults.objects.filter(pk=row.pk).update(count=F("count") + 1)
    if cache.add(PRUNED_TODAY_KEY.format(date=date), True, timeout=60 * 60 * 24):
        from search.retention import prune_search_terms

        prune_search_terms()
