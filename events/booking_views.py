"""Booking a place and cancelling it: POST only, signed in, then back to the event with a note.

Members-only events can be booked by the people who may open them (Wagtail's own privacy test);
for anyone else such an event does not exist here, as its page does not.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events.booking import Booking
from events.booking_actions import BookingRefusedError, book, cancel
from events.booking_rate_limit import booking_paused, too_many_booking_actions
from events.models import EventPage

# Ids are 32-bit database integers; a bigger number is simply not there.
LARGEST_ID = 2**31 - 1


def event_the_member_may_view_or_404(request, event_id):
    """The live event `event_id`, if its privacy lets this person open it; else 404."""
    if event_id > LARGEST_ID:
        raise Http404
    event = get_object_or_404(EventPage.objects.live(), pk=event_id)
    for restriction in event.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    return event


def back_to(event):
    return redirect(event.url or "/")


@login_required
@require_POST
def book_event(request, event_id):
    # Counted before the event is looked up, so guessing at ids costs the same as booking.
    if too_many_booking_actions(request):
        return booking_paused(request)
    event = event_the_member_may_view_or_404(request, event_id)
    try:
        booking = book(event.pk, request.user)
    except BookingRefusedError as refusal:
        messages.error(request, str(refusal))
        return back_to(event)
    if booking.is_confirmed:
        messages.success(request, _("You have a place. We have emailed you the details."))
    else:
        messages.success(
            request,
            _(
                "The event is full, so you are on the waiting list. We will email you if a place "
                "comes up."
            ),
        )
    return back_to(event)


def own_active_booking(request, booking_id):
    if booking_id > LARGEST_ID:
        raise Http404
    return get_object_or_404(
        Booking.objects.active().select_related("event"), pk=booking_id, user=request.user
    )


@login_required
@require_POST
def cancel_booking(request, booking_id):
    """The first POST asks "are you sure?"; the one with confirm=yes cancels.

    Someone else's booking is a 404. A member may always cancel their own booking, even of an
    event they can no longer open: it only gives the place back, and the booking already tells
    them the event exists.
    """
    confirmed = request.POST.get("confirm") == "yes"
    # Only the cancellation itself counts: the question before it changes nothing.
    if confirmed and too_many_booking_actions(request):
        return booking_paused(request)
    booking = own_active_booking(request, booking_id)
    event = booking.event
    if not confirmed:
        return TemplateResponse(request, "events/cancel_booking.html", {"booking": booking})
    try:
        cancel(booking.pk, request.user)
    except Booking.DoesNotExist as missing:
        raise Http404 from missing
    except BookingRefusedError as refusal:
        messages.error(request, str(refusal))
        return back_to(event)
    messages.success(request, _("Your booking is cancelled."))
    return back_to(event)
