"""Emails about joining a Community of Practice, sent through the worker (members.emails).

The facilitator hears of each new request; the member hears the facilitator's answer.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from events.booking_emails import written_when
from members.emails import send_later
from members.tokens import absolute_url

# Meetings listed in the welcome email; the community page lists the rest.
MEETINGS_IN_WELCOME = 3


def display_name(user):
    return user.get_full_name().strip() or user.email


def page_address(page):
    return absolute_url(page.get_url() or "/")


def contact_email(community):
    """The team's public address from the site settings, or "" if none is set."""
    from home.models import SiteSettings

    site = community.get_site()
    return SiteSettings.for_site(site).contact_email if site is not None else ""


def plain_message(subject, template, context, recipient):
    """A message to `recipient` (a user), written in their language."""
    with translation.override(recipient.email_language):
        body = render_to_string(template, context)
    return EmailMultiAlternatives(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[recipient.email]
    )


def request_message(membership):
    """To the facilitator: someone asked to join, and where to answer."""
    community = membership.community
    facilitator = community.facilitator
    listing = reverse("communities_mine") + f"#community-{community.pk}"
    context = {
        "facilitator": facilitator,
        "member_name": display_name(membership.user),
        "member": membership.user,
        "community": community,
        "answer_url": absolute_url(listing),
    }
    with translation.override(facilitator.email_language):
        subject = _("%(name)s asked to join %(community)s") % {
            "name": context["member_name"],
            "community": community.title,
        }
    return plain_message(subject, "communities/emails/membership_request.txt", context, facilitator)


def send_request_to_facilitator(membership):
    """No facilitator, or one whose account is closed: the admin listing still shows the request
    to reviewers and administrators."""
    facilitator = membership.community.facilitator
    if facilitator is None or not facilitator.is_active or not facilitator.email:
        return
    send_later(request_message(membership))


def answer_message(membership):
    """To the member: approved (welcome, the page and its next meetings) or declined (kindly)."""
    community = membership.community
    meetings = [
        {"title": event.title, "when": written_when(event), "url": page_address(event)}
        for event in community.upcoming_events()[:MEETINGS_IN_WELCOME]
    ]
    context = {
        "member": membership.user,
        "community": community,
        "approved": membership.is_approved,
        "community_url": page_address(community),
        "meetings": meetings,
        "hub_url": absolute_url(reverse("members:hub")),
        "contact_email": contact_email(community),
    }
    with translation.override(membership.user.email_language):
        if membership.is_approved:
            subject = _("Welcome to %(community)s") % {"community": community.title}
        else:
            subject = _("Your request to join %(community)s") % {"community": community.title}
    return plain_message(
        subject, "communities/emails/membership_answer.txt", context, membership.user
    )


def send_answer_to_member(membership):
    if not membership.user.is_active:
        return
    send_later(answer_message(membership))
