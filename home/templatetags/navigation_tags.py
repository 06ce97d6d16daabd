from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("components/primary_navigation.html", takes_context=True)
def primary_navigation(context):
    """Top-level pages marked "Show in menus", in the language being read."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    menu_pages = []
    if site is not None:
        home = site.root_page.localized
        menu_pages = home.get_children().live().public().in_menu().specific(defer=True)
    return {"menu_pages": menu_pages, "current_page": context.get("page")}
