"""Signing staff in the way a person does: password form, then a code from their app."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.urls import reverse

from tests.roles import PASSWORD

LOGIN_URL = "/accounts/login/"


def with_verified_email(user):
    """Accounts sign in once their address is confirmed (staff made in the admin confirm it)."""
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def sign_in_with_password(client, user, next_url="/admin/"):
    return client.post(LOGIN_URL, {"login": user.email, "password": PASSWORD, "next": next_url})


def code_from_the_app(secret):
    """What an authenticator app shows now for `secret` (the library's own algorithm)."""
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def set_up_the_app(client):
    """Open the set-up page, read the secret as a phone would from the QR code, enter a code.

    Adding a second factor asks for the password again first (allauth's re-authentication).
    allauth announces the new authenticator when the transaction commits, so tests that use this
    need real transactions (django_db(transaction=True)).
    """
    response = client.get(reverse("mfa_activate_totp"))
    if response.status_code == 302 and response["Location"].startswith(
        reverse("account_reauthenticate")
    ):
        client.post(response["Location"], {"password": PASSWORD})
        response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200, response
    secret = response.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": code_from_the_app(secret)})
    assert response.status_code == 302, response.context["form"].errors
    return secret


def unused_recovery_code(user):
    codes = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    return RecoveryCodes(codes).get_unused_codes()[0]
