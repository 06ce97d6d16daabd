from wagtail import hooks


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    """Mark Wagtail pages for the page cache (middleware.py). Pages behind a password or for
    members only are never shared, whoever asks; pages may also opt out with
    `page_cache_allowed = False`."""
    request.page_cache_page = (page.pk, page.path)
    request.page_cache_allowed = getattr(page, "page_cache_allowed", True) and not (
        page.get_view_restrictions().exists()
    )
