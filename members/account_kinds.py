"""Which accounts are members and which are staff: the line that self-deletion, retention and the
funders' counts all draw the same way."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from editorial.roles import EDITORS, REVIEWERS

STAFF_GROUPS = [EDITORS, REVIEWERS]


def staff_filter():
    return Q(is_staff=True) | Q(is_superuser=True) | Q(groups__name__in=STAFF_GROUPS)


def is_staff_account(user):
    """Administrators and people in the editorial groups: their accounts are managed by an
    administrator, never deleted by themselves or by the inactivity clear-out."""
    if user.is_staff or user.is_superuser:
        return True
    return user.groups.filter(name__in=STAFF_GROUPS).exists()


def member_accounts():
    """Every account that is not a staff account, including those anonymised on deletion."""
    staff_ids = get_user_model().objects.filter(staff_filter()).values("pk")
    return get_user_model().objects.exclude(pk__in=staff_ids)
