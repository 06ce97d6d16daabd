"""More places on a full event go to the people waiting, in order, when staff publish the change.

Fewer places never take a place away from anyone.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse

from events.booking import Booking, BookingStatus
from events.booking_actions import book
from tests.roles import client_for, make_user

from .booking_helpers import ics_attachments, make_bookable_event, sent_to
from .factories import event_form_data

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def full_event(site_tree):
    """Three places, all taken, and two people waiting; as the admin form below describes it."""
    event = make_bookable_event(
        capacity=3,
        start=datetime(2030, 3, 5, 10, 0, tzinfo=LONDON),
        end=datetime(2030, 3, 5, 12, 30, tzinfo=LONDON),
    )
    event.save_revision().publish()
    for number in range(3):
        book(event.pk, make_user(f"place{number}@example.org"))
    book(event.pk, make_user("first.waiting@example.org"))
    book(event.pk, make_user("second.waiting@example.org"))
    return event


def publish_with_places(user, event, places, capture):
    """Edit and publish the event through the admin's own form, as staff do."""
    data = event_form_data(
        booking_method="here", capacity=str(places), **{"action-publish": "action-publish"}
    )
    with capture(execute=True):
        response = client_for(user).post(reverse("wagtailadmin_pages:edit", args=[event.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    assert event.capacity == places
    return response


def status_of(email, event):
    return Booking.objects.get(user__email=email, event=event).status


def test_one_more_place_goes_to_the_first_person_waiting(
    administrator, full_event, django_capture_on_commit_callbacks
):
    publish_with_places(administrator, full_event, 4, django_capture_on_commit_callbacks)

    first = Booking.objects.get(user__email="first.waiting@example.org")
    assert first.status == BookingStatus.CONFIRMED
    assert first.promoted_at is not None
    second = Booking.objects.get(user__email="second.waiting@example.org")
    assert second.status == BookingStatus.WAITING
    assert second.waiting_position() == 1

    [promotion] = sent_to("first.waiting@example.org")
    assert "A place has come up" in promotion.subject
    assert ics_attachments(promotion)
    # Nobody else hears anything: nothing changed for them.
    assert len(mail.outbox) == 1
    page = client_for(first.user).get(full_event.url).content.decode()
    assert "You have a place" in page


def test_enough_new_places_empty_the_waiting_list_in_order(
    administrator, full_event, django_capture_on_commit_callbacks
):
    publish_with_places(administrator, full_event, 10, django_capture_on_commit_callbacks)

    promoted = Booking.objects.filter(event=full_event, promoted_at__isnull=False)
    assert list(promoted.order_by("promoted_at", "pk").values_list("user__email", flat=True)) == [
        "first.waiting@example.org",
        "second.waiting@example.org",
    ]
    assert not Booking.objects.waiting().exists()
    assert len(mail.outbox) == 2


def test_fewer_places_never_take_a_place_away(
    administrator, full_event, django_capture_on_commit_callbacks
):
    publish_with_places(administrator, full_event, 1, django_capture_on_commit_callbacks)

    assert Booking.objects.confirmed().filter(event=full_event).count() == 3
    assert Booking.objects.waiting().filter(event=full_event).count() == 2
    assert not mail.outbox

    # Raised to 4 later, one place is free: the first person waiting gets it, as usual.
    publish_with_places(administrator, full_event, 4, django_capture_on_commit_callbacks)
    assert status_of("first.waiting@example.org", full_event) == BookingStatus.CONFIRMED
    assert status_of("second.waiting@example.org", full_event) == BookingStatus.WAITING
    assert len(mail.outbox) == 1


def test_publishing_without_free_places_promotes_nobody(
    administrator, full_event, django_capture_on_commit_callbacks
):
    publish_with_places(administrator, full_event, 3, django_capture_on_commit_callbacks)

    assert Booking.objects.waiting().filter(event=full_event).count() == 2
    assert not mail.outbox


def test_a_cancelled_event_promotes_nobody(full_event, django_capture_on_commit_callbacks):
    full_event.refresh_from_db()
    full_event.capacity = 5
    full_event.is_cancelled = True
    with django_capture_on_commit_callbacks(execute=True):
        full_event.save_revision().publish()

    assert Booking.objects.waiting().filter(event=full_event).count() == 2
    # Everyone hears that it is cancelled; nobody hears that a place came up.
    assert not [message for message in mail.outbox if "A place has come up" in message.subject]
