"""Asking to join a Community of Practice: what the community page offers each visitor, and the
changes a member makes (ask, withdraw, leave).

Memberships always belong to the community's main-language page (`source_community`), so a
request made on a translated page reaches the same facilitator and the same member list.
"""

from django import forms
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from communities.models import CommunityMembership, MembershipStatus, source_community

MESSAGE_MAX_LENGTH = CommunityMembership._meta.get_field("message").max_length


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Your role and why you would like to join"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _(
                "Your message must be %(limit_value)d characters or fewer. It has %(show_value)d."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No maxlength in the browser: it cuts pasted text off without saying so (GOV.UK's
        # advice). The server says how long the message is instead, and keeps what was typed.
        self.fields["message"].widget.attrs.pop("maxlength", None)
        # Set here, not on the field, so the hint is translated into the reader's language.
        self.fields["message"].help_text = gettext(
            "You can use up to %(count)s characters. The facilitator reads this before answering."
        ) % {"count": MESSAGE_MAX_LENGTH}


class JoinRefusedError(Exception):
    """Asking to join cannot go ahead; the message says why, for the member."""


def membership_of(community, user):
    """`user`'s membership of `community` (any language version), or None."""
    return CommunityMembership.objects.filter(
        community=source_community(community), user=user
    ).first()


def join_panel(community, user):
    """What the "How to join" section offers `user`: sign in, ask, wait, or already a member."""
    # A page not saved yet (an editor's preview of a new one) has nobody to ask to join.
    if not user.is_authenticated or community.pk is None:
        return {"state": "anonymous"}
    membership = membership_of(community, user)
    urls = {
        "ask_url": reverse("communities:ask_to_join", args=[community.pk]),
        "leave_url": reverse("communities:leave", args=[community.pk]),
    }
    if membership is None:
        return {"state": "can_ask", "form": JoinRequestForm(), **urls}
    return {"state": membership.status, "membership": membership, **urls}


REFUSALS = {
    MembershipStatus.PENDING: _(
        "You have already asked to join this Community of Practice. The facilitator will email you."
    ),
    MembershipStatus.APPROVED: _("You are already a member of this Community of Practice."),
    MembershipStatus.DECLINED: _(
        "The facilitator could not add you to this Community of Practice. Please contact the "
        "PDU team if you would like to talk about it."
    ),
}


def request_to_join(community, user, message):
    """Record `user`'s request to join `community`. Raises JoinRefusedError if they already asked.

    The unique constraint settles two requests sent at the same moment: the second is refused.
    """
    source = source_community(community)
    existing = CommunityMembership.objects.filter(community=source, user=user).first()
    if existing is not None:
        raise JoinRefusedError(REFUSALS[existing.status])
    try:
        with transaction.atomic():
            return CommunityMembership.objects.create(community=source, user=user, message=message)
    except IntegrityError as duplicate:
        raise JoinRefusedError(REFUSALS[MembershipStatus.PENDING]) from duplicate


def leavable_membership(community, user):
    """`user`'s pending or approved membership of `community`, or None.

    A declined request stays on record, so the member cannot simply ask again.
    """
    return (
        CommunityMembership.objects.filter(community=source_community(community), user=user)
        .exclude(status=MembershipStatus.DECLINED)
        .first()
    )
