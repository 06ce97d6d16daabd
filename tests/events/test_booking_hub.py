"""The member's bookings in the hub, the data download and account deletion."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.booking import Booking, BookingStatus
from events.booking_actions import book
from members.deletion import delete_account
from tests.roles import client_for, make_user

from .booking_helpers import make_bookable_event

pytestmark = pytest.mark.django_db


def test_hub_lists_upcoming_and_past_bookings(site_tree, member):
    upcoming = make_bookable_event(title="Coming up")
    past = make_bookable_event(title="Been and gone", start=timezone.now() - timedelta(days=3))
    book(upcoming.pk, member)
    Booking.objects.create(event=past, user=member, status=BookingStatus.CONFIRMED)
    other = make_bookable_event(title="Someone else's")
    book(other.pk, make_user("other@example.org"))

    html = client_for(member).get(reverse("members:hub")).content.decode()
    section = html.split('id="bookings"', 1)[1].split("</section>", 1)[0]
    assert "Coming up" in section
    assert "You have a place" in section
    assert reverse("booking_cancel", args=[Booking.objects.get(event=upcoming).pk]) in section
    assert "Been and gone" in section.split("Past events you booked", 1)[1]
    assert "Someone else" not in section


def test_hub_without_bookings_says_so(site_tree, member):
    html = client_for(member).get(reverse("members:hub")).content.decode()
    assert "You have no upcoming bookings" in html


def test_download_includes_bookings(site_tree, member):
    event = make_bookable_event(title="Trauma informed care")
    book(event.pk, member)
    response = client_for(member).get(reverse("members:download_data"))
    data = json.loads(
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    [entry] = data["sections"]["event_bookings"]
    assert entry["event"] == "Trauma informed care"
    assert entry["status"] == "confirmed"


def test_deleting_an_account_keeps_anonymous_counts_and_frees_the_place(site_tree, member):
    event = make_bookable_event(capacity=1)
    past = make_bookable_event(title="Past", start=timezone.now() - timedelta(days=3))
    Booking.objects.create(event=past, user=member, status=BookingStatus.CONFIRMED, attended=True)
    book(event.pk, member)
    waiting = book(event.pk, make_user("waiting@example.org"))
    delete_account(member)

    assert not Booking.objects.filter(user=member).exists()
    kept = Booking.objects.get(event=past)
    assert (kept.user, kept.status, kept.attended) == (None, BookingStatus.CONFIRMED, True)
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.CONFIRMED
