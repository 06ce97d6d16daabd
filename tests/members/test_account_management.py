"""Password reset and email change, driven through the pages and the emails the site sends."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from members.models import User
from tests.members.accounts import LOGIN_URL, PASSWORD, join_and_verify, link_in_last_email

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "another-long-password-42"


@pytest.fixture
def joined(client, site_tree, django_capture_on_commit_callbacks):
    join_and_verify(client, django_capture_on_commit_callbacks)
    return User.objects.get(email="jo@example.org")


def test_a_forgotten_password_is_reset_from_the_emailed_link(
    client, joined, django_capture_on_commit_callbacks
):
    client.post("/accounts/logout/")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": "jo@example.org"})
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["jo@example.org"]

    # The emailed link leads, via a redirect that hides the key, to the new-password form.
    reset_page = client.get(link_in_last_email("/accounts/password/reset/key/"), follow=True)
    form_url = reset_page.redirect_chain[-1][0]
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302

    assert (
        client.post(LOGIN_URL, {"login": "jo@example.org", "password": PASSWORD}).status_code == 200
    )
    response = client.post(LOGIN_URL, {"login": "jo@example.org", "password": NEW_PASSWORD})
    assert response.headers["Location"] == "/accounts/hub/"


def test_a_reset_for_an_unknown_address_reveals_nothing(client, site_tree):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/accounts/password/reset/done/"


def test_changing_email_takes_effect_once_the_new_address_is_confirmed(
    client, joined, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/email/", {"action_add": "", "email": "Jo.New@Example.org"}
        )
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["jo.new@example.org"]
    joined.refresh_from_db()
    assert joined.email == "jo@example.org"  # unchanged until confirmed

    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in_last_email("/accounts/confirm-email/"))
    joined.refresh_from_db()
    assert joined.email == "jo.new@example.org"
    assert list(EmailAddress.objects.filter(user=joined).values_list("email", flat=True)) == [
        "jo.new@example.org"
    ]


def test_an_email_already_used_by_another_account_is_refused(
    client, joined, django_capture_on_commit_callbacks
):
    User.objects.create_user("taken@example.org", PASSWORD)
    EmailAddress.objects.create(
        user=User.objects.get(email="taken@example.org"), email="taken@example.org", verified=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/email/", {"action_add": "", "email": "TAKEN@example.org"})
    # Enumeration prevention: the form cannot say the address is taken. The confirmation goes
    # to that address's owner, and confirming still cannot move it to a second account.
    assert mail.outbox[-1].to == ["taken@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in_last_email("/accounts/confirm-email/"))
    joined.refresh_from_db()
    assert joined.email == "jo@example.org"
    assert User.objects.filter(email="taken@example.org").exists()
    verified = EmailAddress.objects.filter(email__iexact="taken@example.org", verified=True)
    assert [address.user.email for address in verified] == ["taken@example.org"]


def test_signing_out_needs_a_post(client, joined):
    response = client.get("/accounts/logout/")
    assert response.status_code == 200  # a page with a button, not a sign-out
    assert client.get("/accounts/hub/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/accounts/hub/").status_code == 302
