"""Booking, cancelling and promoting from the waiting list, safe under simultaneous requests.

Each action locks the event's row first (SELECT ... FOR UPDATE on PostgreSQL; SQLite runs one
writing transaction at a time anyway), so two people can never both take the last place, and
counts are read only after the lock is held.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.booking import Booking, BookingStatus
from events.booking_emails import (
    send_booking_confirmed,
    send_promoted,
    send_waiting_list_confirmed,
)


class BookingRefusedError(Exception):
    """The booking or cancellation cannot happen; the message says why, to the member."""


def locked_event(event_id):
    from events.models import EventPage

    return EventPage.objects.select_for_update(of=("self",)).get(pk=event_id)


def why_not_bookable(event, now=None):
    """A sentence saying why nobody can book `event` now, or None if they can."""
    now = now or timezone.now()
    if not event.books_here:
        return _("This event is not booked on this site.")
    if event.is_cancelled:
        return _("This event has been cancelled, so it cannot be booked.")
    if not event.live:
        return _("This event is not published, so it cannot be booked.")
    if event.has_finished or event.start <= now:
        return _("This event has already started or finished, so booking has closed.")
    if event.booking_deadline <= now:
        return _("Booking for this event has closed.")
    return None


def places_left(event):
    confirmed = Booking.objects.confirmed().filter(event=event).count()
    return max((event.capacity or 0) - confirmed, 0)


def book(event_id, user):
    """Give `user` a place, or a place on the waiting list; raise BookingRefusedError if neither."""
    with transaction.atomic():
        event = locked_event(event_id)
        reason = why_not_bookable(event)
        if reason:
            raise BookingRefusedError(reason)
        if Booking.objects.active().filter(event=event, user=user).exists():
            raise BookingRefusedError(_("You have already booked this event."))
        if places_left(event) > 0:
            booking = Booking.objects.create(event=event, user=user, status=BookingStatus.CONFIRMED)
            send_booking_confirmed(booking)
        elif event.waiting_list:
            booking = Booking.objects.create(event=event, user=user, status=BookingStatus.WAITING)
            send_waiting_list_confirmed(booking)
        else:
            raise BookingRefusedError(_("Sorry, this event is full and has no waiting list."))
    return booking


def cancel(booking_id, user):
    """Cancel `user`'s own booking; a freed place goes to the first person waiting."""
    with transaction.atomic():
        event_id = (
            Booking.objects.active()
            .filter(pk=booking_id, user=user)
            .values_list("event_id", flat=True)
            .first()
        )
        if event_id is None:
            raise Booking.DoesNotExist
        event = locked_event(event_id)
        booking = Booking.objects.get(pk=booking_id)
        if booking.status not in (BookingStatus.CONFIRMED, BookingStatus.WAITING):
            raise Booking.DoesNotExist  # cancelled by a simultaneous request
        if event.start <= timezone.now():
            raise BookingRefusedError(
                _("This event has already started, so it cannot be cancelled.")
            )
        was_confirmed = booking.is_confirmed
        booking.status = BookingStatus.CANCELLED
        booking.cancelled_at = timezone.now()
        booking.save(update_fields=["status", "cancelled_at"])
        if was_confirmed:
            promote_waiting(event)
    return booking


def promote_waiting(event):
    """Fill free places from the waiting list, first come first served. Call with the lock held."""
    if event.is_cancelled or event.start <= timezone.now():
        return []
    promoted = []
    free = places_left(event)
    for booking in Booking.objects.waiting().filter(event=event).queue_order()[:free]:
        booking.status = BookingStatus.CONFIRMED
        booking.promoted_at = timezone.now()
        booking.save(update_fields=["status", "promoted_at"])
        send_promoted(booking)
        promoted.append(booking)
    return promoted
