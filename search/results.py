"""Which pages a search finds, and what a visitor is shown of each.

Every live page in the visitor's language is searched, members-only pages included: they show
their title, summary and a "Members only" label, never an excerpt of what is behind the sign-in.
Only their title and summary can find them: the rest of their text is kept out of the search
index while they are private (members/search_index.py).
Editors' promoted results (wagtail.contrib.search_promotions) come first, as "Recommended".

In a language other than English, the pages in that language come first, then the English pages
not translated into it, labelled "English" (home/localised.py). Each page's words are
highlighted the way its own language is matched (search/excerpts.py).

A page of results costs a fixed number of queries however many results it shows: the search
itself (count and slice; in another language, once for its pages and once for the English
ones, and one for the English locale when an English page is shown), one query per page type
shown, one for view restrictions, one per type with attached files (and two to leave
members-only files out of excerpts), and two for promotions.
"""

from dataclasses import dataclass, field

from django.utils.text import capfirst
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from home.localised import in_language, in_own_language, is_default, untranslated_originals
from members.restrictions import members_only_page_ids
from search.excerpts import Excerpt, excerpt_for, prefetch_for_excerpts, summary_text

RESULTS_PER_PAGE = 10
MAX_SUGGESTIONS = 8


def live_pages():
    """Every live page but the tree's root; members-only pages included."""
    return Page.objects.live().filter(depth__gt=1)


def searchable_pages(locale):
    """Live pages in `locale`, and the English pages not translated into it."""
    return in_language(live_pages(), locale)


def page_groups(locale):
    """The pages a search looks through, in the order results are shown: the pages in
    `locale`, then (in another language) the English pages not translated into it."""
    groups = [in_own_language(live_pages(), locale)]
    if not is_default(locale):
        groups.append(untranslated_originals(live_pages(), locale))
    return groups


class ResultsInGroups:
    """Several search results shown one after the other, as one list a Paginator can page.

    Each group is counted once (a query each) and only the groups a page of results reaches
    are fetched, so a page costs the same however many results there are.
    """

    def __init__(self, groups):
        self.groups = groups
        self._sizes = None

    def sizes(self):
        if self._sizes is None:
            self._sizes = [group.count() for group in self.groups]
        return self._sizes

    def count(self):
        return sum(self.sizes())

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            found = self[key : key + 1]
            if not found:
                raise IndexError(key)
            return found[0]
        start = key.start or 0
        stop = self.count() if key.stop is None else key.stop
        items, offset = [], 0
        for group, size in zip(self.groups, self.sizes(), strict=True):
            low, high = max(start - offset, 0), min(stop - offset, size)
            if low < high:
                items.extend(group[low:high])
            offset += size
        return items


def search_pages(words, locale, exclude_ids=()):
    """(results, matched_all_words): pages with all of `words`, or failing that, any of them.

    `words` are plain words (search.forms.query_words), never raw input: each backend has its
    own query syntax and some (SQLite) fail on stray quotes. In another language than English,
    the results are that language's pages first, then the English pages not translated into it.
    """
    groups = [group.specific() for group in page_groups(locale)]
    if exclude_ids:
        groups = [group.exclude(id__in=list(exclude_ids)) for group in groups]
    text = " ".join(words)
    results = ResultsInGroups([group.search(text, operator="and") for group in groups])
    if len(words) > 1 and not results.count():
        return ResultsInGroups([group.search(text, operator="or") for group in groups]), False
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
    # An English page shown in another language because it has no translation into it.
    is_fallback: bool = False
    page: Page | None = field(default=None, repr=False)


def set_locales(pages, locale):
    """Give each page its Locale, which building its URL needs, without a query per page.

    Pages in `locale` get it as it is; the English pages among them are fallbacks, marked
    `is_fallback`, and share the English locale, fetched once.
    """
    others = {}
    for page in pages:
        if page.locale_id == locale.pk:
            page.locale = locale
        else:
            if page.locale_id not in others:
                others[page.locale_id] = Locale.objects.get(pk=page.locale_id)
            page.locale = others[page.locale_id]
            page.is_fallback = True
    return pages


def describe_pages(pages, request, locale, highlighter, promotions=None):
    """SearchResults for `pages` (specific pages in `locale` or English fallbacks), in order."""
    pages = set_locales(list(pages), locale)
    restricted = members_only_page_ids(pages)
    prefetch_for_excerpts([page for page in pages if page.pk not in restricted])
    results = []
    for page in pages:
        is_fallback = getattr(page, "is_fallback", False)
        # A page's words are matched the way its own language is, not the reader's.
        page_highlighter = highlighter.for_language(page.locale.language_code)
        members_only = page.pk in restricted
        promotion = (promotions or {}).get(page.pk)
        summary = (promotion.description if promotion else "") or summary_text(page)
        results.append(
            SearchResult(
                title=page.title,
                url=page.get_url(request),
                type_label=type_label(page),
                summary=page_highlighter.highlight(summary),
                excerpt=None if members_only else excerpt_for(page, page_highlighter),
                members_only=members_only,
                recommended=promotion is not None,
                is_fallback=is_fallback,
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
    In another language, English pages not translated into it are suggested too, with
    "lang": "en" so that the list can mark their titles as English.
    """
    pages = searchable_pages(locale)
    text = " ".join(words)
    found = list(pages.autocomplete(text, operator="and")[:MAX_SUGGESTIONS])
    if not found:
        found = list(pages.filter(title__icontains=text).order_by("title")[:MAX_SUGGESTIONS])
    set_locales(found, locale)
    suggested = []
    for page in found:
        suggestion = {
            "title": page.title,
            "url": page.get_url(request),
            "type": str(type_label(page)),
        }
        if getattr(page, "is_fallback", False):
            suggestion["lang"] = "en"
        suggested.append(suggestion)
    return suggested
