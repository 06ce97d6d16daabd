"""Who may run a Community of Practice from the admin: answer requests, schedule meetings.

Checked on the server by every view that changes something; the admin's menu uses it too.
"""

from editorial.roles import REVIEWERS


def is_reviewer(user):
    return user.groups.filter(name=REVIEWERS).exists()


def can_manage(user, community):
    """The community's facilitator; reviewers and administrators cover for them when away."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or community.facilitator_id == user.pk:
        return True
    return is_reviewer(user)


def managed_communities(user):
    """The Communities of Practice (main-language pages) `user` may manage, by title."""
    from wagtail.models import Locale

    from workstreams.models import CommunityOfPracticePage

    communities = CommunityOfPracticePage.objects.filter(locale=Locale.get_default())
    if not user.is_authenticated or not user.is_active:
        return communities.none()
    if not (user.is_superuser or is_reviewer(user)):
        communities = communities.filter(facilitator=user)
    return communities.order_by("title")
