"""The online joining link reaches nobody without a confirmed place."""

import pytest
from django.core import mail
from django.urls import reverse

from events.booking_actions import book, cancel
from events.models import EventFormat
from tests.roles import client_for, make_user

from .booking_helpers import JOINING_URL, ics_attachments, make_bookable_event, sent_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def online_event(site_tree):
    return make_bookable_event(
        capacity=1, event_format=EventFormat.ONLINE, joining_url=JOINING_URL, title="Webinar"
    )


def test_page_shows_link_only_to_a_confirmed_place(client, member, online_event):
    assert JOINING_URL not in client.get(online_event.url).content.decode()

    first = make_user("first@example.org")
    first_booking = book(online_event.pk, first)
    book(online_event.pk, member)  # waiting
    assert JOINING_URL in client_for(first).get(online_event.url).content.decode()
    assert JOINING_URL not in client_for(member).get(online_event.url).content.decode()

    cancel(first_booking.pk, first)  # member is promoted; first is cancelled
    assert JOINING_URL not in client_for(first).get(online_event.url).content.decode()
    assert JOINING_URL in client_for(member).get(online_event.url).content.decode()


def test_emails_carry_the_link_only_with_a_place(
    member, online_event, django_capture_on_commit_callbacks
):
    first = make_user("first@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        book(online_event.pk, first)
        book(online_event.pk, member)
    [confirmed] = sent_to(first.email)
    [waiting] = sent_to(member.email)
    assert JOINING_URL in confirmed.body
    assert JOINING_URL not in waiting.body
    # Calendar files go to calendar apps and are shared: never the link.
    for message in mail.outbox:
        for _name, content, _mimetype in message.attachments:
            assert JOINING_URL not in content
    assert ics_attachments(confirmed)


def test_calendars_feeds_and_search_never_hold_the_link(client, member, online_event):
    book(online_event.pk, member)
    signed_in = client_for(member)
    for url in [
        reverse("event_calendar", args=[online_event.pk]),
        reverse("events_calendar"),
        reverse("events_rss"),
        reverse("events_atom"),
        "/search/?q=Webinar",
    ]:
        for reader in (client, signed_in):
            response = reader.get(url)
            assert response.status_code == 200, url
            assert JOINING_URL not in response.content.decode(), url
    # Nor the page's JSON-LD, which is in the HTML of a confirmed booker's page too.
    page = signed_in.get(online_event.url).content.decode()
    json_ld = page.split('application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert JOINING_URL not in json_ld
    # Searching for the link's words does not find the event: the link is not indexed.
    results = client.get("/search/?q=pdu-secret-room").content.decode()
    assert online_event.url not in results
