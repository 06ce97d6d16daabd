"""Dashboard panels for the people who edit pages (added in wagtail_hooks.py).

They sit beside Wagtail's own "Awaiting your review" and "Your pages and snippets in a workflow"
panels, and each links to its full report in reports.py.
"""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from wagtail.admin.ui.components import Component

from editorial.reports import overdue_text, scheduled_changes, written_date
from editorial.review_dates import due_for_review_ids, specific_pages_in_order


class ScheduledSoonPanel(Component):
    """Pages and snippets going live or expiring in the next 14 days, soonest first."""

    name = "editorial_scheduled_soon"
    template_name = "editorial/dashboard/scheduled_soon.html"
    order = 230  # after Wagtail's workflow panels (210, 220)
    days_ahead = 14
    max_rows = 20

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        until = timezone.now() + datetime.timedelta(days=self.days_ahead)
        changes = scheduled_changes(request.user, until=until)
        return {
            "request": request,
            "changes": changes[: self.max_rows],
            "total": len(changes),
            "report_url": reverse("editorial_scheduled_content"),
        }


class DueForReviewPanel(Component):
    """Live pages whose "review content by" date has come, most overdue first."""

    name = "editorial_due_for_review"
    template_name = "editorial/dashboard/due_for_review.html"
    order = 240
    max_rows = 10

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        page_ids = due_for_review_ids(request.user)
        pages = specific_pages_in_order(page_ids[: self.max_rows])
        rows = [
            {
                "page": page,
                "review_by": written_date(page.review_by),
                "overdue": overdue_text(page),
                "type": capfirst(page._meta.verbose_name),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            }
            for page in pages
        ]
        return {
            "request": request,
            "rows": rows,
            "total": len(page_ids),
            "report_url": reverse("editorial_due_for_review"),
        }
