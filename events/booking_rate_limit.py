"""How many booking actions one member may take in a while: plenty for a person, few for a script.

Booking a place and confirming a cancellation both count, per account (booking needs one). The
rate is the PDU_BOOKING_RATE_LIMIT setting, in django-ratelimit's syntax.
"""

from django.conf import settings
from django.contrib import messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

RATE_LIMIT_GROUP = "events.booking"


def booking_rate_limit():
    return settings.PDU_BOOKING_RATE_LIMIT


def too_many_booking_actions(request):
    """Count this action against the signed-in member; True once they are over the limit."""
    return is_ratelimited(
        request,
        group=RATE_LIMIT_GROUP,
        key="user",
        rate=booking_rate_limit(),
        method="POST",
        increment=True,
    )


def booking_paused(request):
    """The site's "too many attempts" page, saying what was paused and that nothing changed."""
    messages.error(
        request,
        _(
            "You have booked or cancelled a lot of places in a short time, so we have paused "
            "booking on your account for a while. Nothing has been booked or cancelled this time."
        ),
    )
    return TemplateResponse(request, "429.html", status=429)
