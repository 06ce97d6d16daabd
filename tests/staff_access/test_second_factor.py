"""Staff reach the admin only with a second factor; members are never made to set one up."""

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import reverse
from freezegun import freeze_time

from tests.roles import client_for

from .sign_in import (
    code_from_the_app,
    set_up_the_app,
    sign_in_with_password,
    unused_recovery_code,
    with_verified_email,
)

pytestmark = pytest.mark.usefixtures("second_factor_required")
# Setting up an app commits (allauth acts on commit), so those tests use real transactions.
committing = pytest.mark.django_db(transaction=True)

NOW = "2026-11-30 10:00:00"


def admin_opens(client):
    response = client.get("/admin/")
    return response.status_code == 200 and b"Dashboard" in response.content


@committing
@freeze_time(NOW)
def test_staff_set_up_an_app_before_their_first_admin_page_then_sign_in_with_codes(editor):
    with_verified_email(editor)
    client = Client()
    response = sign_in_with_password(client, editor)
    assert response.status_code == 302

    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    assert not admin_opens(client)

    secret = set_up_the_app(client)
    assert Authenticator.objects.filter(user=editor, type="totp").exists()
    assert admin_opens(client)

    # Next visit: the password alone leads to the code page, not the admin.
    client = Client()
    response = sign_in_with_password(client, editor)
    assert response["Location"] == reverse("mfa_authenticate")
    assert not admin_opens(client)
    with freeze_time("2026-11-30 10:00:30"):  # the app shows a new code every 30 seconds
        response = client.post(reverse("mfa_authenticate"), {"code": code_from_the_app(secret)})
        assert response.status_code == 302
        assert admin_opens(client)


@committing
@freeze_time(NOW)
def test_a_wrong_code_keeps_the_admin_shut_and_repeated_wrong_codes_lock_the_account(editor):
    with_verified_email(editor)
    set_up = Client()
    sign_in_with_password(set_up, editor)
    secret = set_up_the_app(set_up)

    client = Client()
    sign_in_with_password(client, editor)
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200
    assert "Incorrect code." in response.content.decode()
    assert not admin_opens(client)

    for _attempt in range(4):
        client.post(reverse("mfa_authenticate"), {"code": "000000"})
    with freeze_time("2026-11-30 10:00:30"):
        response = client.post(reverse("mfa_authenticate"), {"code": code_from_the_app(secret)})
        assert "Too many failed login attempts" in response.content.decode()
        assert not admin_opens(client)


@committing
@freeze_time(NOW)
def test_a_recovery_code_opens_the_admin_once(editor):
    with_verified_email(editor)
    set_up = Client()
    sign_in_with_password(set_up, editor)
    set_up_the_app(set_up)
    code = unused_recovery_code(editor)

    client = Client()
    sign_in_with_password(client, editor)
    client.post(reverse("mfa_authenticate"), {"code": code})
    assert admin_opens(client)

    again = Client()
    sign_in_with_password(again, editor)
    response = again.post(reverse("mfa_authenticate"), {"code": code})
    assert "Incorrect code." in response.content.decode()
    assert not admin_opens(again)


@committing
@freeze_time(NOW)
def test_a_session_that_skipped_the_code_is_asked_for_it(editor):
    # However a session came about (here: signed in directly), an app-holder must enter a code.
    with_verified_email(editor)
    set_up = Client()
    sign_in_with_password(set_up, editor)
    set_up_the_app(set_up)

    client = client_for(editor)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    assert "next=%2Fadmin%2Fpages%2F" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["reviewer", "administrator"])
def test_every_role_with_admin_access_needs_the_second_factor(request, role):
    client = client_for(request.getfixturevalue(role))
    response = client.get("/admin/")
    assert response["Location"] == reverse("mfa_activate_totp")


@pytest.mark.django_db
def test_without_the_rule_staff_use_the_admin_with_a_password(editor, settings):
    settings.PDU_STAFF_MFA_REQUIRED = False
    assert admin_opens(client_for(editor))


@pytest.mark.django_db
def test_members_are_not_asked_to_set_up_a_second_factor(member):
    client = client_for(member)
    response = client.get(reverse("members:hub"))
    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=member).exists()


@committing
@freeze_time(NOW)
def test_staff_cannot_switch_their_second_factor_off_but_members_can(editor, member):
    for person in (editor, member):
        with_verified_email(person)
        client = Client()
        sign_in_with_password(client, person, next_url="/")
        set_up_the_app(client)
        response = client.post(reverse("mfa_deactivate_totp"))
        kept = Authenticator.objects.filter(user=person, type="totp").exists()
        if person == editor:
            assert kept
            assert "Staff accounts must keep their authenticator app" in response.content.decode()
        else:
            assert not kept
