"""Booking a place on an event through the site: one click, refusals, the waiting list."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.booking import Booking, BookingStatus
from events.booking_actions import book
from tests.roles import client_for, make_user

from .booking_helpers import ics_attachments, make_bookable_event, sent_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(site_tree):
    return make_bookable_event(capacity=2, title="Trauma informed care")


def post_book(client, event, capture):
    with capture(execute=True):
        return client.post(reverse("event_book", args=[event.pk]))


def test_anonymous_visitor_is_asked_to_sign_in(client, event):
    response = client.get(event.url)
    html = response.content.decode()
    assert "Sign in to book" in html
    assert f"/accounts/login/?next={event.url}" in html
    assert "2 places left" in html


def test_signed_out_post_books_nothing(client, event):
    response = client.post(reverse("event_book", args=[event.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not Booking.objects.exists()


def test_member_books_with_one_click_and_gets_a_calendar_file(
    member, event, django_capture_on_commit_callbacks
):
    client = client_for(member)
    response = post_book(client, event, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == event.url
    booking = Booking.objects.get()
    assert (booking.user, booking.status) == (member, BookingStatus.CONFIRMED)

    page = client.get(event.url).content.decode()
    assert "You have a place" in page
    assert "1 place left" not in page  # the member sees their booking, not the offer

    [message] = sent_to(member.email)
    assert "You have a place" in message.subject
    [calendar] = ics_attachments(message)
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["summary"]) == "Trauma informed care"
    assert vevent.decoded("dtstart") == event.start.replace(microsecond=0)


def test_booking_twice_is_refused(member, event, django_capture_on_commit_callbacks):
    client = client_for(member)
    post_book(client, event, django_capture_on_commit_callbacks)
    response = post_book(client, event, django_capture_on_commit_callbacks)
    assert Booking.objects.count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "You have already booked this event." in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"is_cancelled": True}, "has been cancelled"),
        (
            {"booking_closes_at": timezone.now() - timedelta(hours=1)},
            "Booking for this event has closed",
        ),
        ({"start": timezone.now() - timedelta(days=2)}, "already started or finished"),
    ],
)
def test_closed_events_refuse_bookings(site_tree, member, fields, message):
    event = make_bookable_event(**fields)
    client = client_for(member)
    response = client.post(reverse("event_book", args=[event.pk]), follow=True)
    assert not Booking.objects.exists()
    assert message in response.content.decode()


def test_full_event_without_waiting_list_refuses(site_tree, member):
    event = make_bookable_event(capacity=1, waiting_list=False)
    book(event.pk, make_user("first@example.org"))
    response = client_for(member).post(reverse("event_book", args=[event.pk]), follow=True)
    assert "full and has no waiting list" in response.content.decode()
    assert not Booking.objects.filter(user=member).exists()


def test_get_is_not_allowed(member, event):
    client = client_for(member)
    assert client.get(reverse("event_book", args=[event.pk])).status_code == 405
    booking = book(event.pk, member)
    assert client.get(reverse("booking_cancel", args=[booking.pk])).status_code == 405
    assert Booking.objects.get().status == BookingStatus.CONFIRMED


def test_unknown_and_unpublished_events_are_404(member, event):
    client = client_for(member)
    assert client.post(reverse("event_book", args=[2**40])).status_code == 404
    event.unpublish()
    assert client.post(reverse("event_book", args=[event.pk])).status_code == 404
    assert not Booking.objects.exists()


def test_cancel_asks_first_then_cancels(member, event):
    booking = book(event.pk, member)
    client = client_for(member)
    url = reverse("booking_cancel", args=[booking.pk])
    confirm = client.post(url)
    assert confirm.status_code == 200
    assert "Yes, cancel my booking" in confirm.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED

    response = client.post(url, {"confirm": "yes"})
    assert response["Location"] == event.url
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert booking.cancelled_at is not None
    # A cancelled booking no longer blocks booking again.
    book(event.pk, member)


def test_someone_elses_booking_is_404(member, event):
    other = make_user("other@example.org")
    booking = book(event.pk, other)
    response = client_for(member).post(
        reverse("booking_cancel", args=[booking.pk]), {"confirm": "yes"}
    )
    assert response.status_code == 404
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_waiting_list_and_promotion_with_email(
    site_tree, member, django_capture_on_commit_callbacks
):
    event = make_bookable_event(capacity=1)
    first = make_user("first@example.org", first_name="Fola")
    with django_capture_on_commit_callbacks(execute=True):
        first_booking = book(event.pk, first)
    client = client_for(member)
    page = client.get(event.url).content.decode()
    assert "This event is full" in page
    assert "Join the waiting list" in page

    post_book(client, event, django_capture_on_commit_callbacks)
    waiting = Booking.objects.get(user=member)
    assert waiting.status == BookingStatus.WAITING
    assert "waiting list: number 1" in client.get(event.url).content.decode()
    [waiting_email] = sent_to(member.email)
    assert "waiting list" in waiting_email.subject
    assert not ics_attachments(waiting_email)

    with django_capture_on_commit_callbacks(execute=True):
        client_for(first).post(
            reverse("booking_cancel", args=[first_booking.pk]), {"confirm": "yes"}
        )
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.CONFIRMED
    assert waiting.promoted_at is not None
    promotion = sent_to(member.email)[-1]
    assert "A place has come up" in promotion.subject
    assert ics_attachments(promotion)
    assert "You have a place" in client.get(event.url).content.decode()


def test_waiting_positions_follow_the_queue(site_tree):
    event = make_bookable_event(capacity=1)
    book(event.pk, make_user("a@example.org"))
    second = book(event.pk, make_user("b@example.org"))
    third = book(event.pk, make_user("c@example.org"))
    assert (second.waiting_position(), third.waiting_position()) == (1, 2)


def test_admin_refuses_booking_here_without_places(site_tree, editor):
    from events.models import EventIndexPage

    from .factories import event_form_data

    index = EventIndexPage.objects.first() or make_bookable_event().get_parent()
    client = client_for(editor)
    data = event_form_data(booking_method="here", capacity="", booking_closes_at="2030-03-06 09:00")
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk]), data
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter how many places there are" in html
    assert "Booking must close before the event ends" in html
