"""Staff views in the Wagtail admin (Reports menu): member counts, and who wants emails.

Counts carry no personal data and are for everyone who runs the site (Editors, Reviewers and
administrators). The email list names people, so it is for administrators only.
"""

from operator import attrgetter, methodcaller

from django.contrib.auth import get_user_model
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from .account_kinds import STAFF_GROUPS
from .member_counts import member_counts
from .tokens import unsubscribe_url

# A spreadsheet treats a cell starting with one of these as a formula, which a member could use
# to run commands on a staff computer ("=HYPERLINK(...)" as a job title). A leading apostrophe
# makes it plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def can_see_member_counts(user):
    return user.is_active and (
        user.is_superuser or user.groups.filter(name__in=STAFF_GROUPS).exists()
    )


def can_see_email_list(user):
    return user.is_active and user.is_superuser


def refusal(request, view, reason):
    """A plain 403 saying why, rather than Wagtail's redirect to the dashboard."""
    context = {"page_title": view.page_title, "header_icon": view.header_icon, "reason": reason}
    return TemplateResponse(request, "members/admin/not_allowed.html", context, status=403)


class MemberCountsView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Members by organisation type and area")
    header_icon = "group"
    template_name = "members/admin/member_counts.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_member_counts(request.user):
            return refusal(request, self, _("Only people who run the site can see these counts."))
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **member_counts()}


def uk_time(value):
    return timezone.localtime(value, timezone.get_default_timezone())


def consent_date(user):
    consent_at = user.email_consent_at
    return uk_time(consent_at).strftime("%Y-%m-%d %H:%M") if consent_at else ""


# The list's columns and the download's, in order: (field, heading, how to read it from a user).
EMAIL_LIST_FIELDS = [
    ("name", _("Name"), methodcaller("get_full_name")),
    ("email", _("Email"), attrgetter("email")),
    ("organisation", _("Organisation"), attrgetter("organisation")),
    ("organisation_type", _("Type of organisation"), methodcaller("get_organisation_type_display")),
    ("area", _("Postcode area"), attrgetter("postcode_area")),
    ("consent_date", _("Said yes on (UK time)"), consent_date),
    ("unsubscribe_link", _("Personal unsubscribe link"), unsubscribe_url),
]


class UnsubscribeLinkColumn(Column):
    cell_template_name = "members/admin/unsubscribe_link_cell.html"


class EmailListView(ReportView):
    page_title = _("Members who want emails")
    header_icon = "mail"
    index_url_name = "members_email_list"
    index_results_url_name = "members_email_list_results"
    no_results_message = _("Nobody has asked for emails yet.")
    columns = [
        (UnsubscribeLinkColumn if field == "unsubscribe_link" else Column)(
            field, label=heading, accessor=read
        )
        for field, heading, read in EMAIL_LIST_FIELDS
    ]
    list_export = [field for field, _heading, _read in EMAIL_LIST_FIELDS]
    export_headings = {field: heading for field, heading, _read in EMAIL_LIST_FIELDS}

    def dispatch(self, request, *args, **kwargs):
        if not can_see_email_list(request.user):
            reason = _(
                "Only site administrators can open this list: it names people and gives their "
                "email addresses."
            )
            return refusal(request, self, reason)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return (
            get_user_model()
            .objects.filter(is_active=True, email_consent=True)
            .order_by("last_name", "first_name", "email")
        )

    def to_row_dict(self, item):
        return {field: read(item) for field, _heading, read in EMAIL_LIST_FIELDS}

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: spreadsheet_safe(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    def get_filename(self):
        return f"members-who-want-emails-{timezone.localdate().isoformat()}"
