"""RSS 2.0 and Atom feeds of upcoming events, for feed readers and other sites.

A feed in another language holds that language's events and the English originals of those not
translated yet, which carry the category "English" (events/listings.py).

Django's syndication views are shared by every request, so nothing about a request is kept on the
feed itself: `get_object` returns it, and `items` gives each event its absolute link.
"""

from dataclasses import dataclass
from xml.sax.saxutils import escape as escape_markup

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from events.calendars import site_domain
from events.listings import upcoming_events
from events.models import EventIndexPage
from events.templatetags.event_tags import event_when
from home.localised import in_language

# Enough for the months ahead; a reader needs nothing further out.
EVENTS_IN_FEED = 50
# The category of an event listed in its English original because it has no translation in the
# feed's language. Like the label on the site, it names the language in that language.
FALLBACK_LABEL = "English"


@dataclass
class FeedRequest:
    request: HttpRequest
    locale: Locale


def feed_entry_id(page, domain, kind):
    """A permanent id for a page in a feed (a tag URI): it survives a change of title or slug."""
    return f"tag:{domain},2017:{kind}/{page.translation_key}"


class UpcomingEventsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        return FeedRequest(request=request, locale=Locale.get_active())

    def title(self, obj):
        return _("PDU Hub: upcoming events")

    def description(self, obj):
        return _(
            "Learning events, webinars and Community of Practice meetings from the Practice "
            "Development Unit in Nottingham, soonest first."
        )

    def subtitle(self, obj):
        return self.description(obj)

    def link(self, obj):
        # The list in the feed's language, or its English original if it is not translated.
        index = in_language(EventIndexPage.objects.live().public(), obj.locale).first()
        url = index.get_full_url(obj.request) if index is not None else None
        return url or "/"

    def items(self, obj):
        events = list(upcoming_events(obj.locale).select_related("venue")[:EVENTS_IN_FEED])
        domain = site_domain(obj.request)
        for event in events:
            event.feed_link = event.get_full_url(obj.request)
            event.feed_id = feed_entry_id(event, domain, "event")
        return events

    def item_title(self, event):
        return event.title

    def item_description(self, event):
        if not event.is_in_person:
            where = _("Online")
        elif event.public_venue is not None:
            where = event.public_venue.name
        else:
            where = _("Venue to be confirmed")
        # Feed readers read descriptions as HTML: what editors typed must arrive as text.
        return escape_markup(
            f"{event_when(event)}. {event.get_event_format_display()}: {where}. {event.summary}"
        )

    def item_link(self, event):
        return event.feed_link

    def item_guid(self, event):
        return event.feed_id

    def item_guid_is_permalink(self, event):
        return False

    def item_pubdate(self, event):
        return event.first_published_at

    def item_updateddate(self, event):
        return event.last_published_at

    def item_categories(self, event):
        categories = [event.get_event_type_display()]
        if getattr(event, "is_fallback", False):
            categories.append(FALLBACK_LABEL)
        return categories


class UpcomingEventsAtomFeed(UpcomingEventsRssFeed):
    feed_type = Atom1Feed
