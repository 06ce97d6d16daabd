"""A member's bookings in their data download, and what deleting their account does to them.

Deleting an account keeps the bookings as anonymous rows (user NULL, status and attendance kept),
so the numbers booked and attending still add up.
"""

import contextlib

from django.utils import timezone

from events.booking import Booking
from members.personal_data import personal_data_eraser, personal_data_section

UPCOMING_LIMIT = 20
PAST_LIMIT = 20


def iso(value):
    return value.isoformat() if value else None


@personal_data_section("event_bookings")
def event_bookings_data(user):
    bookings = Booking.objects.filter(user=user).select_related("event").order_by("created_at")
    return [
        {
            "event": booking.event.title,
            "event_starts": iso(booking.event.start),
            "status": booking.status,
            "booked_at": iso(booking.created_at),
            "cancelled_at": iso(booking.cancelled_at),
            "given_a_place_from_waiting_list_at": iso(booking.promoted_at),
            "attended": booking.attended,
        }
        for booking in bookings
    ]


@personal_data_eraser("event_bookings")
def erase_event_bookings(user):
    # A deleted member no longer holds a place: free it for the waiting list first.
    from events.booking_actions import BookingRefusedError, cancel

    now = timezone.now()
    for booking in Booking.objects.active().filter(user=user, event__start__gt=now):
        with contextlib.suppress(Booking.DoesNotExist, BookingRefusedError):
            cancel(booking.pk, user)
    Booking.objects.filter(user=user).update(user=None)


def member_bookings(user):
    """The hub's two short lists: upcoming (soonest first) and past (latest first)."""
    now = timezone.now()
    mine = Booking.objects.filter(user=user).exclude(status="cancelled").select_related("event")
    upcoming = list(mine.filter(event__end__gt=now).order_by("event__start")[:UPCOMING_LIMIT])
    past = list(mine.filter(event__end__lte=now).order_by("-event__start")[:PAST_LIMIT])
    return {"upcoming": upcoming, "past": past}
