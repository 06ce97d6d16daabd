"""Staff views in the admin: who booked each event (with attendance and a CSV), and a report of
booked, attended and waiting numbers per event and per workstream.

Attendee lists name people, as the member counts do not; like those counts they are for the people
who run the site (Editors, Reviewers, administrators), never for members.
"""

import csv

from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from events.booking import Booking, BookingStatus
from members.reports import can_see_member_counts, refusal, spreadsheet_safe

can_see_attendance = can_see_member_counts
LARGEST_ID = 2**31 - 1
REPORT_EVENT_LIMIT = 200

COUNTS = {
    "booked": Count("bookings", filter=Q(bookings__status=BookingStatus.CONFIRMED)),
    "attended": Count("bookings", filter=Q(bookings__attended=True)),
    "waiting": Count("bookings", filter=Q(bookings__status=BookingStatus.WAITING)),
}


def bookable_event_or_404(event_id):
    from events.models import EventPage

    if event_id > LARGEST_ID:
        raise Http404
    return get_object_or_404(EventPage, pk=event_id)


def event_bookings(event):
    return (
        Booking.objects.filter(event=event)
        .exclude(status=BookingStatus.CANCELLED)
        .select_related("user")
        .order_by("status", "created_at", "pk")
    )


class StaffOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_see_attendance(request.user):
            return refusal(request, self, _("Only people who run the site can see bookings."))
        return super().dispatch(request, *args, **kwargs)


class AttendeesView(StaffOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """Everyone booked on one event; POST saves who attended."""

    page_title = gettext_lazy("Attendees")
    header_icon = "group"
    template_name = "events/admin/attendees.html"

    def get_page_subtitle(self):
        return self.event.title

    def dispatch(self, request, event_id):
        self.event = bookable_event_or_404(event_id)
        return super().dispatch(request, event_id)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "event": self.event,
            "bookings": event_bookings(self.event),
        }

    def post(self, request, event_id):
        attended = {int(pk) for pk in request.POST.getlist("attended") if pk.isdigit()}
        confirmed = Booking.objects.filter(event=self.event, status=BookingStatus.CONFIRMED)
        confirmed.filter(pk__in=attended).update(attended=True)
        confirmed.exclude(pk__in=attended).update(attended=False)
        messages.success(request, _("Attendance saved."))
        return redirect("event_attendees", event_id=self.event.pk)


def attendee_rows(event):
    for booking in event_bookings(event):
        user = booking.user
        yield [
            user.get_full_name() if user else _("(deleted account)"),
            user.email if user else "",
            user.organisation if user else "",
            booking.get_status_display(),
            {True: _("Yes"), False: _("No"), None: ""}[booking.attended],
        ]


class AttendeesCsvView(StaffOnlyMixin, TemplateView):
    page_title = gettext_lazy("Attendees")
    header_icon = "group"

    def get(self, request, event_id):
        event = bookable_event_or_404(event_id)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"attendees-{event.slug}-{timezone.localdate().isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        writer = csv.writer(response)
        writer.writerow([_("Name"), _("Email"), _("Organisation"), _("Status"), _("Attended")])
        for row in attendee_rows(event):
            writer.writerow([spreadsheet_safe(str(cell)) for cell in row])
        return response


class AttendanceReportView(StaffOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Attendance at events")
    header_icon = "date"
    template_name = "events/admin/attendance_report.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        from events.models import BookingMethod, EventPage
        from workstreams.models import WorkstreamPage

        bookable = EventPage.objects.filter(booking_method=BookingMethod.HERE)
        events = bookable.annotate(**COUNTS).order_by("-start")[:REPORT_EVENT_LIMIT]
        workstream_counts = {
            "booked": Count(
                "events__bookings",
                filter=Q(events__bookings__status=BookingStatus.CONFIRMED),
            ),
            "attended": Count("events__bookings", filter=Q(events__bookings__attended=True)),
            "waiting": Count(
                "events__bookings", filter=Q(events__bookings__status=BookingStatus.WAITING)
            ),
        }
        workstreams = WorkstreamPage.objects.annotate(**workstream_counts).order_by("title")
        return {**super().get_context_data(**kwargs), "events": events, "workstreams": workstreams}
