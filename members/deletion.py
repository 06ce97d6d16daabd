"""Deleting an account: erase what every app holds, then keep only an anonymous row.

The row stays so that the counts funders ask for ("2,000 people from 360 organisations", by type
of organisation and by area) still add up after people leave. What is left cannot identify anyone:
no name, no address, no job or organisation name, only the type of organisation, the outward part
of the postcode and the date the account was made.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db import transaction
from django.utils import timezone

from .personal_data import erase_personal_data

# Not a domain anyone can receive mail at (RFC 2606), and not one the sign-up form accepts.
ANONYMOUS_EMAIL_DOMAIN = "invalid"


def anonymous_email(user):
    return f"deleted-{user.pk}@{ANONYMOUS_EMAIL_DOMAIN}"


def anonymise(user):
    user.first_name = ""
    user.last_name = ""
    user.email = anonymous_email(user)
    user.job_title = ""
    user.organisation = ""
    user.work_postcode = user.postcode_area
    user.set_email_consent(False)
    user.deletion_warning_sent_at = None
    user.last_login = None
    user.is_active = False
    user.set_unusable_password()
    user.save()


def end_sessions(user):
    """Sign the account out everywhere: remove every stored session that belongs to it."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store, "get_model_class"):
        # Sessions not kept in the database still end: the unusable password no longer matches
        # the hash each session carries, and the account is inactive.
        return
    model = store.get_model_class()
    user_id = str(user.pk)
    mine = [
        session.pk
        for session in model.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get(SESSION_KEY) == user_id
    ]
    model.objects.filter(pk__in=mine).delete()


def delete_account(user):
    """Run every app's eraser for `user`, anonymise the account row and end its sessions."""
    with transaction.atomic():
        erase_personal_data(user)
        anonymise(user)
        end_sessions(user)
