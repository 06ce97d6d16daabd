"""What the editorial workflow adds to Wagtail's models.

- `ReviewedPage`: the base of every page type. Only site administrators publish directly; everyone
  else's changes go public through an approved review. Each page has a "review by" date.
- `ReviewedSnippet`: the base of every snippet shown on public pages (people, vocabularies,
  venues, the main menu): drafts, revisions and the same review workflow as pages.
- `ApprovalByAnotherReviewerTask`: the review step. Nobody approves their own work.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    AbstractGroupApprovalTask,
    DraftStateMixin,
    LockableMixin,
    Page,
    RevisionMixin,
    WorkflowMixin,
)

from editorial.permissions import ReviewedPagePermissionTester
from home.page_language import ShownInItsOwnLanguage
from members.restrictions import SitePageManager

REVIEW_BY_HELP = _(
    "When the content should next be checked to make sure it is still right. Leave empty to set "
    "it to a year after publishing. Pages past this date are listed on the dashboard."
)


class ReviewedPage(ShownInItsOwnLanguage, Page):
    review_by = models.DateField(
        _("review content by"), null=True, blank=True, help_text=REVIEW_BY_HELP
    )

    settings_panels = [*Page.settings_panels, FieldPanel("review_by")]

    objects = SitePageManager()

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        return ReviewedPagePermissionTester(user, self)


class ReviewedSnippet(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(class)s")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(class)s",
        for_concrete_model=False,
    )

    class Meta:
        abstract = True

    @property
    def revisions(self):
        return self._revisions


def is_own_work(obj, user):
    """Whether `user` submitted `obj` for review or made its latest change."""
    workflow_state = obj.current_workflow_state
    if workflow_state is not None and workflow_state.requested_by_id == user.pk:
        return True
    latest_revision = obj.get_latest_revision()
    return latest_revision is not None and latest_revision.user_id == user.pk


class ApprovalByAnotherReviewerTask(AbstractGroupApprovalTask):
    """Group approval where the person who submitted or last edited the work cannot approve it."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if is_own_work(obj, user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        # The admin only offers the actions above; check again here for crafted requests.
        if action_name == "approve" and is_own_work(task_state.workflow_state.content_object, user):
            raise PermissionDenied("Another reviewer must approve work you submitted or edited.")
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve or send back changes; nobody can approve work "
            "they submitted or last edited."
        )

    class Meta:
        verbose_name = _("approval by another reviewer")
        verbose_name_plural = _("approvals by another reviewer")
