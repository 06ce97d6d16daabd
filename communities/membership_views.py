"""Asking to join a Community of Practice and leaving it: POST only, signed in, then back to the
community's page with a note."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from communities.membership import (
    REFUSALS,
    JoinRefusedError,
    JoinRequestForm,
    leavable_membership,
    membership_of,
    request_to_join,
)
from communities.membership_emails import send_request_to_facilitator

# Ids are 32-bit database integers; a bigger number is simply not there.
LARGEST_ID = 2**31 - 1
# Requests one member may send in an hour, whatever the community: enough for anyone joining a
# few communities, too few to flood facilitators' inboxes.
JOIN_REQUEST_RATE = "10/h"
TOO_MANY_REQUESTS = gettext_lazy(
    "You have sent a lot of requests in a short time. Please wait an hour and try again."
)


def community_or_404(community_id):
    from workstreams.models import CommunityOfPracticePage

    if community_id > LARGEST_ID:
        raise Http404
    return get_object_or_404(CommunityOfPracticePage.objects.live(), pk=community_id)


def refuse_unless_viewable(request, community):
    """A private community (Wagtail's page privacy) is a 404 to anyone it does not let in."""
    for restriction in community.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404


def back_to(request, community):
    return redirect(community.get_url(request) or "/")


def sign_in_first(request, community):
    """To the sign-in page, and afterwards back to the community (not to this POST-only URL)."""
    return redirect_to_login(community.get_url(request) or "/")


def too_many_requests(request):
    """Every POST counts, valid or not."""
    return is_ratelimited(
        request,
        group="communities.join_requests",
        key="user",
        rate=JOIN_REQUEST_RATE,
        method="POST",
        increment=True,
    )


def request_form_page(request, community, form, status=200):
    """The request on a page of its own, with what went wrong and the message as it was typed."""
    context = {"community": community, "form": form, "community_url": community.get_url(request)}
    return TemplateResponse(request, "communities/join_request.html", context, status=status)


@never_cache
@require_POST
def ask_to_join(request, community_id):
    community = community_or_404(community_id)
    if not request.user.is_authenticated:
        return sign_in_first(request, community)
    refuse_unless_viewable(request, community)

    form = JoinRequestForm(request.POST)
    if too_many_requests(request):
        form.add_error(None, TOO_MANY_REQUESTS)
        return request_form_page(request, community, form, status=429)
    existing = membership_of(community, request.user)
    if existing is not None:
        messages.error(request, REFUSALS[existing.status])
        return back_to(request, community)
    if not form.is_valid():
        return request_form_page(request, community, form)

    try:
        # The request and the facilitator's email together or not at all: a request the
        # facilitator never hears of would leave the member waiting, unable to ask again.
        with transaction.atomic():
            membership = request_to_join(community, request.user, form.cleaned_data["message"])
            send_request_to_facilitator(membership)
    except JoinRefusedError as refusal:
        messages.error(request, str(refusal))
        return back_to(request, community)
    messages.success(
        request, _("You have asked to join. The facilitator will email you with their answer.")
    )
    return back_to(request, community)


@never_cache
@require_POST
def leave(request, community_id):
    """Withdraw a request at once; leaving as a member asks "are you sure?" first.

    With no request or membership to end, the answer is a 404.
    """
    community = community_or_404(community_id)
    if not request.user.is_authenticated:
        return sign_in_first(request, community)
    refuse_unless_viewable(request, community)

    membership = leavable_membership(community, request.user)
    if membership is None:
        existing = membership_of(community, request.user)
        if existing is None:
            raise Http404
        # Declined while the member was looking at the page: say so rather than a bare 404.
        messages.info(request, REFUSALS[existing.status])
        return back_to(request, community)

    if membership.is_approved:
        if request.POST.get("confirm") != "yes":
            context = {"community": community, "community_url": community.get_url(request)}
            return TemplateResponse(request, "communities/leave_confirm.html", context)
        membership.delete()
        messages.success(request, _("You have left this Community of Practice."))
    else:
        membership.delete()
        messages.success(request, _("You have withdrawn your request to join."))
    return back_to(request, community)
