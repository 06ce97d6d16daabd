"""robots.txt: crawlers may read every public page, but not the admin, accounts or search."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

# Sections with nothing to index: sign-in and account pages, and endless search results.
LANGUAGE_SECTIONS = ["accounts/", "search/"]


def disallowed_paths():
    """/admin/, and the sections above in every language (English has no language prefix)."""
    prefixes = ["/"] + [
        f"/{code}/" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
    ]
    return ["/admin/"] + [prefix + section for prefix in prefixes for section in LANGUAGE_SECTIONS]


@require_safe
@cache_control(max_age=60 * 60, public=True)
def robots_txt(request):
    context = {
        "disallowed": disallowed_paths(),
        "sitemap_url": request.build_absolute_uri(reverse("sitemap")),
    }
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")
