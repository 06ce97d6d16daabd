"""Who must use a second factor, and whether this visit to the admin has used one.

Everyone with access to the admin can publish or read members' personal data, so in production
(PDU_STAFF_MFA_REQUIRED, on unless switched off) they sign in with a password and a code from an
authenticator app. Members may turn a second factor on for themselves; it is never forced on them.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings

ADMIN_ACCESS = "wagtailadmin.access_admin"
# Set when someone sets up their authenticator app: they have just proved they hold it.
SET_UP_IN_THIS_SESSION = "staff_access_second_factor_set_up"


def second_factor_required():
    return settings.PDU_STAFF_MFA_REQUIRED


def is_staff(user):
    return user.is_authenticated and user.has_perm(ADMIN_ACCESS)


def has_authenticator_app(user):
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def used_in_this_session(request):
    """Did this session sign in (or re-authenticate) with a code, or set up the app just now?"""
    if request.session.get(SET_UP_IN_THIS_SESSION) == str(request.user.pk):
        return True
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def remember_set_up_in_this_session(sender, request, user, authenticator, **kwargs):
    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        request.session[SET_UP_IN_THIS_SESSION] = str(user.pk)
