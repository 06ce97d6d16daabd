"""Deleting search terms older than the retention period (see search.models)."""

import datetime

from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.models import RETENTION_DAYS, SearchWithoutResults


def prune_search_terms(days=RETENTION_DAYS):
    """Delete daily counts older than `days` days, then terms left with no counts.

    Terms that editors promote results for are kept (without their old counts). Returns the
    number of daily counts deleted.
    """
    oldest_kept = timezone.localdate() - datetime.timedelta(days=days)
    deleted_hits, _ = QueryDailyHits.objects.filter(date__lt=oldest_kept).delete()
    deleted_misses, _ = SearchWithoutResults.objects.filter(date__lt=oldest_kept).delete()
    Query.garbage_collect()
    return deleted_hits + deleted_misses
