"""Unsubscribe links: signed with the site's secret, tied to one account, never expiring.

A link in an email from two years ago must still stop the emails, so the token carries no date.
It proves only "this link was made for account N", which is all stopping emails needs.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.core import signing
from django.urls import reverse

UNSUBSCRIBE_SALT = "members.unsubscribe"
# Far longer than any token this module makes; longer input is refused before it is checked.
MAX_TOKEN_LENGTH = 200


def signer():
    # A plain Signer, not dumps(): that adds a timestamp, and these links must never expire.
    return signing.Signer(salt=UNSUBSCRIBE_SALT)


def unsubscribe_token(user):
    return signer().sign_object(user.pk)


def user_id_from_unsubscribe_token(token):
    """The account id a token was made for, or None if it is malformed or tampered with."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    try:
        user_id = signer().unsign_object(token)
    except (signing.BadSignature, ValueError):
        return None
    return user_id if isinstance(user_id, int) and not isinstance(user_id, bool) else None


def absolute_url(path):
    """`path` on the site's public address (emails and downloads are read away from the site)."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", path.lstrip("/"))


def unsubscribe_url(user):
    return absolute_url(reverse("members:unsubscribe", args=[unsubscribe_token(user)]))
