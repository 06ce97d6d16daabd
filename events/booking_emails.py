"""Emails to people who booked: sent through the worker (members.emails.send_later).

The online joining link goes only into messages to people with a confirmed place.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import dateformat, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.calendars import build_calendar
from members.emails import send_later
from members.tokens import absolute_url

WRITTEN_DATE_TIME = "l j F Y, H:i"  # Tuesday 3 March 2026, 10:00

SUBJECTS = {
    "confirmed": gettext_lazy("You have a place: %(title)s"),
    "waiting": gettext_lazy("You are on the waiting list: %(title)s"),
    "promoted": gettext_lazy("A place has come up for you: %(title)s"),
    "reminder": gettext_lazy("Tomorrow: %(title)s"),
    "changed": gettext_lazy("Changes to an event you booked: %(title)s"),
    "cancelled": gettext_lazy("Event cancelled: %(title)s"),
}
# Messages that say the person has a place carry the calendar file and the joining link.
WITH_PLACE = {"confirmed", "promoted", "reminder", "changed"}


def written_when(event):
    start = timezone.localtime(event.start)
    end = timezone.localtime(event.end)
    return _("%(start)s to %(end)s") % {
        "start": dateformat.format(start, WRITTEN_DATE_TIME),
        "end": dateformat.format(end, "H:i"),
    }


def event_ics(event):
    return build_calendar([event], None).decode("utf-8")


def booking_message(booking, kind, changes=None):
    event = booking.event
    has_place = kind in WITH_PLACE and booking.is_confirmed
    # Written in the member's language: the dates and the words alike.
    with translation.override(booking.user.email_language):
        subject, body = booking_text(booking, kind, changes, has_place)
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[booking.user.email],
    )
    if has_place:
        message.attach(f"{event.slug}.ics", event_ics(event), "text/calendar")
    return message


def booking_text(booking, kind, changes, has_place):
    event = booking.event
    context = {
        "kind": kind,
        "event": event,
        "user": booking.user,
        "when": written_when(event),
        "event_url": absolute_url(event.url or "/"),
        "hub_url": absolute_url("/accounts/hub/"),
        "position": booking.waiting_position(),
        "joining_url": event.joining_url if has_place and event.has_online_part else "",
        "changes": changes or [],
    }
    subject = str(SUBJECTS[kind]) % {"title": event.title}
    return subject, render_to_string("events/emails/booking_message.txt", context)


def send_booking_email(booking, kind, changes=None):
    if booking.user is None or not booking.user.is_active:
        return
    send_later(booking_message(booking, kind, changes))


def send_booking_confirmed(booking):
    send_booking_email(booking, "confirmed")


def send_waiting_list_confirmed(booking):
    send_booking_email(booking, "waiting")


def send_promoted(booking):
    send_booking_email(booking, "promoted")
