"""Building bookable events and reading booking emails, for the booking tests."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from events.models import BookingMethod, EventIndexPage

from .factories import make_event, make_event_index, make_venue  # noqa: F401

JOINING_URL = "https://meet.example.org/pdu-secret-room"


def make_bookable_event(capacity=2, index=None, **fields):
    index = index or EventIndexPage.objects.first() or make_event_index()
    fields.setdefault("booking_method", BookingMethod.HERE)
    fields.setdefault("start", timezone.now() + timedelta(days=10))
    return make_event(index, capacity=capacity, **fields)


def sent_to(address):
    return [message for message in mail.outbox if address in message.to]


def ics_attachments(message):
    return [
        Calendar.from_ical(content)
        for _name, content, mimetype in message.attachments
        if mimetype.startswith("text/calendar")
    ]
