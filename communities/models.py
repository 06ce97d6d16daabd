"""Membership of a Community of Practice, and the notes of its meetings.

The Community of Practice page itself is in workstreams (it sits under a workstream). Memberships
always point at the community's page in the site's main language, so a request made on a
translated page reaches the same facilitator and the same member list (see `source_community`).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from editorial.models import ReviewedPage
from home.blocks import BodyBlock


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Member")
    DECLINED = "declined", _("Not accepted")


class CommunityMembershipQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=MembershipStatus.PENDING)

    def approved(self):
        return self.filter(status=MembershipStatus.APPROVED)


class CommunityMembership(models.Model):
    """A member's request to join a community, and the facilitator's answer."""

    community = models.ForeignKey(
        "workstreams.CommunityOfPracticePage",
        verbose_name=_("Community of Practice"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="community_memberships",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
        db_index=True,
    )
    message = models.TextField(
        _("message to the facilitator"),
        blank=True,
        max_length=500,
        help_text=_("Optional. Your role and why you would like to join."),
    )
    requested_at = models.DateTimeField(_("asked"), default=timezone.now)
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CommunityMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("community membership")
        verbose_name_plural = _("community memberships")
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "user"], name="one_membership_per_member_and_community"
            )
        ]

    def __str__(self):
        return f"{self.user}: {self.community} ({self.get_status_display()})"

    @property
    def is_pending(self):
        return self.status == MembershipStatus.PENDING

    @property
    def is_approved(self):
        return self.status == MembershipStatus.APPROVED


def source_community(page):
    """The community's page in the site's main language (itself if it has no such version)."""
    from wagtail.models import Locale

    default_locale = Locale.get_default()
    if page.locale_id == default_locale.pk:
        return page
    return page.get_translation_or_none(default_locale) or page


class MeetingNotesPage(ReviewedPage):
    """Notes from one meeting of a Community of Practice, for members.

    A notes page made in the admin is members only from the start (communities/wagtail_hooks.py).
    """

    meeting_date = models.DateField(_("date of the meeting"))
    meeting = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_notes",
        limit_choices_to={"event_type": "cop_meeting"},
        help_text=_("Optional. The meeting's event page: the notes are linked from it afterwards."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences shown in listings, e.g. the main topics discussed."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("notes"),
        help_text=_(
            "Who came, what was discussed and what was agreed. Leave out anything personal."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("meeting_date"),
        FieldPanel("meeting"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("meeting_date"),
    ]

    parent_page_types = ["workstreams.CommunityOfPracticePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("meeting notes")
        verbose_name_plural = _("meeting notes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent().specific
        context["community"] = parent if parent.live else None
        meeting = self.meeting
        context["meeting"] = meeting if meeting is not None and meeting.live else None
        return context
