"""schema.org Event data for an event page, so search engines can show its date and place.

Built here as a plain dict; the template writes it as JSON-LD with `json_ld` (event_tags).
"""

from django.utils import timezone
from wagtail.models import Site

from events.models import EventFormat

ORGANISER = "Practice Development Unit"
SCHEMA = "https://schema.org/"
ATTENDANCE_MODES = {
    EventFormat.IN_PERSON: SCHEMA + "OfflineEventAttendanceMode",
    EventFormat.ONLINE: SCHEMA + "OnlineEventAttendanceMode",
    EventFormat.HYBRID: SCHEMA + "MixedEventAttendanceMode",
}


def iso_uk_time(moment):
    """ISO 8601 with the UK offset of the day: +00:00 in winter, +01:00 in summer."""
    return timezone.localtime(moment).isoformat()


def postal_address(venue):
    """A PostalAddress. Editors write one part of the address per line; the last is the town."""
    lines = [line for line in venue.address_lines() if line != venue.postcode.strip()]
    address = {"@type": "PostalAddress", "postalCode": venue.postcode.strip()}
    if len(lines) > 1:
        address["streetAddress"] = ", ".join(lines[:-1])
        address["addressLocality"] = lines[-1]
    elif lines:
        address["streetAddress"] = lines[0]
    address["addressCountry"] = "GB"
    return address


def event_locations(event, url):
    locations = []
    venue = event.public_venue
    if event.is_in_person and venue is not None:
        locations.append({"@type": "Place", "name": venue.name, "address": postal_address(venue)})
    if event.event_format in (EventFormat.ONLINE, EventFormat.HYBRID):
        locations.append({"@type": "VirtualLocation", "url": url})
    return locations


def event_structured_data(event, request):
    """The schema.org Event for an EventPage."""
    url = event.get_full_url(request)
    organiser = {"@type": "Organization", "name": ORGANISER}
    site = Site.find_for_request(request)
    if site is not None:
        organiser["url"] = f"{site.root_url}/"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": iso_uk_time(event.start),
        "endDate": iso_uk_time(event.end),
        "eventAttendanceMode": ATTENDANCE_MODES.get(event.event_format),
        # There is no way to cancel an event yet; when there is, EventCancelled goes here.
        "eventStatus": SCHEMA + "EventScheduled",
        "organizer": organiser,
        "isAccessibleForFree": True,
        "url": url,
    }
    locations = event_locations(event, url)
    if len(locations) == 1:
        data["location"] = locations[0]
    elif locations:
        data["location"] = locations
    return data
