"""An administrator resets the second factor of a colleague who lost their phone."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.roles import client_for

pytestmark = pytest.mark.django_db


def with_second_factor(user):
    TOTP.activate(user, generate_totp_secret())
    RecoveryCodes.activate(user)
    return user


def reset_url(user):
    return reverse("staff_access_reset_second_factor", args=(user.pk,))


def test_an_administrator_resets_a_colleagues_second_factor(
    administrator, editor, django_capture_on_commit_callbacks
):
    with_second_factor(editor)
    client = client_for(administrator)

    listing = client.get(reverse("wagtailusers_users:index"))
    assert reset_url(editor) in listing.content.decode()
    confirm = client.get(reset_url(editor))
    assert "Reset the second factor of Eddie Editor" in confirm.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reset_url(editor))
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=editor).exists()
    assert ModelLogEntry.objects.filter(
        action="staff_access.reset_second_factor", object_id=str(editor.pk), user=administrator
    ).exists()
    [email] = mail.outbox
    assert email.to == [editor.email]
    assert "has reset the second factor" in email.body


def test_after_a_reset_the_colleague_sets_up_the_app_again(administrator, editor, settings):
    with_second_factor(editor)
    client_for(administrator).post(reset_url(editor))
    settings.PDU_STAFF_MFA_REQUIRED = True
    response = client_for(editor).get("/admin/")
    assert response["Location"] == reverse("mfa_activate_totp")


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_only_administrators_reset_second_factors(
    request, role, administrator, other_reviewer, django_capture_on_commit_callbacks
):
    with_second_factor(other_reviewer)
    client = client_for(request.getfixturevalue(role))
    assert (
        reset_url(other_reviewer)
        not in client.get(reverse("wagtailusers_users:index")).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reset_url(other_reviewer))
    assert response.status_code in (302, 403)
    assert Authenticator.objects.filter(user=other_reviewer).count() == 2
    assert not mail.outbox
    # The same action by an administrator works.
    client_for(administrator).post(reset_url(other_reviewer))
    assert not Authenticator.objects.filter(user=other_reviewer).exists()


def test_an_administrator_cannot_reset_their_own(administrator):
    with_second_factor(administrator)
    response = client_for(administrator).post(reset_url(administrator), follow=True)
    assert "ask another site administrator" in response.content.decode()
    assert Authenticator.objects.filter(user=administrator).count() == 2


def test_a_colleague_without_a_second_factor_has_nothing_to_reset(
    administrator, editor, django_capture_on_commit_callbacks
):
    response = client_for(administrator).get(reset_url(editor))
    assert "nothing to reset" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(administrator).post(reset_url(editor))
    assert not mail.outbox
