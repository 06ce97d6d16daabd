"""A member's place (or place in the queue) at an event booked on this site.

Bookings outlive the people who made them: when an account is deleted the user becomes NULL, so
the numbers booked and attending still add up in reports.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class BookingStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE_STATUSES = [BookingStatus.CONFIRMED, BookingStatus.WAITING]


class BookingQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def confirmed(self):
        return self.filter(status=BookingStatus.CONFIRMED)

    def waiting(self):
        return self.filter(status=BookingStatus.WAITING)

    def queue_order(self):
        return self.order_by("created_at", "pk")


class Booking(models.Model):
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="bookings",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_bookings",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=BookingStatus.choices, default=BookingStatus.CONFIRMED
    )
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True, db_index=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    promoted_at = models.DateTimeField(
        _("given a place from the waiting list at"), null=True, blank=True
    )
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(status__in=["confirmed", "waiting"]),
                name="one_active_booking_per_member_per_event",
            )
        ]

    def __str__(self):
        return f"{self.event_id}: {self.user_id or '-'} ({self.status})"

    @property
    def is_confirmed(self):
        return self.status == BookingStatus.CONFIRMED

    @property
    def is_waiting(self):
        return self.status == BookingStatus.WAITING

    def waiting_position(self):
        """1 for the first in the queue; None unless waiting."""
        if not self.is_waiting:
            return None
        earlier = (
            Booking.objects.waiting()
            .filter(event_id=self.event_id)
            .filter(
                Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk)
            )
        )
        return earlier.count() + 1
