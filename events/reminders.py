"""The day-before reminder to everyone with a place, sent once by the worker's clock."""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

from editorial.scheduling import PeriodicJob
from events.booking import Booking
from events.booking_emails import send_booking_email

logger = logging.getLogger(__name__)

REMINDER_AHEAD = datetime.timedelta(hours=24)
CHECK_EVERY = datetime.timedelta(minutes=15)


def bookings_to_remind(now):
    return (
        Booking.objects.confirmed()
        .filter(
            reminder_sent_at__isnull=True,
            user__isnull=False,
            event__live=True,
            event__is_cancelled=False,
            event__start__gt=now,
            event__start__lte=now + REMINDER_AHEAD,
        )
        .select_related("event", "user")
    )


def send_due_reminders(now=None):
    """Email each confirmed booker once in the 24 hours before the event; returns how many."""
    now = now or timezone.now()
    sent = 0
    for booking in bookings_to_remind(now):
        with transaction.atomic():
            # Claimed with a conditional update, so two clocks can never both send one.
            claimed = Booking.objects.filter(
                pk=booking.pk, reminder_sent_at__isnull=True, status="confirmed"
            ).update(reminder_sent_at=now)
            if claimed:
                send_booking_email(booking, "reminder")
                sent += 1
    if sent:
        logger.info("Event reminders: %s sent", sent)
    return sent


def reminders_job():
    return PeriodicJob("event reminders", CHECK_EVERY, send_due_reminders)
