"""Calendars and feeds, included inside the language prefix (/pl/... serves Polish events).

Every calendar and feed path ends in a file name with a dot, which no Wagtail page slug can hold,
so none of them can hide a page. Booking is a member's action: its paths live under
/accounts/bookings/ (events/booking_urls.py), where no page can be either.
The feed of new resources lives here with the events' feeds, so that all of the site's feeds sit
in one place; its classes are in library/feeds.py.
"""

from django.urls import path

from events import views
from events.feeds import UpcomingEventsAtomFeed, UpcomingEventsRssFeed
from library.feeds import NewResourcesAtomFeed, NewResourcesRssFeed

urlpatterns = [
    path("events/<int:page_id>/calendar.ics", views.event_calendar, name="event_calendar"),
    path("events/calendar.ics", views.upcoming_events_calendar, name="events_calendar"),
    path(
        "events/workstreams/<str:slug>/calendar.ics",
        views.workstream_events_calendar,
        name="workstream_events_calendar",
    ),
    path(
        "events/communities/<str:slug>/calendar.ics",
        views.community_events_calendar,
        name="community_events_calendar",
    ),
    path("feeds/events.rss", UpcomingEventsRssFeed(), name="events_rss"),
    path("feeds/events.atom", UpcomingEventsAtomFeed(), name="events_atom"),
    path("feeds/resources.rss", NewResourcesRssFeed(), name="resources_rss"),
    path("feeds/resources.atom", NewResourcesAtomFeed(), name="resources_atom"),
]
