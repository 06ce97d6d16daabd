from django import template

from members.models import SavedPage

register = template.Library()


@register.simple_tag(takes_context=True)
def saved_in_hub(context, page):
    """Whether the signed-in person has saved `page` to their hub (one small query)."""
    user = context["request"].user
    if not user.is_authenticated or page.pk is None:
        return False
    return SavedPage.objects.filter(user=user, page_id=page.pk).exists()


@register.filter
def thousands(number):
    """2000 -> "2,000", as the funders' reports write it."""
    return f"{number:,}" if isinstance(number, int) else number


@register.simple_tag(takes_context=True)
def privacy_notice_page(context):
    """The privacy notice among the site's footer links (found by "privacy" in its slug or
    title), or None. Editors already list it there, so there is nothing extra to set up."""
    from home.models import SiteSettings

    request = context.get("request")
    if request is None:
        return None
    for link in SiteSettings.for_request(request).footer_links:
        page = link.value
        if page is not None and page.live and "privacy" in f"{page.slug} {page.title}".lower():
            return page
    return None
