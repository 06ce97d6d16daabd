"""Asking to join a Community of Practice: what the community page offers each visitor."""

from communities.models import CommunityMembership, source_community


def join_panel(community, user):
    """What the "How to join" section offers `user`: sign in, ask, wait, or already a member."""
    if not user.is_authenticated:
        return {"state": "anonymous"}
    membership = CommunityMembership.objects.filter(
        community=source_community(community), user=user
    ).first()
    if membership is None:
        return {"state": "can_ask"}
    return {"state": membership.status, "membership": membership}
