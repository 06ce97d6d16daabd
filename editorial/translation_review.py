"""Translations go live the way everything else does: through "Review before publishing".

A translator works in wagtail-localize's editor, then presses "Submit this translation for
review" (see templates/wagtail_localize/admin/edit_translation.html). That saves the translation
as a draft revision by the translator, leaving any published version as it is, and starts the
review workflow as them, so another reviewer must approve it before it goes live.
"""

import enum

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from editorial.live_content import live_versions_kept

# Ids are 32-bit database integers; a bigger number is simply not there.
LARGEST_ID = 2**31 - 1


def may_publish_translations_directly(user):
    """Site administrators publish directly on this site; everyone else through review."""
    return user.is_active and user.is_superuser


class Outcome(enum.Enum):
    SENT = "sent"
    SENT_AGAIN = "sent again"
    ALREADY_IN_REVIEW = "already in review"
    LOCKED = "locked"
    NOT_SAVED = "not saved"
    NO_WORKFLOW = "no workflow"
    NOT_ALLOWED = "not allowed"


def save_translation_draft(translation, user):
    """Save the translation as the latest draft revision, by `user`; the live version stays."""
    with live_versions_kept():
        translation.save_target(user=user, publish=False)


def submit_for_review(translation, user):
    """Save `translation` as a draft by `user` and send it for review as them: an Outcome."""
    target = translation.get_target_instance()
    if not user_can_edit_instance(user, target):
        return Outcome.NOT_ALLOWED
    # Whatever is in review stays as the reviewer is seeing it.
    if target.workflow_in_progress:
        return Outcome.ALREADY_IN_REVIEW
    lock = target.get_lock()
    if lock and lock.for_user(user):
        return Outcome.LOCKED
    workflow = target.get_workflow()
    if workflow is None:
        return Outcome.NO_WORKFLOW

    try:
        with transaction.atomic():
            save_translation_draft(translation, user)
            target = translation.get_target_instance()
            state = target.current_workflow_state
            if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                state.resume(user)
                return Outcome.SENT_AGAIN
            workflow.start(target, user)
            return Outcome.SENT
    except ValidationError:
        # wagtail-localize has marked the strings at fault; the editor shows them.
        return Outcome.NOT_SAVED


def outcome_message(outcome, translation, title):
    names = {"language": translation.target_locale.get_display_name(), "title": title}
    texts = {
        Outcome.SENT: _(
            "The %(language)s translation of '%(title)s' has been sent for review. It goes live "
            "when a reviewer approves it."
        ),
        Outcome.SENT_AGAIN: _(
            "The %(language)s translation of '%(title)s' has been sent for review again."
        ),
        Outcome.ALREADY_IN_REVIEW: _(
            "The %(language)s translation of '%(title)s' is already waiting for review, so it "
            "was not changed. Send your newer changes once the review is finished."
        ),
        Outcome.LOCKED: _(
            "'%(title)s' is locked, so its %(language)s translation cannot be sent for review now."
        ),
        Outcome.NOT_SAVED: _(
            "Some of the %(language)s translation of '%(title)s' could not be saved. Correct the "
            "translations marked with an error, then send it for review again."
        ),
        Outcome.NO_WORKFLOW: _(
            "'%(title)s' has no review workflow, so its %(language)s translation cannot be sent "
            "for review. Please ask a site administrator."
        ),
        Outcome.NOT_ALLOWED: _(
            "You do not have permission to change the %(language)s translation of '%(title)s'."
        ),
    }
    return texts[outcome] % names


def show_outcome(request, outcome, translation, title):
    message = outcome_message(outcome, translation, title)
    if outcome in (Outcome.SENT, Outcome.SENT_AGAIN):
        messages.success(request, message)
    elif outcome is Outcome.ALREADY_IN_REVIEW:
        messages.warning(request, message)
    else:
        messages.error(request, message)


@require_POST
def submit_translation_for_review(request, translation_id):
    if translation_id > LARGEST_ID:
        raise Http404
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"),
        pk=translation_id,
        enabled=True,
    )
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist as missing:
        raise Http404 from missing

    outcome = submit_for_review(translation, request.user)
    if outcome is Outcome.NOT_ALLOWED:
        return permission_denied(request)

    show_outcome(request, outcome, translation, str(target))
    return redirect(translation.get_target_instance_edit_url())


def review_status(instance):
    """What the translation editor says about review: where the object is, and since when."""
    state = instance.current_workflow_state
    in_review = state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    changes_requested = state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES
    return {
        "state": state,
        "in_review": in_review,
        "changes_requested": changes_requested,
        # The reviewer's decision and comment are on the task they sent back.
        "sent_back": state.current_task_state if changes_requested else None,
        "is_live": instance.live,
        "last_published_at": instance.last_published_at,
    }
