"""Review emails, sent by the worker rather than inside the editor's request.

Wagtail emails reviewers when something is submitted and authors when it is approved or sent back
(with the reviewer's comment and a link to the page in the admin), but it sends them while the
person who clicked waits, and a slow mail server makes the admin slow or fails the action. Here its
own notifiers are reconnected so each email becomes a background task that the worker sends.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django_tasks import task
from wagtail.admin import signal_handlers as wagtail_notifications
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

# signal name: (signal, sender, Wagtail's notifier, the dispatch_uid Wagtail connects it with)
NOTIFICATIONS = {
    "task_submitted": (
        task_submitted,
        TaskState,
        wagtail_notifications.task_submission_email_notifier,
        "group_approval_task_submitted_email_notification",
    ),
    "workflow_submitted": (
        workflow_submitted,
        WorkflowState,
        wagtail_notifications.workflow_submission_email_notifier,
        "workflow_state_submitted_email_notification",
    ),
    "workflow_rejected": (
        workflow_rejected,
        WorkflowState,
        wagtail_notifications.workflow_rejection_email_notifier,
        "workflow_state_rejected_email_notification",
    ),
    "workflow_approved": (
        workflow_approved,
        WorkflowState,
        wagtail_notifications.workflow_approval_email_notifier,
        "workflow_state_approved_email_notification",
    ),
}


@task()
def send_review_email(name, model_label, instance_pk, user_pk):
    """Send one of Wagtail's review emails for the workflow or task state `instance_pk`."""
    _signal, _sender, notifier, _uid = NOTIFICATIONS[name]
    instance = apps.get_model(model_label).objects.get(pk=instance_pk)
    if isinstance(instance, TaskState):
        instance = instance.specific
    user = get_user_model().objects.filter(pk=user_pk).first() if user_pk else None
    notifier(instance=instance, user=user)


def queue_email(name):
    def handler(sender, instance, user=None, **kwargs):
        label, pk, user_pk = instance._meta.label, instance.pk, getattr(user, "pk", None)
        # Only once the review action is saved, so the worker sees what the reviewer did.
        transaction.on_commit(lambda: send_review_email.enqueue(name, label, pk, user_pk))

    return handler


def send_review_emails_from_the_worker():
    """Swap Wagtail's in-request notifiers for ones that queue a background task."""
    for name, (signal, sender, _notifier, wagtail_uid) in NOTIFICATIONS.items():
        signal.disconnect(sender=sender, dispatch_uid=wagtail_uid)
        # weak=False: the handler is made here and referenced nowhere else.
        signal.connect(
            queue_email(name), sender=sender, weak=False, dispatch_uid=f"editorial.{name}"
        )
