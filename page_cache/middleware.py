"""Anonymous page views served from the shared cache (Redis in production).

Only requests that carry nothing personal are served from the cache or stored in it: GET or
HEAD, no cookie other than the CSRF and language ones (a session cookie means someone signed in
or has a message waiting), no Authorization header. Only Wagtail pages that allow it and views
that ask for it are stored (`request.page_cache_allowed`, see marks.py: the site's search is
such a view), and only a plain 200 that sets no cookie: a page with a form sets the CSRF cookie,
so it is never stored.
"""

import time
from contextlib import nullcontext

from django.conf import settings
from django.utils.cache import patch_cache_control

from page_cache import store
from page_cache.dependencies import tags_for, watching_loaded_rows
from page_cache.marks import served_from_cache

HEADER = "X-Page-Cache"


def anonymous_request(request):
    allowed_cookies = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    return (
        request.method in ("GET", "HEAD")
        and not request.path_info.startswith(settings.STATIC_URL)  # whitenoise's
        and "authorization" not in request.headers
        and set(request.COOKIES) <= allowed_cookies
    )


def shareable(request, response):
    """A Wagtail page that allows caching, seen anonymously, with nothing personal in it."""
    return (
        request.page_cache_allowed
        and anonymous_request(request)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
        and not request.user.is_authenticated
    )


def shared_cache_control(response, cdn=True):
    """Anyone may keep a copy; browsers check back each time; a CDN keeps it for a while
    (Wagtail's frontend cache purges the published page there, see docs/deployment.md), unless
    the view said not to (`cdn`)."""
    cdn_seconds = settings.PDU_CDN_CACHE_SECONDS if cdn else 0
    if cdn_seconds:
        patch_cache_control(response, public=True, max_age=0, s_maxage=cdn_seconds)
    else:
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)


def private_cache_control(response):
    """Someone's own page (or one with a form): never kept by a shared cache or CDN."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_cache=True)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        use_cache = settings.PDU_PAGE_CACHE_SECONDS > 0 and anonymous_request(request)
        if use_cache:
            hit = store.fetch(request)
            if hit is not None:
                shared_cache_control(hit.response, cdn=hit.cdn)
                hit.response[HEADER] = "hit"
                if hit.note is not None:
                    served_from_cache.send(sender=type(self), request=request, note=hit.note)
                return hit.response

        rendering_started = time.time_ns()
        with watching_loaded_rows() if use_cache else nullcontext() as loaded:
            response = self.get_response(request)

        if not hasattr(request, "page_cache_allowed"):
            return response  # neither a Wagtail page nor a view that allows it (marks.py)
        if not shareable(request, response):
            private_cache_control(response)
            response[HEADER] = "bypass"
            return response
        cdn = getattr(request, "page_cache_cdn", True)
        if use_cache and request.method == "GET":
            tags = tags_for(loaded, *request.page_cache_page)
            tags |= getattr(request, "page_cache_tags", set())
            note = getattr(request, "page_cache_note", None)
            stored = store.save(request, response, tags, rendering_started, note=note, cdn=cdn)
            response[HEADER] = "miss" if stored else "miss, changed just now"
        shared_cache_control(response, cdn=cdn)
        return response
