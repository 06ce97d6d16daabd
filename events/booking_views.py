"""Booking a place and cancelling it: POST only, signed in, then back to the event with a note."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events.booking import Booking
from events.booking_actions import BookingRefusedError, book, cancel
from events.listings import published_events

# Ids are 32-bit database integers; a bigger number is simply not there.
LARGEST_ID = 2**31 - 1


def event_or_404(event_id):
    if event_id > LARGEST_ID:
        raise Http404
    return get_object_or_404(published_events(), pk=event_id)


def back_to(event):
    return redirect(event.url or "/")


@login_required
@require_POST
def book_event(request, event_id):
    event = event_or_404(event_id)
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

    Someone else's booking is a 404.
    """
    booking = own_active_booking(request, booking_id)
    event = booking.event
    if request.POST.get("confirm") != "yes":
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
