"""What the booking panel on an event page shows: the event's state and the reader's own booking."""

from urllib.parse import urlencode

from django.urls import reverse

from events.booking import Booking
from events.booking_actions import places_left, why_not_bookable


def booking_state(event):
    """One of "cancelled", "closed", "open", "waiting_list" (full, queue open) or "full"."""
    if event.is_cancelled:
        return "cancelled"
    if why_not_bookable(event):
        return "closed"
    if places_left(event) > 0:
        return "open"
    return "waiting_list" if event.waiting_list else "full"


def own_booking(event, user):
    if not user.is_authenticated or event.pk is None:
        return None
    return Booking.objects.active().filter(event=event, user=user).first()


def login_url(event):
    """Sign in, then come straight back to the event."""
    return f"{reverse('account_login')}?{urlencode({'next': event.url or '/'}, safe='/')}"


def booking_panel(event, user):
    """Context for templates/events/components/booking_panel.html; None if not booked here."""
    if not event.books_here or event.pk is None:
        return None
    mine = own_booking(event, user)
    state = booking_state(event)
    return {
        "state": state,
        "places_left": places_left(event),
        "closes_at": event.booking_deadline,
        "mine": mine,
        "position": mine.waiting_position() if mine else None,
        # The private link: only for a confirmed place at an event with an online part.
        "joining_url": (
            event.joining_url
            if mine is not None and mine.is_confirmed and event.has_online_part
            else ""
        ),
        "book_url": reverse("event_book", args=[event.pk]),
        "cancel_url": reverse("booking_cancel", args=[mine.pk]) if mine else None,
        "login_url": login_url(event),
        "signed_in": user.is_authenticated,
    }
