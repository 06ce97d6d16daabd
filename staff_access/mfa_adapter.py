"""allauth's MFA, adapted: staff cannot switch off the second factor the admin requires."""

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.utils.translation import gettext_lazy as _

from .second_factor import is_staff, second_factor_required


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "cannot_delete_authenticator": _(
            "Staff accounts must keep their authenticator app. If you have a new phone, ask a "
            "site administrator to reset your second factor, then set the app up again."
        ),
    }

    def can_delete_authenticator(self, authenticator):
        if authenticator.type == Authenticator.Type.TOTP and second_factor_required():
            return not is_staff(authenticator.user)
        return super().can_delete_authenticator(authenticator)
