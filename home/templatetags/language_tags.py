"""The languages a visitor can read the current page in: the switcher and the hreflang links.

On a Wagtail page these are the page's live translations; elsewhere (search, accounts, the
members' hub) every language the site offers, at the same path. Only languages switched on in
settings.LANGUAGES appear: a translation kept from a language since switched off is not offered.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info, to_locale
from wagtail.models import Page

register = template.Library()

# Each language in its own words, so a reader finds theirs whatever language the page is in.
OWN_NAMES = {
    "en-gb": "English",
    "pl": "Polski",
    "ro": "Română",
    "ur": "اردو",
    "ar": "العربية",
}


@dataclass(frozen=True)
class LanguageVersion:
    code: str  # as in settings.LANGUAGES, e.g. "en-gb"
    url: str  # relative, for links
    full_url: str  # absolute, for hreflang
    current: bool

    @property
    def own_name(self):
        return OWN_NAMES.get(self.code) or get_language_info(self.code)["name_local"]

    @property
    def tag(self):
        """The BCP 47 form that hreflang and lang expect: en-gb becomes en-GB."""
        return to_locale(self.code).replace("_", "-")

    @property
    def bidi(self):
        return get_language_info(self.code)["bidi"]


def site_language_codes():
    return [code for code, _name in settings.LANGUAGES]


def page_versions(page, request):
    """The page's live translations, in the order of settings.LANGUAGES."""
    translations = {
        translation.locale.language_code: translation
        for translation in page.get_translations(inclusive=True).live().select_related("locale")
    }
    return [
        LanguageVersion(
            code=code,
            url=translations[code].get_url(request),
            full_url=translations[code].get_full_url(request),
            current=translations[code].pk == page.pk,
        )
        for code in site_language_codes()
        if code in translations
    ]


def path_versions(request, keep_query):
    """The current path in every language (Django maps /pl/search/ to /ur/search/ and so on).

    With keep_query, a search or filter carries over, but not the page number: the results
    in another language are a different list.
    """
    path = request.path
    query = request.GET.copy()
    query.pop("page", None)
    if keep_query and query:
        path = f"{path}?{query.urlencode()}"
    active = get_language()
    versions = []
    for code in site_language_codes():
        url = translate_url(path, code)
        versions.append(
            LanguageVersion(
                code=code,
                url=url,
                full_url=request.build_absolute_uri(url),
                current=code == active,
            )
        )
    return versions


def language_versions(context, keep_query=False):
    """The versions worth offering: none when there is only one (nothing to switch to), and none
    on paths outside the language prefixes (every language would share one URL)."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    if isinstance(page, Page):
        # The switcher and the hreflang links both ask: look the translations up once.
        cached = getattr(request, "_page_language_versions", None)
        if cached is None or cached[0] != page.pk:
            cached = (page.pk, page_versions(page, request))
            request._page_language_versions = cached
        versions = cached[1]
    elif "exception" in context or is_missing_page(request):
        return []  # an error page: there is no page here in any language
    elif request.method not in ("GET", "HEAD"):
        # The answer to a form: its address may only take the form, not a visit in another
        # language (a booking refused as too frequent, for example).
        return []
    else:
        versions = path_versions(request, keep_query)
    if len({version.url for version in versions}) < 2:
        return []
    return versions


def is_missing_page(request):
    """Wagtail's catch-all URL matched but found no page: a "Page not found" response."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == "wagtail_serve"


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"versions": language_versions(context, keep_query=True)}


@register.inclusion_tag("components/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    versions = language_versions(context)
    default = next((v for v in versions if v.code == settings.LANGUAGE_CODE), None)
    return {"versions": versions, "default": default}
