from wagtail import hooks

from page_cache.marks import allow_wagtail_page


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    """Mark Wagtail pages for the page cache (middleware.py); a page type may opt out with
    `page_cache_allowed = False`.

    Private pages need no check here: Wagtail's own hook turns an anonymous reader away from a
    members-only page (a redirect) or asks for its password (a form, with a CSRF cookie), and
    neither is ever stored; signed-in readers never share pages."""
    allow_wagtail_page(request, page)
