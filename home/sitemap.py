"""sitemap.xml: every live, public page of the site, in every language.

Wagtail's sitemap lists the pages under the site's home page only; translated home pages are
its siblings, so their pages are added here. Drafts and members-only pages never appear.
"""

from django.db.models import Q
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Page


class SiteSitemap(Sitemap):
    def items(self):
        home = self.get_wagtail_site().root_page
        trees = Q()
        for translation in home.get_translations(inclusive=True):
            trees |= Q(path__startswith=translation.path)
        return (
            Page.objects.filter(trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


@require_safe
def sitemap_xml(request):
    return sitemap(request, sitemaps={"pages": SiteSitemap})
