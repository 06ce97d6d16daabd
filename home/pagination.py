from django.core.paginator import Paginator

DEFAULT_PER_PAGE = 12


def paginate(request, items, per_page=DEFAULT_PER_PAGE, param="page"):
    """The page of `items` asked for by ?<param>= (a page with two lists gives each its own).

    Anything that is not a page number gives the first page, and a number past the end gives the
    last page, so a mistyped or stale link never becomes an error.
    """
    return Paginator(items, per_page).get_page(request.GET.get(param))
