"""What a view tells the page cache (middleware.py) about the page it is making.

A Wagtail page is marked by a hook (wagtail_hooks.py). A plain Django view is not cached unless
it says so here, as the site's search does: `allow_search_results`.
"""

from django.dispatch import Signal
from wagtail.models import Page

from page_cache.invalidation import changed_after_commit

# Pages of search results carry this tag; it changes whenever the search index does.
SEARCH_INDEX_TAG = "search-index"
# The tree's root ("0001"): every page published, unpublished, moved or deleted lies beneath it.
ROOT_PATH = "1".rjust(Page.steplen, "0")

# Sent when a page is served from the cache, with the `note` its view left when it was made
# (`note_for_cached_copies`), for work that must happen at each view, such as counting.
served_from_cache = Signal()


def allow_wagtail_page(request, page):
    request.page_cache_page = (page.pk, page.path, getattr(page, "page_cache_lists", ()))
    request.page_cache_allowed = getattr(page, "page_cache_allowed", True)


def depends_on_search_index(request):
    """The page shows search results: changes to the search index must reach it."""
    request.page_cache_tags = {*getattr(request, "page_cache_tags", ()), SEARCH_INDEX_TAG}


def allow_search_results(request):
    """A page of search results over the whole site, the same for every anonymous visitor: it
    changes when any page is published, unpublished, moved or deleted, when the search index
    changes, and when anything it shows does.

    Not for a CDN: nobody purges search results there, and a search the CDN answered would go
    uncounted.
    """
    request.page_cache_page = (None, ROOT_PATH, ())
    request.page_cache_allowed = True
    request.page_cache_cdn = False
    depends_on_search_index(request)


def note_for_cached_copies(request, note):
    """Keep `note` (plain data) with the cached page, for `served_from_cache` receivers."""
    request.page_cache_note = note


def search_index_changed():
    """Every page of search results is out of date, once the current transaction commits."""
    changed_after_commit({SEARCH_INDEX_TAG})
