"""Emails to a member are written in the language they joined in, or chose on their hub."""

import pytest
from django.core import mail
from django.urls import reverse

from members.models import User
from tests.members.accounts import signup_data
from tests.roles import client_for, make_user

pytestmark = pytest.mark.django_db


def test_someone_who_joins_in_polish_gets_their_emails_in_polish(
    client, site_tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/pl/accounts/signup/", signup_data(email="ola@example.org"))
    assert response.status_code == 302

    user = User.objects.get(email="ola@example.org")
    assert user.language == "pl"
    assert user.email_language == "pl"


def test_the_hub_changes_the_language_and_refuses_one_the_site_does_not_offer(site_tree):
    member = make_user("mo@example.org", "Members")
    client = client_for(member)
    url = reverse("members:email_preferences")

    client.post(url, {"language": "ur"})
    member.refresh_from_db()
    assert member.email_language == "ur"

    response = client.post(url, {"language": "xx"}, follow=True)
    assert "Choose one of the languages in the list." in response.content.decode()
    member.refresh_from_db()
    assert member.language == "ur"


def test_a_language_the_site_no_longer_offers_falls_back_to_english(site_tree, settings):
    member = make_user("mo@example.org", "Members", language="ro")
    settings.LANGUAGES = [("en-gb", "English"), ("pl", "Polish")]
    assert member.email_language == "en-gb"


def test_a_booking_confirmation_is_in_the_members_language(
    site_tree, django_capture_on_commit_callbacks
):
    from events.booking_actions import book
    from tests.events.factories import make_event, make_event_index

    member = make_user("ola@example.org", "Members", language="pl")
    event = make_event(make_event_index(), "Hostel life", booking_method="here", capacity=5)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        book(event.pk, member)

    [message] = mail.outbox
    assert message.subject.startswith("Masz miejsce")
