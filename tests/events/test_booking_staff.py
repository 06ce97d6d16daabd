"""Staff see who booked, record attendance and download a spreadsheet; members never do."""

import csv
import io

import pytest
from django.urls import reverse

from events.booking import Booking
from events.booking_actions import book
from tests.roles import client_for, make_user

from .booking_helpers import make_bookable_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked_event(site_tree):
    event = make_bookable_event(capacity=1, title="Hostel managers meet")
    booker = make_user(
        "jo@example.org", first_name="Jo", last_name="Bloggs", organisation="=HYPERLINK(1)"
    )
    book(event.pk, booker)
    book(event.pk, make_user("sam@example.org", first_name="Sam"))  # waiting
    return event


@pytest.mark.parametrize("role", ["editor", "reviewer", "administrator"])
def test_staff_see_attendees_report_and_csv(request, role, booked_event):
    client = client_for(request.getfixturevalue(role))
    listing = client.get(reverse("event_attendees", args=[booked_event.pk]))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Jo Bloggs" in html and "sam@example.org" in html

    response = client.get(reverse("event_attendees_csv", args=[booked_event.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Name", "Email", "Organisation", "Status", "Attended"]
    jo = next(row for row in rows if row[1] == "jo@example.org")
    assert jo[2] == "'=HYPERLINK(1)"  # a spreadsheet shows it as text, never runs it
    assert jo[3] == "Confirmed"

    report = client.get(reverse("events_attendance"))
    assert report.status_code == 200
    assert "Hostel managers meet" in report.content.decode()

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[booked_event.pk]))
    assert reverse("event_attendees", args=[booked_event.pk]) in edit.content.decode()


def test_attendance_is_saved(editor, booked_event):
    client = client_for(editor)
    confirmed = Booking.objects.get(user__email="jo@example.org")
    url = reverse("event_attendees", args=[booked_event.pk])
    assert client.post(url, {"attended": [str(confirmed.pk)]}).status_code == 302
    confirmed.refresh_from_db()
    assert confirmed.attended is True
    client.post(url, {})
    confirmed.refresh_from_db()
    assert confirmed.attended is False


@pytest.mark.parametrize("role", ["member", None])
def test_members_and_visitors_are_refused(request, role, client, booked_event):
    if role:
        client = client_for(request.getfixturevalue(role))
    for url in [
        reverse("event_attendees", args=[booked_event.pk]),
        reverse("event_attendees_csv", args=[booked_event.pk]),
        reverse("events_attendance"),
    ]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "jo@example.org" not in response.content.decode()
        if response.status_code == 302:
            assert "/login/" in response["Location"]
    assert client.post(reverse("event_attendees", args=[booked_event.pk]), {}).status_code in (
        302,
        403,
    )
    assert Booking.objects.filter(attended__isnull=False).count() == 0
