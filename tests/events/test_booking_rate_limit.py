"""Booking is rate limited per member: past the limit the site pauses, says why, changes nothing."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from events.booking import Booking, BookingStatus
from tests.roles import client_for, make_user

from .booking_helpers import make_bookable_event, sent_to

pytestmark = pytest.mark.django_db

PAUSED = "paused booking on your account"


@pytest.fixture(autouse=True)
def still_clock():
    # The limit counts in fixed windows of time; a frozen clock keeps a test inside one.
    with freeze_time(timezone.now()) as clock:
        yield clock


def book_url(event):
    return reverse("event_book", args=[event.pk])


def cancel_url(booking):
    return reverse("booking_cancel", args=[booking.pk])


def test_past_the_limit_booking_pauses_with_a_clear_page_and_books_nothing(
    site_tree, member, settings, django_capture_on_commit_callbacks
):
    settings.PDU_BOOKING_RATE_LIMIT = "2/h"
    first, second, third = (make_bookable_event(title=f"Event {n}") for n in range(3))
    client = client_for(member)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(book_url(first)).status_code == 302
        assert client.post(book_url(second)).status_code == 302
        response = client.post(book_url(third))

    assert response.status_code == 429
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.get_text(strip=True) == "Too many attempts"
    assert PAUSED in html.find(class_="messages").get_text()
    assert "Nothing has been booked or cancelled" in html.find(class_="messages").get_text()
    assert not Booking.objects.filter(event=third).exists()
    assert len(sent_to(member.email)) == 2


def test_past_the_limit_a_cancellation_waits_too(site_tree, member, settings):
    settings.PDU_BOOKING_RATE_LIMIT = "1/h"
    event = make_bookable_event()
    client = client_for(member)
    assert client.post(book_url(event)).status_code == 302
    booking = Booking.objects.get()

    # Being asked "are you sure?" changes nothing, so it does not count.
    assert client.post(cancel_url(booking)).status_code == 200
    response = client.post(cancel_url(booking), {"confirm": "yes"})

    assert response.status_code == 429
    assert PAUSED in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_the_limit_is_each_members_own(site_tree, member, settings):
    settings.PDU_BOOKING_RATE_LIMIT = "1/h"
    event = make_bookable_event(capacity=5)
    other = make_user("other@example.org")
    assert client_for(member).post(book_url(event)).status_code == 302
    assert client_for(member).post(book_url(event)).status_code == 429
    # Same address, another account: not held back by the first.
    assert client_for(other).post(book_url(event)).status_code == 302
    assert set(Booking.objects.values_list("user__email", flat=True)) == {
        member.email,
        other.email,
    }


def test_the_default_limit_is_twenty_booking_actions_an_hour(site_tree, member):
    events = [make_bookable_event(title=f"Event {n}") for n in range(11)]
    client = client_for(member)
    statuses = []
    for event in events[:10]:
        statuses.append(client.post(book_url(event)).status_code)
        booking = Booking.objects.get(event=event, user=member)
        statuses.append(client.post(cancel_url(booking), {"confirm": "yes"}).status_code)
    statuses.append(client.post(book_url(events[10])).status_code)

    assert statuses == [302] * 20 + [429]
    assert not Booking.objects.filter(event=events[10]).exists()


def test_guessing_at_event_ids_counts_as_well(site_tree, member, settings):
    settings.PDU_BOOKING_RATE_LIMIT = "3/h"
    client = client_for(member)
    statuses = [client.post(reverse("event_book", args=[900 + n])).status_code for n in range(4)]
    assert statuses == [404, 404, 404, 429]


def test_after_the_pause_booking_works_again(site_tree, member, settings, still_clock):
    settings.PDU_BOOKING_RATE_LIMIT = "1/h"
    event, later = make_bookable_event(), make_bookable_event(title="Later")
    client = client_for(member)
    assert client.post(book_url(event)).status_code == 302
    assert client.post(book_url(later)).status_code == 429

    still_clock.tick(timedelta(hours=2))

    assert client.post(book_url(later)).status_code == 302
    assert Booking.objects.filter(event=later, user=member).exists()
