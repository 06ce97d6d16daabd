"""The member's Communities of Practice for the hub, which belongs to the members app."""

from django import template

from communities.models import CommunityMembership, MembershipStatus

register = template.Library()


def shown_page(community):
    """The community's page in the reader's language if there is one, else the main one."""
    localized = community.localized
    return localized if localized.live else community


@register.simple_tag
def communities_for(user):
    """{"approved": [...], "pending": [...], "workstreams_url": ...} for the hub.

    Each item has the community page to link to (live pages only) and, for members, the next
    meeting if one is planned.
    """
    from workstreams.models import WorkstreamIndexPage

    result = {"approved": [], "pending": [], "workstreams_url": ""}
    index = WorkstreamIndexPage.objects.live().public().first()
    if index is not None:
        result["workstreams_url"] = index.localized.url
    if not user.is_authenticated:
        return result
    memberships = (
        CommunityMembership.objects.filter(user=user, community__live=True)
        .exclude(status=MembershipStatus.DECLINED)
        .select_related("community")
        .order_by("community__title")
    )
    for membership in memberships:
        community = membership.community
        item = {"membership": membership, "page": shown_page(community)}
        if membership.is_approved:
            item["next_meeting"] = item["page"].upcoming_events().first()
            result["approved"].append(item)
        else:
            result["pending"].append(item)
    return result
