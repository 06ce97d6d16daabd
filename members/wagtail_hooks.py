"""The members app in Wagtail's admin: two reports about members, under Reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import EmailListView, MemberCountsView, can_see_email_list, can_see_member_counts


class MemberCountsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_member_counts(request.user)


class EmailListMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_email_list(request.user)


@hooks.register("register_admin_urls")
def register_member_report_urls():
    return [
        path("members/counts/", MemberCountsView.as_view(), name="members_counts"),
        path("members/email-list/", EmailListView.as_view(), name="members_email_list"),
        path(
            "members/email-list/results/",
            EmailListView.as_view(results_only=True),
            name="members_email_list_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_member_counts_menu_item():
    return MemberCountsMenuItem(
        _("Members by organisation type and area"),
        reverse("members_counts"),
        name="members-by-organisation-type-and-area",
        icon_name="group",
        order=700,
    )


@hooks.register("register_reports_menu_item")
def register_email_list_menu_item():
    return EmailListMenuItem(
        _("Members who want emails"),
        reverse("members_email_list"),
        name="members-who-want-emails",
        icon_name="mail",
        order=710,
    )
