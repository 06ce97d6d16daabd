"""The site-wide search (`/search/?q=`) and its suggestions as you type (`/search/suggest/?q=`)."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from home.localised import in_language
from page_cache.marks import allow_search_results, note_for_cached_copies
from search.analytics import record_search
from search.excerpts import Highlighter
from search.forms import MAX_QUERY_LENGTH, SearchForm, clean_query, query_words
from search.results import (
    RESULTS_PER_PAGE,
    describe_pages,
    promoted_results,
    search_pages,
    suggestions,
)

MIN_SUGGEST_LENGTH = 2


def no_results_links(locale):
    """Where to go from a search that found nothing: the library, events and workstreams, in
    the visitor's language or, where one is not translated, in English."""
    from events.models import EventIndexPage
    from library.models import ResourceIndexPage
    from workstreams.models import WorkstreamIndexPage

    pages = [
        in_language(page_type.objects.live().public(), locale).first()
        for page_type in (ResourceIndexPage, EventIndexPage, WorkstreamIndexPage)
    ]
    return [page for page in pages if page is not None]


@require_GET
def search_view(request):
    form = SearchForm(request.GET if "q" in request.GET else None)
    query = form.query if form.is_bound else ""
    page_number = form.page_number if form.is_bound else 1
    locale = Locale.get_active()
    context = {
        "form": form,
        "query": query,
        # What the box shows: the visitor's words, tidied, even when they were too long.
        "query_value": clean_query(request.GET.get("q", "")) if form.is_bound else "",
        "searched": bool(query),
        "max_query_length": MAX_QUERY_LENGTH,
    }
    if query:
        highlighter = Highlighter(query, get_language())
        words = query_words(query)
        promotions = promoted_results(query, request, locale, highlighter)
        if words:
            found, matched_all_words = search_pages(
                words, locale, exclude_ids=[r.page.pk for r in promotions if r.page]
            )
        else:
            found, matched_all_words = [], True
        results = Paginator(found, RESULTS_PER_PAGE).get_page(page_number)
        results.object_list = describe_pages(results.object_list, request, locale, highlighter)
        total = results.paginator.count + len(promotions)
        context.update(
            {
                "results": results,
                "promotions": promotions if results.number == 1 else [],
                "total": total,
                "matched_all_words": matched_all_words,
            }
        )
        if not total:
            context["suggested_pages"] = no_results_links(locale)
        if page_number == 1:
            # Asking for later pages of the same search is not a new search.
            record_search(query, had_results=bool(total))
            # A copy of this page from the cache is a search too (search/cache_hooks.py).
            note_for_cached_copies(request, {"search_term": query, "had_results": bool(total)})
    allow_search_results(request)
    return render(request, "search/search.html", context)


@require_GET
def suggest_view(request):
    """JSON: {"suggestions": [{"title", "url", "type"}, ...]}, for search-suggest.js."""
    query = clean_query(request.GET.get("q", ""))[:MAX_QUERY_LENGTH]
    words = query_words(query)
    found = []
    if words and len(query) >= MIN_SUGGEST_LENGTH:
        found = suggestions(words, request, Locale.get_active())
    response = JsonResponse({"suggestions": found})
    response["Cache-Control"] = "private, max-age=60"
    return response
