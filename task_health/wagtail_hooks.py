"""The failed background tasks report, under Reports, for site administrators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import FailedTasksReportView, can_see_failed_tasks, try_again


class FailedTasksMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_failed_tasks(request.user)


@hooks.register("register_admin_urls")
def register_task_health_urls():
    return [
        path("reports/failed-tasks/", FailedTasksReportView.as_view(), name="task_health_failed"),
        path(
            "reports/failed-tasks/results/",
            FailedTasksReportView.as_view(results_only=True),
            name="task_health_failed_results",
        ),
        path(
            "reports/failed-tasks/<uuid:result_id>/try-again/",
            try_again,
            name="task_health_try_again",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_failed_tasks_menu_item():
    return FailedTasksMenuItem(
        _("Background tasks that failed"),
        reverse("task_health_failed"),
        name="background-tasks-that-failed",
        icon_name="warning",
        order=900,
    )
