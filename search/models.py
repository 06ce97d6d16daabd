"""Search analytics: how often each search term was used, and how often it found nothing.

Counts are kept per day, never per search: a search adds one to
wagtail.contrib.search_promotions' `QueryDailyHits` (every search) and, when nothing was found,
one to `SearchWithoutResults` below. Nothing records who searched.

Data retention: people type names, addresses and other personal details into search boxes, so
search terms are personal data. They are kept for 90 days (`RETENTION_DAYS`) and then deleted:
the recording task prunes older rows once a day, and `manage.py prune_search_terms` does the
same on demand. Terms that look like email addresses or phone numbers are redacted before they
are stored (search.analytics).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

RETENTION_DAYS = 90


class SearchWithoutResults(models.Model):
    """How many times on one day a search term found nothing."""

    query = models.ForeignKey(
        "wagtailsearchpromotions.Query",
        verbose_name=_("search term"),
        on_delete=models.CASCADE,
        related_name="days_without_results",
    )
    date = models.DateField(_("date"))
    count = models.PositiveIntegerField(_("searches with no results"), default=0)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(fields=["query", "date"], name="unique_search_without_results")
        ]

    def __str__(self):
        return f"{self.query} ({self.date}): {self.count}"
