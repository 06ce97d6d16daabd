"""Capacity holds when many people book at the same moment (PostgreSQL row locks)."""

import threading

import pytest
from django.db import connection

from events.booking import Booking, BookingStatus
from events.booking_actions import BookingRefusedError, book
from tests.roles import make_user

from .booking_helpers import make_bookable_event

PEOPLE = 20
PLACES = 5


def book_all_at_once(event, users):
    start = threading.Barrier(len(users))
    refused = []

    def attempt(user):
        try:
            start.wait()
            book(event.pk, user)
        except BookingRefusedError:
            refused.append(user)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return refused


@pytest.mark.postgres
@pytest.mark.parametrize("waiting_list", [True, False])
def test_parallel_bookings_never_overfill(site_tree, transactional_db, waiting_list):
    event = make_bookable_event(capacity=PLACES, waiting_list=waiting_list)
    users = [make_user(f"person{number}@example.org") for number in range(PEOPLE)]
    refused = book_all_at_once(event, users)

    confirmed = Booking.objects.filter(event=event, status=BookingStatus.CONFIRMED).count()
    waiting = Booking.objects.filter(event=event, status=BookingStatus.WAITING).count()
    assert confirmed == PLACES
    if waiting_list:
        assert (waiting, len(refused)) == (PEOPLE - PLACES, 0)
    else:
        assert (waiting, len(refused)) == (0, PEOPLE - PLACES)
