"""Booking lives in the member's area (/accounts/bookings/), where it can never hide a page."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from events.booking import Booking, BookingStatus
from events.booking_actions import book
from tests.roles import client_for

from .booking_helpers import make_bookable_event

pytestmark = pytest.mark.django_db


def test_booking_addresses_sit_under_the_members_area():
    assert reverse("event_book", args=[12]) == "/accounts/bookings/events/12/book/"
    assert reverse("booking_cancel", args=[34]) == "/accounts/bookings/34/cancel/"


def test_the_booking_panel_and_the_hub_post_to_them(member, site_tree):
    event = make_bookable_event(title="Trauma informed care")
    client = client_for(member)
    page = BeautifulSoup(client.get(event.url).content, "html.parser")
    assert page.find("form", action=f"/accounts/bookings/events/{event.pk}/book/")

    booking = book(event.pk, member)
    cancel = f"/accounts/bookings/{booking.pk}/cancel/"
    for url in (event.url, "/accounts/hub/"):
        html = BeautifulSoup(client.get(url).content, "html.parser")
        assert html.find("form", action=cancel), url


def test_the_old_addresses_book_and_cancel_nothing(member, site_tree):
    event = make_bookable_event()
    client = client_for(member)
    assert client.post(f"/events/{event.pk}/book/").status_code == 404
    assert not Booking.objects.exists()

    booking = book(event.pk, member)
    assert (
        client.post(f"/events/bookings/{booking.pk}/cancel/", {"confirm": "yes"}).status_code == 404
    )
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
