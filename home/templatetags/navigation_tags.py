from django import template
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.localised import default_language_code, is_default
from home.models import NavigationMenu

register = template.Library()


def menu_for_locale(locale):
    """The main menu in the language being read, or the default language's if not translated."""
    menus = NavigationMenu.objects.filter(live=True)  # drafts wait for review
    menus = menus.prefetch_related("items__page")
    menu = menus.filter(locale=locale).first()
    if menu is None and not is_default(locale):
        menu = menus.filter(locale__language_code=default_language_code()).first()
    return menu


def active_locale(request):
    """Locale.get_active(), looked up once per request and language: the header and the footer
    both need it, and each lookup is a query."""
    language = translation.get_language()
    found = getattr(request, "_active_locale", None)
    if found is None or found[0] != language:
        found = (language, Locale.get_active())
        if request is not None:
            request._active_locale = found
    return found[1]


def localized_pages(pages, locale):
    """Each page in `locale` where it has a live translation, otherwise the page itself.

    What Wagtail's `page.localized` gives, but in one query for all of them: `localized` looks
    the active locale up again on every use, two queries per link in a menu or footer.
    """
    pages = list(pages)
    elsewhere = {page.translation_key for page in pages if page.locale_id != locale.pk}
    translations = {}
    if elsewhere:
        translations = {
            version.translation_key: version
            for version in Page.objects.live().filter(locale=locale, translation_key__in=elsewhere)
        }
    return [translations.get(page.translation_key, page) for page in pages]


@register.inclusion_tag("components/primary_navigation.html", takes_context=True)
def primary_navigation(context):
    """The editor-managed main menu. Links to pages that are not live are left out."""
    request = context.get("request")
    current_page = context.get("page")
    links = []
    if request is not None and Site.find_for_request(request) is not None:
        locale = active_locale(request)
        menu = menu_for_locale(locale)
        items = list(menu.items.all()) if menu else []
        # The linked pages in the reader's language, in the order of the items that have one.
        pages = iter(localized_pages([item.page for item in items if item.page], locale))
        for item in items:
            if item.page is None:
                links.append({"url": item.url, "text": item.text, "current": False})
                continue
            page = next(pages)
            if not page.live:
                continue
            links.append(
                {
                    "url": page.get_url(request),
                    "text": item.label or page.title,
                    "current": where_we_are(page, current_page),
                }
            )
    return {"links": links}


@register.simple_tag(takes_context=True)
def footer_pages(context, footer_links):
    """The live pages chosen as footer links (SiteSettings.footer_links), each in the language
    being read where it is translated."""
    chosen = [link.value for link in footer_links or [] if link.value is not None]
    live = [page for page in chosen if page.live]
    if not live:
        return []
    return localized_pages(live, active_locale(context.get("request")))


def where_we_are(linked, current):
    """aria-current for a menu link: "page" on that page, "true" anywhere in its section.

    The home page is every page's ancestor, so it is marked only on itself.
    """
    if current is None:
        return False
    if current.pk == linked.pk:
        return "page"
    if linked.depth > 2 and current.path.startswith(linked.path):
        return "true"
    return False
