from django import template
from wagtail.models import Locale, Site

from home.models import NavigationMenu

register = template.Library()


def menu_for_locale(locale):
    """The main menu in the language being read, or the default language's if not translated."""
    menus = NavigationMenu.objects.filter(live=True)  # drafts wait for review
    menu = menus.filter(locale=locale).prefetch_related("items__page").first()
    if menu is None and locale != Locale.get_default():
        menu = menus.filter(locale=Locale.get_default()).prefetch_related("items__page").first()
    return menu


@register.inclusion_tag("components/primary_navigation.html", takes_context=True)
def primary_navigation(context):
    """The editor-managed main menu. Links to pages that are not live are left out."""
    request = context.get("request")
    current_page = context.get("page")
    links = []
    if request is not None and Site.find_for_request(request) is not None:
        menu = menu_for_locale(Locale.get_active())
        for item in menu.items.all() if menu else []:
            if item.page is None:
                links.append({"url": item.url, "text": item.text, "current": False})
                continue
            page = item.page.localized
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
