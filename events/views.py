"""Calendar files: one event to add to a calendar, and feeds of upcoming events to subscribe to.

Feeds: every upcoming event, one workstream's, or one Community of Practice's meetings.

Only published, public events are in them; anything else is a 404, as the page would be.
"""

import re

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from events.calendars import build_calendar
from events.listings import in_workstream, of_community, published_events, upcoming_events
from home.localised import in_language

CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"
# A feed is fetched again and again by calendar apps; a few minutes' caching spares the site.
FEED_MAX_AGE = 15 * 60
# Page ids are database integers; a longer number cannot be one (and would upset the database).
LARGEST_PAGE_ID = 2**31 - 1
# What a Wagtail slug may hold: letters (any script), digits, "-" and "_".
SLUG = re.compile(r"[-\w]+")


def calendar_response(content, filename=None):
    response = HttpResponse(content, content_type=CALENDAR_CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@require_safe
def event_calendar(request, page_id):
    """One event as an .ics file, for "Add to calendar"."""
    if page_id > LARGEST_PAGE_ID:
        raise Http404
    event = get_object_or_404(published_events().select_related("venue"), pk=page_id)
    return calendar_response(build_calendar([event], request), filename=f"{event.slug}.ics")


@require_safe
@cache_control(max_age=FEED_MAX_AGE, public=True)
def upcoming_events_calendar(request):
    """Every upcoming event in the page's language, to subscribe to."""
    events = upcoming_events(Locale.get_active()).select_related("venue")
    name = _("Practice Development Unit events")
    return calendar_response(build_calendar(events, request, name=name))


@require_safe
@cache_control(max_age=FEED_MAX_AGE, public=True)
def workstream_events_calendar(request, slug):
    """The upcoming events of one workstream, to subscribe to."""
    from workstreams.models import WorkstreamPage

    if not SLUG.fullmatch(slug):
        raise Http404
    locale = Locale.get_active()
    # In another language, a workstream not yet translated still has its (English) feed.
    workstream = (
        in_language(WorkstreamPage.objects.live().public(), locale).filter(slug=slug).first()
    )
    if workstream is None:
        raise Http404
    events = in_workstream(upcoming_events(locale), workstream).select_related("venue")
    name = _("Practice Development Unit events: %(workstream)s") % {"workstream": workstream.title}
    return calendar_response(build_calendar(events, request, name=name))


@require_safe
@cache_control(max_age=FEED_MAX_AGE, public=True)
def community_events_calendar(request, slug):
    """The upcoming meetings and events of one Community of Practice, to subscribe to."""
    from workstreams.models import CommunityOfPracticePage

    if not SLUG.fullmatch(slug):
        raise Http404
    locale = Locale.get_active()
    # A members-only community has a feed too, so the link on its page works for the members
    # who see it: the feed shows only its title (as listings do) and its public events.
    # Slugs are unique among a workstream's communities only; the oldest in the tree wins, so
    # the same address always gives the same feed.
    community = (
        in_language(CommunityOfPracticePage.objects.live(), locale)
        .filter(slug=slug)
        .order_by("path")
        .first()
    )
    if community is None:
        raise Http404
    events = of_community(upcoming_events(locale), community).select_related("venue")
    name = _("Practice Development Unit meetings: %(community)s") % {"community": community.title}
    return calendar_response(build_calendar(events, request, name=name))
