"""A member's Community of Practice memberships, in their data download and on deletion."""

from members.personal_data import personal_data_eraser, personal_data_section

from .models import CommunityMembership


@personal_data_section("community_memberships")
def memberships_data(user):
    return [
        {
            "community": membership.community.title,
            "status": membership.get_status_display(),
            "message": membership.message,
            "requested_at": membership.requested_at.isoformat(),
            "decided_at": membership.decided_at.isoformat() if membership.decided_at else None,
        }
        for membership in CommunityMembership.objects.filter(user=user).select_related("community")
    ]


@personal_data_eraser("community_memberships")
def erase_memberships(user):
    CommunityMembership.objects.filter(user=user).delete()
