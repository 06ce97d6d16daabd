"""iCalendar (RFC 5545) files: one event to add to a calendar, or a feed of events to subscribe to.

Times go out in UTC ("Z"), so no time zone definitions are needed and calendar apps show each
event at the right UK clock time in summer and winter. Each event's UID comes from its
translation key and the site's domain, so it stays the same through edits, slug changes and
republishing: calendar apps update the event instead of adding a copy.
"""

from datetime import UTC, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent
from wagtail.models import Site

from events.models import EventFormat

PRODUCT_ID = "-//Practice Development Unit//PDU Hub events//EN"
# How often subscribed calendar apps should fetch a feed again.
REFRESH_INTERVAL = timedelta(hours=6)


def site_domain(request):
    """The domain in every UID: the site's own hostname, whatever name the request used."""
    site = Site.find_for_request(request)
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site.hostname if site is not None else request.get_host().split(":")[0]


def event_uid(event, domain):
    return f"event-{event.translation_key}@{domain}"


def event_location(event):
    """LOCATION: the venue's name and address, or how online events are joined."""
    if not event.is_in_person:
        return _("Online: joining details are sent to people with a place")
    venue = event.public_venue
    if venue is None:
        return _("Venue to be confirmed: see the event page")
    return ", ".join([venue.name, *venue.address_lines(), venue.postcode.strip()])


def event_description(event, url):
    parts = [event.summary]
    if event.event_format == EventFormat.HYBRID:
        parts.append(_("You can also join online: we send joining details to people with a place."))
    if url:
        parts.append(url)
    return "\n\n".join(parts)


def calendar_component(event, request, domain):
    """The VEVENT for one EventPage."""
    url = event.get_full_url(request)
    changed = event.last_published_at or timezone.now()
    component = CalendarEvent()
    component.add("uid", event_uid(event, domain))
    # Without a METHOD, DTSTAMP is when the event's details last changed (RFC 5545, 3.8.7.2).
    component.add("dtstamp", changed.astimezone(UTC))
    component.add("last-modified", changed.astimezone(UTC))
    component.add("dtstart", event.start.astimezone(UTC))
    component.add("dtend", event.end.astimezone(UTC))
    # An event listed in its English original in another language's calendar says that its
    # title is English (RFC 5545's LANGUAGE parameter). The description mixes both languages.
    title_language = {"LANGUAGE": "en"} if getattr(event, "is_fallback", False) else None
    component.add("summary", event.title, parameters=title_language)
    component.add("description", event_description(event, url))
    component.add("location", event_location(event))
    if url:
        component.add("url", url)
    component.add("status", "CONFIRMED")
    component.add("categories", [str(event.get_event_type_display())])
    return component


def build_calendar(events, request, name=None):
    """A VCALENDAR holding `events`. With a `name`, it is a feed to subscribe to."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", REFRESH_INTERVAL)
    domain = site_domain(request)
    for event in events:
        calendar.add_component(calendar_component(event, request, domain))
    return calendar.to_ical()
