"""Which pages a search finds, and what a visitor is shown of each.

Every live page in the visitor's language is searched, members-only pages included: they show
their title, summary and a "Members only" label, never an excerpt of what is behind the sign-in.
Only their title and summary can find them: the rest of their text is kept out of the search
index while they are private (members/search_index.py).
Editors' promoted results (wagtail.contrib.search_promotions) come first, as "Recommended".

A page of results costs a fixed number of queries however many results it shows: the search
itself (count and slice), one query per page type shown, one for view restrictions, one per
type with attached files (and two to leave members-only files out of excerpts), and two for
promotions.
"""

from dataclasses import dataclass, field

from django.utils.text import capfirst
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from members.restrictions import members_only_page_ids
from search.excerpts import Excerpt, excerpt_for, prefetch_for_excerpts, summary_text

RESULTS_PER_PAGE = 10
MAX_SUGGESTIONS = 8


def searchable_pages(locale):
    """Live pages in `locale`, as their specific types; members-only pages included."""
    return Page.objects.live().filter(locale=locale, depth__gt=1)


def search_pages(words, locale, exclude_ids=()):
    """(results, matched_all_words): pages with all of `words`, or failing that, any of them.

    `words` are plain words (search.forms.query_words), never raw input: each backend has its
    own query syntax and some (SQLite) fail on stray quotes.
    """
    pages = searchable_pages(locale).specific()
    if exclude_ids:
        pages = pages.exclude(id__in=list(exclude_ids))
    text = " ".join(words)
    results = pages.search(text, operator="and")
    if len(words) > 1 and not results.count():
        return pages.search(text, operator="or"), False
    return results, True


def type_label(page):
    return capfirst(page.specific_class._meta.verbose_name) if page.specific_class else ""


@dataclass
class SearchResult:
    title: str
    url: str
    type_label: str = ""
    summary: str = ""  # escaped HTML, with the query's words marked
    excerpt: Excerpt | None = None
    members_only: bool = False
    recommended: bool = False
    page: Page | None = field(default=None, repr=False)


def describe_pages(pages, request, locale, highlighter, promotions=None):
    """SearchResults for `pages` (specific pages, all in `locale`), in order."""
    pages = list(pages)
    for page in pages:
        page.locale = locale  # already known: saves a query per page when building its URL
    restricted = members_only_page_ids(pages)
    prefetch_for_excerpts([page for page in pages if page.pk not in restricted])
    results = []
    for page in pages:
        members_only = page.pk in restricted
        promotion = (promotions or {}).get(page.pk)
        summary = (promotion.description if promotion else "") or summary_text(page)
        results.append(
            SearchResult(
                title=page.title,
                url=page.get_url(request),
                type_label=type_label(page),
                summary=highlighter.highlight(summary),
                excerpt=None if members_only else excerpt_for(page, highlighter),
                members_only=members_only,
                recommended=promotion is not None,
                page=page,
            )
        )
    return results


def promoted_results(query, request, locale, highlighter):
    """Editors' promoted results for `query`, in their order; pages in the visitor's language.

    Promotions are matched on the normalised query without creating a search term (Wagtail's
    own template tag would write a row for every search).
    """
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    if not promotions:
        return []
    keys = {promotion.page.translation_key for promotion in promotions if promotion.page}
    pages_by_key = {
        page.translation_key: page
        for page in searchable_pages(locale).filter(translation_key__in=keys).specific()
    }
    ordered_pages = []
    by_page_id = {}
    results = []
    for promotion in promotions:
        if promotion.page is None:
            if promotion.external_link_url:
                results.append((promotion, None))
            continue
        page = pages_by_key.get(promotion.page.translation_key)
        if page is not None and page.pk not in by_page_id:
            by_page_id[page.pk] = promotion
            ordered_pages.append(page)
            results.append((promotion, page))
    described = {
        result.page.pk: result
        for result in describe_pages(ordered_pages, request, locale, highlighter, by_page_id)
    }
    return [
        described[page.pk]
        if page is not None
        else SearchResult(
            title=promotion.external_link_text or promotion.external_link_url,
            url=promotion.external_link_url,
            summary=highlighter.highlight(promotion.description),
            recommended=True,
        )
        for promotion, page in results
    ]


def suggestions(words, request, locale):
    """Up to MAX_SUGGESTIONS live pages whose titles start with or contain the words typed.

    Members-only pages are suggested too: their titles are public, like in search results.
    """
    pages = searchable_pages(locale)
    text = " ".join(words)
    found = list(pages.autocomplete(text, operator="and")[:MAX_SUGGESTIONS])
    if not found:
        found = list(pages.filter(title__icontains=text).order_by("title")[:MAX_SUGGESTIONS])
    for page in found:
        page.locale = locale
    return [
        {"title": page.title, "url": page.get_url(request), "type": str(type_label(page))}
        for page in found
    ]
