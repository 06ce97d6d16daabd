"""The one review workflow, "Review before publishing", kept as this file describes it.

It covers the whole page tree and every snippet type shown on public pages. Its single step is an
ApprovalByAnotherReviewerTask for the Reviewers group. Approval publishes through
editorial.approval (settings.WAGTAIL_FINISH_WORKFLOW_ACTION), which lets the approving reviewer
publish without holding a permission to publish directly.
"""

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page, Task, Workflow, WorkflowContentType, WorkflowPage, WorkflowTask

from editorial.models import ApprovalByAnotherReviewerTask, ReviewedSnippet
from editorial.roles import REVIEWERS

WORKFLOW_NAME = "Review before publishing"
TASK_NAME = "Approval by another reviewer"


def reviewed_snippet_models():
    return [model for model in apps.get_models() if issubclass(model, ReviewedSnippet)]


@transaction.atomic
def ensure_review_workflow():
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])

    task = ApprovalByAnotherReviewerTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = ApprovalByAnotherReviewerTask.objects.create(name=TASK_NAME, active=True)
    task.groups.set(Group.objects.filter(name=REVIEWERS))

    # Exactly one step: other tasks (such as Wagtail's starter approval step) are retired.
    retired = WorkflowTask.objects.filter(workflow=workflow).exclude(task=task)
    Task.objects.filter(pk__in=retired.values("task_id")).update(active=False)
    retired.delete()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    root = Page.get_first_root_node()
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    for model in reviewed_snippet_models():
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(model),
            defaults={"workflow": workflow},
        )
    return workflow
