import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone

from members.models import User
from tests.members.accounts import (
    LOGIN_URL,
    PASSWORD,
    SIGNUP_URL,
    join_and_verify,
    link_in_last_email,
    signup_data,
)

pytestmark = pytest.mark.django_db


def test_the_sign_up_page_asks_only_for_what_is_needed(client, site_tree):
    html = client.get(SIGNUP_URL).content.decode()
    for label in ["First name", "Email", "Job title or role", "Work postcode"]:
        assert label in html
    # Work details are optional and said to be.
    assert html.count("(optional)") >= 5
    assert "do not need a work email" in html


def test_joining_sends_a_verification_email_and_adds_the_member(
    client, site_tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            SIGNUP_URL,
            signup_data(
                email="Jo@Example.org",
                organisation="Framework",
                organisation_type="housing",
                work_postcode="ng1 5aw",
                email_consent="on",
            ),
        )
    assert response.status_code == 302
    user = User.objects.get(email="jo@example.org")
    assert user.groups.filter(name="Members").exists()
    assert (user.organisation, user.organisation_type, user.work_postcode) == (
        "Framework",
        "housing",
        "NG1 5AW",
    )
    assert user.email_consent is True
    assert abs(user.email_consent_at - timezone.now()).total_seconds() < 60
    assert mail.outbox[-1].to == ["jo@example.org"]
    assert not EmailAddress.objects.get(user=user).verified


def test_consent_is_opt_in(client, site_tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIGNUP_URL, signup_data())
    user = User.objects.get(email="jo@example.org")
    assert user.email_consent is False and user.email_consent_at is None


def test_no_sign_in_before_the_email_is_verified_then_the_link_signs_in(
    client, site_tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIGNUP_URL, signup_data())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(LOGIN_URL, {"login": "jo@example.org", "password": PASSWORD})
    assert "/accounts/confirm-email/" in response.headers["Location"]
    assert "_auth_user_id" not in client.session

    response = client.post(link_in_last_email("/accounts/confirm-email/"))
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="jo@example.org").verified
    assert client.get("/accounts/hub/").status_code == 200


def test_a_verified_member_signs_in_and_out(client, site_tree, django_capture_on_commit_callbacks):
    join_and_verify(client, django_capture_on_commit_callbacks)
    client.post("/accounts/logout/")
    assert client.get("/accounts/hub/").status_code == 302

    response = client.post(LOGIN_URL, {"login": "JO@example.org", "password": PASSWORD})
    assert response.headers["Location"] == "/accounts/hub/"
    assert "Welcome, Jo" in client.get("/accounts/hub/").content.decode()


def test_people_without_a_work_email_or_organisation_can_join(
    client, site_tree, django_capture_on_commit_callbacks
):
    join_and_verify(
        client,
        django_capture_on_commit_callbacks,
        email="sam.lived.experience@gmail.com",
        organisation_type="none",
    )
    user = User.objects.get(email="sam.lived.experience@gmail.com")
    assert user.organisation == "" and user.organisation_type == "none"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"first_name": ""}, "first_name", "This field is required."),
        ({"password1": "short", "password2": "short"}, "password1", "at least 12 characters"),
        ({"password2": "something-else-entirely"}, "password2", "same password"),
        ({"work_postcode": "NOTACODE"}, "work_postcode", "Enter a UK postcode"),
        ({"organisation": "x" * 201}, "organisation", "at most 200 characters"),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(
    client, site_tree, overrides, field, message
):
    data = signup_data(
        **{"job_title": "Peer mentor", "organisation": "Emmanuel House", **overrides}
    )
    response = client.post(SIGNUP_URL, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    html = response.content.decode()
    assert "There is a problem" in html
    assert f'href="#id_{field}"' in html
    assert 'value="Peer mentor"' in html
    assert not User.objects.filter(email=data["email"]).exists()


def test_an_email_already_in_use_is_not_revealed_but_nothing_is_duplicated(
    client, site_tree, django_capture_on_commit_callbacks
):
    join_and_verify(client, django_capture_on_commit_callbacks)
    client.post("/accounts/logout/")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP_URL, signup_data(email="JO@example.org"))
    # With enumeration prevention the page looks the same; the owner gets an email instead.
    assert response.status_code == 302
    assert User.objects.filter(email__iexact="jo@example.org").count() == 1
    assert mail.outbox[-1].to == ["jo@example.org"]


def test_the_honeypot_creates_no_account(client, site_tree):
    response = client.post(SIGNUP_URL, signup_data(website="https://spam.example"))
    assert response.status_code == 302
    assert not User.objects.exists()
