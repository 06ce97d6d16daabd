"""The admin has no sign-in form of its own: staff use the one that asks for the second factor."""

import pytest
from django.core import mail
from django.test import Client

from tests.members.accounts import link_in_last_email
from tests.roles import PASSWORD, client_for

from .sign_in import with_verified_email

pytestmark = pytest.mark.django_db


def test_the_admin_sign_in_page_sends_people_to_the_site_sign_in(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fpages%2F"

    page = client.get(response["Location"])
    assert "Sign in to the admin" in page.content.decode()


def test_a_sign_in_page_link_cannot_send_people_to_another_site(client):
    response = client.get("/admin/login/?next=https://evil.example/")
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"


def test_posting_a_password_to_the_admin_sign_in_does_not_sign_in(editor):
    with_verified_email(editor)
    client = Client()
    client.post("/admin/login/", {"username": editor.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_admin_password_reset_is_switched_off_in_favour_of_the_site_one(client):
    assert client.get("/admin/password_reset/").status_code == 404
    assert client.get("/accounts/password/reset/").status_code == 200


def test_a_member_sent_to_sign_in_by_the_admin_is_told_the_account_has_no_access(member):
    response = client_for(member).get("/admin/", follow=True)
    assert "which has no access to the admin" in response.content.decode()


def test_new_staff_confirm_their_address_the_first_time_they_sign_in(
    editor, django_capture_on_commit_callbacks
):
    # Made in the admin, so allauth has no confirmed address for them yet.
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/accounts/login/", {"login": editor.email, "password": PASSWORD, "next": "/admin/"}
        )
    assert "_auth_user_id" not in client.session
    assert mail.outbox[-1].to == [editor.email]
    confirm = link_in_last_email("/accounts/confirm-email/")
    client.post(confirm)
    assert client.get("/admin/").status_code == 200


def test_the_admin_account_page_leads_to_the_sites_password_and_second_factor_pages(editor):
    page = client_for(editor).get("/admin/account/").content.decode()
    assert 'href="/accounts/2fa/"' in page
    assert 'href="/accounts/password/change/"' in page
    assert "/admin/account/change_password/" not in page
