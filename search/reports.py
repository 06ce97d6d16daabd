"""The editors' "Search terms" report: what people searched for, and what found nothing.

Counts cover the last 30 days (REPORT_DAYS) and come from the daily counters that
search.tasks keeps; see search.models for how long they are kept.
"""

import datetime

import django_filters
from django.db.models import IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from editorial.reports import EditorsReportView
from search.models import SearchWithoutResults

REPORT_DAYS = 30


def report_start():
    return timezone.localdate() - datetime.timedelta(days=REPORT_DAYS - 1)


def daily_total(model, count_field, since):
    totals = (
        model.objects.filter(query=OuterRef("pk"), date__gte=since)
        .order_by()
        .values("query")
        .annotate(total=Sum(count_field))
        .values("total")
    )
    return Coalesce(Subquery(totals, output_field=IntegerField()), Value(0))


def search_terms(since=None):
    """Search terms used since `since` with their searches and searches without results."""
    since = since or report_start()
    return (
        Query.objects.annotate(
            searches=daily_total(QueryDailyHits, "hits", since),
            searches_without_results=daily_total(SearchWithoutResults, "count", since),
        )
        .filter(searches__gt=0)
        .order_by("-searches", "-searches_without_results", "query_string")
    )


class SearchTermsFilterSet(WagtailFilterSet):
    no_results = django_filters.BooleanFilter(
        label=_("Found nothing"),
        method="filter_no_results",
        help_text=_("Yes: only terms that found nothing at least once."),
    )

    def filter_no_results(self, queryset, name, value):
        if value is None:
            return queryset
        if value:
            return queryset.filter(searches_without_results__gt=0)
        return queryset.filter(searches_without_results=0)

    class Meta:
        model = Query
        fields = []


class SearchTermsReportView(EditorsReportView):
    page_title = _("Search terms")
    header_icon = "search"
    index_url_name = "search_terms_report"
    index_results_url_name = "search_terms_report_results"
    filterset_class = SearchTermsFilterSet
    no_results_message = _("Nobody has searched the site in the last 30 days.")
    columns = [
        Column("query_string", label=_("Search term")),
        Column("searches", label=_("Searches in the last 30 days")),
        Column("searches_without_results", label=_("Of which found nothing")),
    ]
    list_export = ["query_string", "searches", "searches_without_results"]
    export_headings = {
        "query_string": _("Search term"),
        "searches": _("Searches in the last 30 days"),
        "searches_without_results": _("Of which found nothing"),
    }

    def get_queryset(self):
        return search_terms()

    def get_filename(self):
        return f"search-terms-{self.export_filename_date()}"
