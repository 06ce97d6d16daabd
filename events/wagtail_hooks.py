from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.attendance import (
    AttendanceReportView,
    AttendeesCsvView,
    AttendeesView,
    can_see_attendance,
)
from events.models import Venue


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = "Venues"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "postcode", "hearing_loop", "quiet_room"]
    search_fields = ["name"]


register_snippet(VenueViewSet)


# Bookings: attendee lists per event and the attendance report (events/attendance.py).


class AttendanceMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_attendance(request.user)


@hooks.register("register_admin_urls")
def register_attendance_urls():
    return [
        path("events/<int:event_id>/attendees/", AttendeesView.as_view(), name="event_attendees"),
        path(
            "events/<int:event_id>/attendees.csv",
            AttendeesCsvView.as_view(),
            name="event_attendees_csv",
        ),
        path("events/attendance/", AttendanceReportView.as_view(), name="events_attendance"),
    ]


@hooks.register("register_reports_menu_item")
def register_attendance_menu_item():
    return AttendanceMenuItem(
        _("Attendance at events"),
        reverse("events_attendance"),
        name="attendance-at-events",
        icon_name="date",
        order=720,
    )


@hooks.register("register_page_header_buttons")
def attendees_button(page, user, view_name, next_url=None):
    specific = page.specific_deferred
    if getattr(specific, "books_here", False) and can_see_attendance(user):
        yield Button(
            _("Attendees"),
            reverse("event_attendees", args=[page.pk]),
            icon_name="group",
            priority=50,
        )
