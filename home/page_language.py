"""A page not yet translated into the language asked for is shown wholly in its own language.

Wagtail serves the English page at /ar/... when there is no Arabic version. Rendering it with
Arabic menus, lang="ar" and dir="rtl" around English text would mislead screen readers and mirror
English text, so the whole page is rendered in the page's own language, with a note (written in
the language asked for) saying why.
"""

from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale


class ShownInItsOwnLanguage:
    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        requested = get_supported_content_language_variant(translation.get_language())
        if self.locale.language_code == requested or not hasattr(response, "render"):
            return response
        response.context_data["language_not_available"] = Locale.get_active()
        with translation.override(self.locale.language_code):
            return response.render()
