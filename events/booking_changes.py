"""What publishing an event with bookings does to them.

- When it moves, changes venue or is cancelled, the bookers are told. Compared with the revision
  published before this one; the emails are built by the worker after the publish has committed,
  so publishing stays quick however many people booked.
- When it has free places and people waiting (more places than before, or a place given back
  without anyone promoted), the first people waiting get them in order, with the "a place has
  come up" email: the same promotion as when someone cancels. Fewer places never take anyone's
  place away: people keep their places and the event is simply over its new number until enough
  of them cancel.
"""

from django.db import transaction
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import PageLogEntry
from wagtail.signals import page_published

from events.booking import Booking
from events.booking_actions import locked_event, promote_waiting

WATCHED_FIELDS = ["start", "end", "venue", "event_format", "is_cancelled"]


def previous_published_revision(page, revision):
    entry = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision__isnull=False)
        .exclude(revision=revision)
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision if entry is not None else None


def to_the_minute(value):
    # Revisions keep times to the millisecond only; people care about minutes.
    return value.replace(second=0, microsecond=0) if value else value


def watched_values(event):
    return {
        "start": to_the_minute(event.start),
        "end": to_the_minute(event.end),
        "venue": event.venue_id,
        "event_format": event.event_format,
        "is_cancelled": event.is_cancelled,
    }


def changed_fields(before, after):
    old, new = watched_values(before), watched_values(after)
    return [field for field in WATCHED_FIELDS if old[field] != new[field]]


def change_lines(event, fields):
    """Plain sentences for the email: what is different now."""
    from events.templatetags.event_tags import event_when

    lines = []
    if "start" in fields or "end" in fields:
        lines.append(_("New date and time: %(when)s") % {"when": event_when(event)})
    if "venue" in fields:
        venue = event.public_venue
        where = f"{venue.name}, {venue.postcode}" if venue else _("to be confirmed")
        lines.append(_("New venue: %(venue)s") % {"venue": where})
    if "event_format" in fields:
        lines.append(_("It is now: %(format)s") % {"format": event.get_event_format_display()})
    return lines


@receiver(page_published, dispatch_uid="events.tell_bookers_about_changes")
def tell_bookers_about_changes(sender, instance, revision=None, **kwargs):
    from events.models import EventPage

    if not isinstance(instance, EventPage) or not instance.books_here:
        return
    previous = previous_published_revision(instance, revision)
    if previous is None:
        return
    fields = changed_fields(previous.as_object(), instance)
    if not fields:
        return
    if not Booking.objects.active().filter(event=instance).exists():
        return
    transaction.on_commit(lambda: email_bookers_about_change.enqueue(instance.pk, fields))


@receiver(page_published, dispatch_uid="events.promote_waiting_after_publish")
def promote_waiting_after_publish(sender, instance, **kwargs):
    from events.models import EventPage

    # A page scheduled for later is "published" too, but it is not live yet.
    if not isinstance(instance, EventPage) or not instance.books_here or not instance.live:
        return
    if not Booking.objects.waiting().filter(event=instance).exists():
        return
    # Wagtail publishes in a transaction; this savepoint holds the event's lock as booking does,
    # and the emails leave once the publish has committed.
    with transaction.atomic():
        promote_waiting(locked_event(instance.pk))


@task()
def email_bookers_about_change(event_id, fields):
    from events.booking_emails import send_booking_email
    from events.models import EventPage

    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        return
    if "is_cancelled" in fields and event.is_cancelled:
        kind, lines = "cancelled", []
    else:
        kind, lines = "changed", change_lines(event, fields)
        if not lines:
            return
    bookings = Booking.objects.active().filter(event=event).select_related("user", "event")
    for booking in bookings:
        # A cancelled event is news for the waiting list too; a new time is only for places.
        if kind == "changed" and not booking.is_confirmed:
            continue
        send_booking_email(booking, kind, lines)
