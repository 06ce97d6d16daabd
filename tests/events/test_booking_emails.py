"""Reminders the day before, and emails when a booked event changes or is cancelled."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.booking import Booking
from events.booking_actions import book
from events.reminders import reminders_job, send_due_reminders
from tests.roles import make_user

from .booking_helpers import ics_attachments, make_bookable_event, make_venue, sent_to

pytestmark = pytest.mark.django_db


def test_reminders_go_once_to_confirmed_places(
    site_tree, member, django_capture_on_commit_callbacks
):
    soon = make_bookable_event(capacity=1, start=timezone.now() + timedelta(hours=20))
    later = make_bookable_event(capacity=1, title="Later", start=timezone.now() + timedelta(days=5))
    book(soon.pk, member)
    waiting = make_user("waiting@example.org")
    book(soon.pk, waiting)
    book(later.pk, member)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders() == 1
        assert send_due_reminders() == 0
    [reminder] = sent_to(member.email)
    assert reminder.subject.startswith("Tomorrow:")
    assert ics_attachments(reminder)
    assert not sent_to(waiting.email)
    assert Booking.objects.get(user=member, event=soon).reminder_sent_at is not None
    assert reminders_job().name == "event reminders"


def publish(event):
    event.save_revision().publish()


def test_moving_a_published_event_emails_people_with_a_place(
    site_tree, member, django_capture_on_commit_callbacks
):
    event = make_bookable_event(capacity=5)
    publish(event)
    book(event.pk, member)
    event.refresh_from_db()
    event.start += timedelta(days=1)
    event.end += timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        publish(event)
    [message] = sent_to(member.email)
    assert "Changes to an event you booked" in message.subject
    assert "New date and time" in message.body
    assert ics_attachments(message)

    # Publishing again with nothing changed sends nothing.
    with django_capture_on_commit_callbacks(execute=True):
        publish(event)
    assert len(sent_to(member.email)) == 1


def test_new_venue_is_announced(site_tree, member, django_capture_on_commit_callbacks):
    event = make_bookable_event(capacity=5)
    publish(event)
    book(event.pk, member)
    event.refresh_from_db()
    event.venue = make_venue(name="Council House")
    with django_capture_on_commit_callbacks(execute=True):
        publish(event)
    [message] = sent_to(member.email)
    assert "New venue: Council House" in message.body


def test_cancelling_a_published_event_emails_everyone_booked(
    site_tree, member, django_capture_on_commit_callbacks
):
    event = make_bookable_event(capacity=1)
    publish(event)
    first = make_user("first@example.org")
    book(event.pk, first)
    book(event.pk, member)  # waiting
    event.refresh_from_db()
    event.is_cancelled = True
    event.cancellation_note = "The speaker is unwell; we will set a new date."
    with django_capture_on_commit_callbacks(execute=True):
        publish(event)
    for person in (first, member):
        [message] = sent_to(person.email)
        assert message.subject.startswith("Event cancelled")
        assert "The speaker is unwell" in message.body
        assert not ics_attachments(message)
