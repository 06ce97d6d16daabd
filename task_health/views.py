"""The "Background tasks that failed" report in the admin, for site administrators only.

Failures can name people (an email's recipient), and trying a task again sends real email, so
Editors and Reviewers neither see the report nor may use its button.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from . import failures


def can_see_failed_tasks(user):
    return user.is_active and user.is_superuser


class TryAgainColumn(Column):
    cell_template_name = "task_health/try_again_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["csrf_token"] = get_token(parent_context["request"])
        return context


class FailedTasksReportView(ReportView):
    page_title = gettext_lazy("Background tasks that failed")
    header_icon = "warning"
    index_url_name = "task_health_failed"
    index_results_url_name = "task_health_failed_results"
    no_results_message = gettext_lazy(
        "No background tasks have failed. Emails are being sent and documents read."
    )
    columns = [
        Column("task", label=gettext_lazy("Task"), accessor=failures.task_label),
        Column("details", label=gettext_lazy("About"), accessor=failures.task_details),
        DateColumn("finished_at", label=gettext_lazy("Failed at")),
        Column("error", label=gettext_lazy("Error"), accessor=failures.error_summary),
        Column("attempts", label=gettext_lazy("Tries"), accessor=failures.attempts),
        TryAgainColumn("try_again", label=gettext_lazy("Action")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_failed_tasks(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return failures.failed_for_good()


@require_POST
def try_again(request, result_id):
    if not can_see_failed_tasks(request.user):
        raise PermissionDenied
    result = get_object_or_404(failures.failed_for_good(), pk=result_id)
    label = failures.task_label(result)
    try:
        failures.try_again(result)
    except ImportError:
        messages.error(
            request,
            _("“%(task)s” can no longer be run: the site no longer has that task.")
            % {"task": label},
        )
    else:
        messages.success(
            request,
            _("“%(task)s” is queued again. It leaves this list; if it fails again, it comes back.")
            % {"task": label},
        )
    return redirect("task_health_failed")
