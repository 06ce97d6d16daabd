"""The admin's "Your communities" listing: join requests to answer, and each community's members.

For the people `communities.permissions` lets manage a community: its facilitator, and reviewers
and administrators, who cover for facilitators. Everyone else is refused on every view here.
"""

import csv

from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from communities.membership_emails import display_name, send_answer_to_member
from communities.models import CommunityMembership, MembershipStatus, source_community
from communities.permissions import can_manage, is_reviewer, managed_communities
from members.reports import spreadsheet_safe

# Ids are 32-bit database integers; a bigger number is simply not there.
LARGEST_ID = 2**31 - 1
PAGE_TITLE = gettext_lazy("Your communities")
NOT_ALLOWED = gettext_lazy(
    "Only the facilitator of a Community of Practice, reviewers and site administrators can "
    "see its join requests and members."
)
DECISIONS = {"approve": MembershipStatus.APPROVED, "decline": MembershipStatus.DECLINED}


def refusal(request):
    """A plain 403 saying why, rather than Wagtail's redirect to the dashboard."""
    context = {"page_title": PAGE_TITLE, "header_icon": "group", "reason": NOT_ALLOWED}
    return TemplateResponse(request, "members/admin/not_allowed.html", context, status=403)


def listing_url(community):
    return reverse("communities_mine") + f"#community-{community.pk}"


def by_name(membership):
    user = membership.user
    return (user.last_name.lower(), user.first_name.lower(), user.email)


def community_summary(community, request):
    """One community as the listing shows it: links, requests waiting, then its members."""
    memberships = community.open_memberships
    return {
        "community": community,
        "live_url": community.get_url(request) if community.live else "",
        "edit_url": (
            reverse("wagtailadmin_pages:edit", args=[community.pk])
            if community.permissions_for_user(request.user).can_edit()
            else ""
        ),
        "pending": [membership for membership in memberships if membership.is_pending],
        "members": sorted(
            (membership for membership in memberships if membership.is_approved), key=by_name
        ),
        "declined": [
            membership
            for membership in memberships
            if membership.status == MembershipStatus.DECLINED
        ],
    }


class YourCommunitiesView(WagtailAdminTemplateMixin, TemplateView):
    page_title = PAGE_TITLE
    header_icon = "group"
    template_name = "communities/admin/your_communities.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        covers_for_facilitators = user.is_superuser or is_reviewer(user)
        if not (covers_for_facilitators or managed_communities(user).exists()):
            return refusal(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        open_memberships = CommunityMembership.objects.select_related("user").order_by(
            "requested_at", "pk"
        )
        communities = managed_communities(self.request.user).prefetch_related(
            Prefetch("memberships", queryset=open_memberships, to_attr="open_memberships")
        )
        return {
            **super().get_context_data(**kwargs),
            "communities": [
                community_summary(community, self.request) for community in communities
            ],
        }


my_communities = YourCommunitiesView.as_view()


@require_POST
def answer_request(request, membership_id):
    """Approve or decline one pending request (or approve a declined one), then email the member.

    A request already answered (a second click, or a colleague got there first) is left as it is.
    """
    if membership_id > LARGEST_ID:
        raise Http404
    membership = get_object_or_404(
        CommunityMembership.objects.select_related("community", "user"), pk=membership_id
    )
    community = membership.community
    if not can_manage(request.user, community):
        return refusal(request)
    decision = DECISIONS.get(request.POST.get("decision"))
    if decision is None:
        messages.error(request, _("Choose whether to approve or decline the request."))
        return redirect(listing_url(community))

    with transaction.atomic():
        # Locked so two people answering at once cannot both answer (and both email the member).
        current = CommunityMembership.objects.select_for_update().filter(pk=membership.pk).first()
        if current is None:
            messages.warning(request, _("This request was withdrawn before it was answered."))
            return redirect(listing_url(community))
        # A declined request can still be approved: a facilitator may change their mind.
        reconsidered = (
            current.status == MembershipStatus.DECLINED and decision == MembershipStatus.APPROVED
        )
        if not (current.is_pending or reconsidered):
            messages.warning(
                request,
                _("The request from %(name)s was already answered.")
                % {"name": display_name(membership.user)},
            )
            return redirect(listing_url(community))
        current.status = decision
        current.decided_at = timezone.now()
        current.decided_by = request.user
        current.save(update_fields=["status", "decided_at", "decided_by"])
        current.community, current.user = community, membership.user
        send_answer_to_member(current)

    names = {"name": display_name(membership.user), "community": community.title}
    if decision == MembershipStatus.APPROVED:
        text = _("%(name)s is now a member of %(community)s. We have emailed them.")
    else:
        text = _("You declined the request from %(name)s. We have emailed them.")
    messages.success(request, text % names)
    return redirect(listing_url(community))


# A spreadsheet of a community's members ------------------------------------------------------


def member_rows(community):
    members = (
        CommunityMembership.objects.approved()
        .filter(community=community)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )
    for membership in members:
        user = membership.user
        yield [
            user.get_full_name(),
            user.email,
            user.job_title,
            user.organisation,
            timezone.localtime(membership.decided_at).date().isoformat()
            if membership.decided_at
            else "",
        ]


@require_GET
def members_csv(request, community_id):
    from workstreams.models import CommunityOfPracticePage

    if community_id > LARGEST_ID:
        raise Http404
    community = source_community(get_object_or_404(CommunityOfPracticePage, pk=community_id))
    if not can_manage(request.user, community):
        return refusal(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"members-{community.slug}-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow([_("Name"), _("Email"), _("Job title"), _("Organisation"), _("Member since")])
    for row in member_rows(community):
        writer.writerow([spreadsheet_safe(str(cell)) for cell in row])
    return response


@hooks.register("register_admin_urls")
def register_members_csv_url():
    return [
        path(
            "communities/<int:community_id>/members.csv",
            members_csv,
            name="communities_members_csv",
        )
    ]


# The main menu ------------------------------------------------------------------------------


class YourCommunitiesMenuItem(MenuItem):
    def is_shown(self, request):
        return managed_communities(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_your_communities_menu_item():
    return YourCommunitiesMenuItem(
        PAGE_TITLE,
        reverse("communities_mine"),
        name="your-communities",
        icon_name="group",
        order=250,
    )
