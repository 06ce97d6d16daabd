"""Editors' reports: what is scheduled to go live or expire, and what is due for a content review.

Both are Wagtail report views (Reports menu), with CSV and Excel downloads. They are open to
people who can edit pages (Editors, Reviewers and site administrators) and list only what the
person viewing them can edit. The dashboard panels in dashboard.py show the first few rows.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.urls import reverse
from django.utils import dateformat, dateparse, timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_type_label
from wagtail.models import DraftStateMixin, Page, Revision, get_default_page_content_type
from wagtail.permission_policies.pages import PagePermissionPolicy

from editorial.review_dates import (
    days_overdue,
    due_for_review_ids,
    site_today,
    specific_pages_in_order,
)

GOES_LIVE = "goes_live"
EXPIRES = "expires"
ACTION_LABELS = {GOES_LIVE: _("Goes live"), EXPIRES: _("Expires")}

WRITTEN_DATE = "l j F Y"  # Tuesday 3 March 2026
WRITTEN_DATETIME = "l j F Y, H:i"  # Tuesday 3 March 2026, 10:00


def uk_time(value):
    """`value` (an aware datetime) in the site's time zone, UK time."""
    return timezone.localtime(value, timezone.get_default_timezone())


def written_datetime(value):
    return dateformat.format(uk_time(value), WRITTEN_DATETIME)


def written_date(value):
    return dateformat.format(value, WRITTEN_DATE)


def can_edit_pages(user):
    """Editors, Reviewers and site administrators: the people these reports and panels are for."""
    return PagePermissionPolicy().user_has_permission(user, "change")


@dataclass
class ScheduledChange:
    """A page or snippet that will go live or expire at a set time."""

    obj: Any
    action: str
    at: datetime.datetime
    title: str
    edit_url: str | None

    @property
    def action_label(self):
        return ACTION_LABELS[self.action]

    @property
    def type_label(self):
        return capfirst(self.obj._meta.verbose_name)

    @property
    def when(self):
        return written_datetime(self.at)

    @property
    def at_uk(self):
        # Spreadsheets get the date and time as UK readers expect it, without a zone.
        local = timezone.make_naive(uk_time(self.at), timezone.get_default_timezone())
        return local.replace(microsecond=0)

    @property
    def sort_key(self):
        return (self.at, self.title.lower(), self.action)


def scheduled_snippet_models(user):
    """Snippet models with go-live and expiry dates that `user` may edit."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin)
        and not issubclass(model, Page)
        and user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
    ]


def expiry_in_revision(revision):
    expire_at = revision.content.get("expire_at")
    return dateparse.parse_datetime(expire_at) if expire_at else None


def scheduled_changes(user, until=None):
    """Everything `user` can edit that will go live or expire from now until `until`, soonest first.

    Go-lives are approved schedules: revisions with `approved_go_live_at`. Expiries are live
    objects' `expire_at`, and the expiry carried by a scheduled revision.
    """
    now = timezone.now()

    def in_window(moment):
        return moment is not None and moment > now and (until is None or moment <= until)

    def window_filter(field):
        lookups = {f"{field}__gt": now}
        if until is not None:
            lookups[f"{field}__lte"] = until
        return lookups

    url_finder = AdminURLFinder(user)
    editable_pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    snippet_models = scheduled_snippet_models(user)
    changes = []
    seen = set()

    def add(obj, action, at, title):
        key = (obj._meta.label, obj.pk, action, at)
        if key not in seen:
            seen.add(key)
            edit_url = url_finder.get_edit_url(obj)
            changes.append(ScheduledChange(obj, action, at, title, edit_url))

    def add_revision_changes(revision, obj):
        # The title the scheduled version will have, which may differ from the live one.
        add(obj, GOES_LIVE, revision.approved_go_live_at, revision.object_str or str(obj))
        expire_at = expiry_in_revision(revision)
        if in_window(expire_at):
            add(obj, EXPIRES, expire_at, revision.object_str or str(obj))

    revisions = list(
        Revision.objects.filter(**window_filter("approved_go_live_at")).select_related(
            "content_type"
        )
    )
    page_type = get_default_page_content_type()
    page_revisions = [r for r in revisions if r.base_content_type_id == page_type.pk]
    pages = editable_pages.filter(pk__in=[int(r.object_id) for r in page_revisions]).specific()
    pages_by_id = {page.pk: page for page in pages}
    for revision in page_revisions:
        page = pages_by_id.get(int(revision.object_id))
        if page is not None:
            add_revision_changes(revision, page)

    for page in editable_pages.filter(live=True, **window_filter("expire_at")).specific():
        add(page, EXPIRES, page.expire_at, page.get_admin_display_title())

    for model in snippet_models:
        model_revisions = [r for r in revisions if r.content_type.model_class() is model]
        if model_revisions:
            objects = model._default_manager.in_bulk(
                [model._meta.pk.to_python(r.object_id) for r in model_revisions]
            )
            for revision in model_revisions:
                obj = objects.get(model._meta.pk.to_python(revision.object_id))
                if obj is not None:
                    add_revision_changes(revision, obj)
        for obj in model._default_manager.filter(live=True, **window_filter("expire_at")):
            add(obj, EXPIRES, obj.expire_at, str(obj))

    return sorted(changes, key=lambda change: change.sort_key)


class EditorsReportView(ReportView):
    """Open to people who can edit pages; Wagtail itself already requires admin access."""

    permission_required = "change"

    @cached_property
    def permission_policy(self):
        return PagePermissionPolicy()

    def export_filename_date(self):
        return site_today().isoformat()


class ScheduledContentReportView(EditorsReportView):
    page_title = _("Scheduled content")
    header_icon = "calendar-alt"
    index_url_name = "editorial_scheduled_content"
    index_results_url_name = "editorial_scheduled_content_results"
    no_results_message = _("Nothing is scheduled to go live or expire.")
    columns = [
        TitleColumn("title", label=_("Title"), get_url=lambda change: change.edit_url),
        Column("action_label", label=_("What will happen")),
        Column("when", label=_("When (UK time)")),
        Column("type_label", label=_("Type")),
    ]
    list_export = ["title", "type_label", "action_label", "at_uk"]
    export_headings = {
        "title": _("Title"),
        "type_label": _("Type"),
        "action_label": _("What will happen"),
        "at_uk": _("Date and time (UK time)"),
    }

    def get_queryset(self):
        return scheduled_changes(self.request.user)

    def get_filename(self):
        return f"scheduled-content-{self.export_filename_date()}"


def page_edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def overdue_text(page):
    days = days_overdue(page.review_by)
    if days == 0:
        return _("Due today")
    return _("%(days)s days overdue") % {"days": days} if days > 1 else _("1 day overdue")


class PagesInOrder(Sequence):
    """Page ids in a set order that load as specific pages only when sliced or iterated.

    The review dates live on each page type's own table, so the report's order is worked out
    from ids first; this keeps a page of the report (or a download) to a few queries.
    """

    chunk_size = 200

    def __init__(self, page_ids):
        self.page_ids = list(page_ids)

    def __len__(self):
        return len(self.page_ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return specific_pages_in_order(self.page_ids[index])
        return specific_pages_in_order([self.page_ids[index]])[0]

    def __iter__(self):
        for start in range(0, len(self.page_ids), self.chunk_size):
            yield from self[start : start + self.chunk_size]


class DueForReviewReportView(EditorsReportView):
    page_title = _("Content due for review")
    header_icon = "calendar-check"
    index_url_name = "editorial_due_for_review"
    index_results_url_name = "editorial_due_for_review_results"
    no_results_message = _("No pages are due for review.")
    columns = [
        TitleColumn(
            "title",
            label=_("Title"),
            accessor="get_admin_display_title",
            get_url=page_edit_url,
        ),
        Column("review_by", label=_("Review by"), accessor=lambda p: written_date(p.review_by)),
        Column("overdue", label=_("Overdue"), accessor=overdue_text),
        DateColumn("last_published_at", label=_("Last published")),
        Column(
            "content_type",
            label=_("Type"),
            accessor=lambda p: get_content_type_label(p.content_type),
        ),
    ]
    list_export = ["title", "content_type", "review_by", "last_published_at", "full_url"]
    export_headings = {
        "title": _("Title"),
        "content_type": _("Type"),
        "review_by": _("Review by"),
        "last_published_at": _("Last published"),
        "full_url": _("Address"),
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.custom_field_preprocess = {
            **self.custom_field_preprocess,
            "content_type": {
                self.FORMAT_CSV: get_content_type_label,
                self.FORMAT_XLSX: get_content_type_label,
            },
            "last_published_at": {
                self.FORMAT_CSV: lambda value: value and uk_time(value).strftime("%Y-%m-%d %H:%M"),
                self.FORMAT_XLSX: lambda value: (
                    value and timezone.make_naive(uk_time(value), timezone.get_default_timezone())
                ),
            },
        }

    def get_queryset(self):
        return PagesInOrder(due_for_review_ids(self.request.user))

    def get_filename(self):
        return f"content-due-for-review-{self.export_filename_date()}"
