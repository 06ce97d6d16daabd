"""Members-only events: the people who may open the page can book and cancel; for anyone else
the event is not there (404), exactly as its page is not."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from editorial.roles import MEMBERS
from events.booking import Booking, BookingStatus
from events.booking_actions import book
from members.restrictions import restrict_to_members
from tests.roles import client_for, make_user

from .booking_helpers import make_bookable_event, make_event_index, sent_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def members_event(site_tree):
    event = make_bookable_event(capacity=2, title="Reflective practice for members")
    restrict_to_members(event)
    return event


@pytest.fixture
def outsider(site_tree):
    """Signed in, but not in the Members group (a staff account, say)."""
    return make_user("outsider@example.org")


def book_through_the_site(client, event, capture):
    with capture(execute=True):
        return client.post(reverse("event_book", args=[event.pk]))


def test_a_member_books_a_members_only_event_from_its_page(
    member, members_event, django_capture_on_commit_callbacks
):
    client = client_for(member)
    page = BeautifulSoup(client.get(members_event.url).content, "html.parser")
    form = page.find("form", action=reverse("event_book", args=[members_event.pk]))
    assert "Book a place" in form.button.get_text()

    response = book_through_the_site(client, members_event, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == members_event.url
    booking = Booking.objects.get()
    assert (booking.user, booking.status) == (member, BookingStatus.CONFIRMED)
    [message] = sent_to(member.email)
    assert "You have a place" in message.subject
    assert "You have a place" in client.get(members_event.url).content.decode()


def test_a_member_cancels_a_members_only_booking(member, members_event):
    booking = book(members_event.pk, member)
    client = client_for(member)
    url = reverse("booking_cancel", args=[booking.pk])

    assert "Yes, cancel my booking" in client.post(url).content.decode()
    response = client.post(url, {"confirm": "yes"})

    assert response["Location"] == members_event.url
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_someone_who_may_not_open_the_page_gets_the_same_404_as_for_no_event(
    outsider, members_event
):
    client = client_for(outsider)
    assert client.get(members_event.url).status_code != 200  # the page itself is closed to them

    refused = client.post(reverse("event_book", args=[members_event.pk]))
    missing = client.post(reverse("event_book", args=[987654]))

    assert refused.status_code == missing.status_code == 404
    assert members_event.title not in refused.content.decode()
    assert not Booking.objects.exists()
    assert not sent_to(outsider.email)


def test_privacy_set_on_a_page_above_the_event_counts_too(site_tree, member, outsider):
    private_index = make_event_index(title="Members' events", slug="members-events")
    restrict_to_members(private_index)
    event = make_bookable_event(capacity=2, index=private_index, title="Closed workshop")

    assert client_for(outsider).post(reverse("event_book", args=[event.pk])).status_code == 404
    assert client_for(member).post(reverse("event_book", args=[event.pk])).status_code == 302
    assert list(Booking.objects.values_list("user__email", flat=True)) == [member.email]


def test_signed_out_visitors_are_asked_to_sign_in_whether_or_not_the_event_exists(
    client, members_event
):
    for event_id in (members_event.pk, 987654):
        response = client.post(reverse("event_book", args=[event_id]))
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert not Booking.objects.exists()


def test_a_booking_stays_cancellable_after_its_owner_loses_access(site_tree, members_event):
    # Someone who booked as a member and then left the group can still give their place back:
    # the booking tells them nothing new, and keeping the place from the waiting list helps nobody.
    former_member = make_user("former@example.org", MEMBERS)
    booking = book(members_event.pk, former_member)
    former_member.groups.clear()

    response = client_for(former_member).post(
        reverse("booking_cancel", args=[booking.pk]), {"confirm": "yes"}
    )

    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_unpublished_members_only_events_cannot_be_booked(member, members_event):
    members_event.unpublish()
    assert (
        client_for(member).post(reverse("event_book", args=[members_event.pk])).status_code == 404
    )
    assert not Booking.objects.exists()
