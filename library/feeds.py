"""RSS 2.0 and Atom feeds of new resources in the library, newest first.

Members-only resources are announced like the library lists them: title, summary and a "Members
only" label, never their body or files. No resource's body goes into a feed at all; the summary is
written for exactly this. A feed in another language holds that language's resources and the
English originals of those not translated yet, with the category "English". Django's syndication
views are shared by every request, so the request travels in `get_object`'s result, never on the
feed.
"""

from dataclasses import dataclass
from xml.sax.saxutils import escape as escape_markup

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from home.localised import flag_fallbacks, in_language
from library.models import ResourceIndexPage, ResourcePage
from members.restrictions import members_only_page_ids

RESOURCES_IN_FEED = 30
# The category of a resource listed in its English original because it has no translation in the
# feed's language. Like the label on the site, it names the language in that language.
FALLBACK_LABEL = "English"


@dataclass
class FeedRequest:
    request: HttpRequest
    locale: Locale


def site_domain(request):
    site = Site.find_for_request(request)
    return site.hostname if site is not None else request.get_host().split(":")[0]


def new_resources(locale):
    """Live resources in `locale` (with the English originals of those not translated into it),
    members-only ones included, the most recently added first."""
    resources = (
        in_language(ResourcePage.objects.live(), locale)
        .select_related("resource_type")
        .order_by(F("first_published_at").desc(nulls_last=True), "-pk")
    )
    return flag_fallbacks(resources, locale)


class NewResourcesRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        return FeedRequest(request=request, locale=Locale.get_active())

    def title(self, obj):
        return _("PDU Hub: new in the resource library")

    def description(self, obj):
        return _(
            "Papers, toolkits, reports and recordings added to the Practice Development Unit's "
            "resource library, newest first."
        )

    def subtitle(self, obj):
        return self.description(obj)

    def link(self, obj):
        # The list in the feed's language, or its English original if it is not translated.
        index = in_language(ResourceIndexPage.objects.live().public(), obj.locale).first()
        url = index.get_full_url(obj.request) if index is not None else None
        return url or "/"

    def items(self, obj):
        resources = list(new_resources(obj.locale)[:RESOURCES_IN_FEED])
        members_only = members_only_page_ids(resources)
        domain = site_domain(obj.request)
        for resource in resources:
            resource.members_only = resource.pk in members_only
            resource.feed_link = resource.get_full_url(obj.request)
            resource.feed_id = f"tag:{domain},2017:resource/{resource.translation_key}"
        return resources

    def item_title(self, resource):
        return resource.title

    def item_description(self, resource):
        # Feed readers read descriptions as HTML: what editors typed must arrive as text.
        if resource.members_only:
            return escape_markup(_("Members only. %(summary)s") % {"summary": resource.summary})
        return escape_markup(resource.summary)

    def item_link(self, resource):
        return resource.feed_link

    def item_guid(self, resource):
        return resource.feed_id

    def item_guid_is_permalink(self, resource):
        return False

    def item_pubdate(self, resource):
        return resource.first_published_at

    def item_updateddate(self, resource):
        return resource.last_published_at

    def item_categories(self, resource):
        categories = []
        if resource.resource_type.live:
            categories.append(resource.resource_type.name)
        if resource.members_only:
            categories.append(_("Members only"))
        if getattr(resource, "is_fallback", False):
            categories.append(FALLBACK_LABEL)
        return categories


class NewResourcesAtomFeed(NewResourcesRssFeed):
    feed_type = Atom1Feed
