"""Background tasks that failed for good, read from the database queue's own table.

django-tasks-db keeps every task's result, with the traceback of a failure. A try followed by
another (task_health/retries.py) is not a failure for good, so it is left out.
"""

from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

from .retries import ATTEMPT_ARGUMENT, RetryScheduled

RETRY_SCHEDULED = f"{RetryScheduled.__module__}.{RetryScheduled.__qualname__}"
SUMMARY_LENGTH = 300

# What each of the site's own tasks does, in words an administrator knows.
TASK_DESCRIPTIONS = {
    "deliver_email": _("Sending an email"),
    "extract_document_text": _("Reading the text of a document"),
}


def failed_for_good():
    """Tasks that failed and will not be tried again, most recent first."""
    return (
        DBTaskResult.objects.failed()
        .exclude(exception_class_path=RETRY_SCHEDULED)
        .order_by("-finished_at")
    )


def task_label(result):
    name = result.task_name
    return str(TASK_DESCRIPTIONS.get(name, name.replace("_", " ").capitalize()))


def task_details(result):
    """Which email or document it was about, so the administrator can tell them apart."""
    args = result.args_kwargs.get("args", [])
    if result.task_name == "deliver_email" and args and isinstance(args[0], dict):
        message = args[0]
        return _("To %(to)s: %(subject)s") % {
            "to": ", ".join(message.get("to", [])),
            "subject": message.get("subject", ""),
        }
    if result.task_name == "extract_document_text" and args:
        from wagtail.documents import get_document_model

        document = get_document_model().objects.filter(pk=args[0]).first()
        return document.title if document else _("A document since deleted")
    return ""


def error_summary(result):
    """The last line of the traceback: the error and its message."""
    lines = [line.strip() for line in result.traceback.strip().splitlines() if line.strip()]
    summary = lines[-1] if lines else result.exception_class_path
    return summary[:SUMMARY_LENGTH]


def attempts(result):
    """Tries made: earlier tries of a retrying task, plus the runs this result had."""
    earlier = int(result.args_kwargs.get("kwargs", {}).get(ATTEMPT_ARGUMENT, 1)) - 1
    return earlier + max(len(result.worker_ids), 1)


def try_again(result):
    """Queue the task afresh (all its tries again) and forget the failure. Returns the new result.

    Raises ImportError if the task no longer exists in the code.
    """
    task = import_string(result.task_path)
    if not isinstance(task, Task):
        raise ImportError(result.task_path)
    kwargs = {
        name: value
        for name, value in result.args_kwargs.get("kwargs", {}).items()
        if name != ATTEMPT_ARGUMENT
    }
    with transaction.atomic():
        queued = task.using(queue_name=result.queue_name, priority=result.priority).enqueue(
            *result.args_kwargs.get("args", []), **kwargs
        )
        result.delete()
    return queued
