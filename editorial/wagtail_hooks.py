"""The editorial app's additions to the admin: dashboard panels, reports, content checks."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial import translation_routes  # noqa: F401  (wagtail-localize's routes, reviewed)
from editorial.accessibility_checks import use_site_content_checker
from editorial.dashboard import DueForReviewPanel, ScheduledSoonPanel
from editorial.reports import DueForReviewReportView, ScheduledContentReportView, can_edit_pages

hooks.register("construct_wagtail_userbar", use_site_content_checker)


class EditorsReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_edit_pages(request.user)


@hooks.register("register_admin_urls")
def register_editorial_report_urls():
    return [
        path(
            "reports/scheduled-content/",
            ScheduledContentReportView.as_view(),
            name="editorial_scheduled_content",
        ),
        path(
            "reports/scheduled-content/results/",
            ScheduledContentReportView.as_view(results_only=True),
            name="editorial_scheduled_content_results",
        ),
        path(
            "reports/due-for-review/",
            DueForReviewReportView.as_view(),
            name="editorial_due_for_review",
        ),
        path(
            "reports/due-for-review/results/",
            DueForReviewReportView.as_view(results_only=True),
            name="editorial_due_for_review_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_scheduled_content_menu_item():
    return EditorsReportMenuItem(
        _("Scheduled content"),
        reverse("editorial_scheduled_content"),
        name="scheduled-content",
        icon_name="calendar-alt",
        order=650,
    )


@hooks.register("register_reports_menu_item")
def register_due_for_review_menu_item():
    return EditorsReportMenuItem(
        _("Content due for review"),
        reverse("editorial_due_for_review"),
        name="content-due-for-review",
        icon_name="calendar-check",
        order=660,
    )


@hooks.register("construct_homepage_panels")
def add_editors_dashboard_panels(request, panels):
    if can_edit_pages(request.user):
        panels.append(ScheduledSoonPanel())
        panels.append(DueForReviewPanel())
