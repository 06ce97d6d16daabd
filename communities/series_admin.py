"""Scheduling a series of meetings for a Community of Practice at once, from the admin.

The facilitator fills in one form, checks a preview of every date, then confirms. Each meeting
becomes a draft event under What's on, made the way the admin's own "add page" view makes pages
(so the page history shows who created it) and, if asked, sent for review like any other page.
"""

from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.rich_text import RichText

from communities.permissions import can_manage
from communities.series_forms import MeetingSeriesForm, existing_meeting_starts
from events.models import BookingMethod, EventFormat, EventPage, EventType
from workstreams.models import CommunityOfPracticePage, WorkstreamPage, events_index_for

# Ids are 32-bit database integers; a bigger number is simply not there.
LARGEST_ID = 2**31 - 1


def community_or_404(community_id):
    if community_id > LARGEST_ID:
        raise Http404
    return get_object_or_404(CommunityOfPracticePage, pk=community_id)


class ScheduleMeetingsView(WagtailAdminTemplateMixin, View):
    """GET shows the form; a POST previews the dates; a POST with action=create makes them."""

    header_icon = "date"
    template_name = "communities/admin/series_form.html"
    preview_template_name = "communities/admin/series_preview.html"
    unavailable_template_name = "communities/admin/series_unavailable.html"

    def dispatch(self, request, community_id):
        self.community = community_or_404(community_id)
        if not can_manage(request.user, self.community):
            return permission_denied(request)
        self.events_index = events_index_for(self.community.locale)
        if self.events_index is None:
            return self.render(self.unavailable_template_name)
        if not self.events_index.permissions_for_user(request.user).can_add_subpage():
            return permission_denied(request)
        return super().dispatch(request, community_id)

    def get_page_title(self):
        return _("Schedule meetings for %(community)s") % {"community": self.community.title}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.community.pk]),
                "label": self.community.get_admin_display_title(),
            },
            {"url": "", "label": _("Schedule meetings")},
        ]

    def render(self, template_name, **context):
        context = self.get_context_data(
            community=self.community, events_index=self.events_index, **context
        )
        return TemplateResponse(self.request, template_name, context)

    def render_form(self, form):
        return self.render(self.template_name, form=form, action_url=self.request.path)

    def get(self, request, community_id):
        return self.render_form(MeetingSeriesForm(community=self.community))

    def post(self, request, community_id):
        form = MeetingSeriesForm(request.POST, community=self.community)
        action = request.POST.get("action")
        # "Change" goes back to the form with the values kept; any problem shows there too.
        if action == "change" or not form.is_valid():
            return self.render_form(form)
        if action == "create":
            return self.create(form)
        return self.render_preview(form)

    def render_preview(self, form, problem=""):
        return self.render(
            self.preview_template_name,
            form=form,
            meetings=form.meetings,
            to_create=len(form.meetings_to_create),
            frequency_in_words=form.frequency_in_words(),
            warnings=form.warnings(),
            problem=problem,
            action_url=self.request.path,
        )

    def create(self, form):
        created = create_meetings(self.request, form, self.events_index)
        if not created:
            return self.render_preview(
                form, problem=_("Every one of these meetings exists already: nothing was created.")
            )
        messages.success(self.request, success_message(form, created))
        return redirect("wagtailadmin_explore", self.events_index.pk)


schedule_meetings = ScheduleMeetingsView.as_view()


def success_message(form, created):
    count = len(created)
    submitted = any(page.workflow_in_progress for page in created)
    if submitted:
        message = ngettext(
            "%(count)s meeting created and sent for review.",
            "%(count)s meetings created and sent for review.",
            count,
        )
    else:
        message = ngettext(
            "%(count)s meeting created as a draft. Submit it for review when it is ready.",
            "%(count)s meetings created as drafts. Submit each for review when it is ready.",
            count,
        )
    message %= {"count": count}
    skipped = len(form.meetings) - count
    if skipped:
        message += " " + ngettext(
            "%(count)s was skipped: a meeting exists at that time already.",
            "%(count)s were skipped: meetings exist at those times already.",
            skipped,
        ) % {"count": skipped}
    return message


def create_meetings(request, form, events_index):
    """Make a draft event for each planned meeting not already there; all or nothing."""
    community = form.community
    data = form.cleaned_data
    workstream = WorkstreamPage.objects.parent_of(community).first()
    created = []
    with transaction.atomic():
        # Two confirming posts at once (a double click) wait for each other here, so the second
        # sees the first one's meetings and skips them.
        list(Page.objects.select_for_update().filter(pk=community.pk).values_list("pk"))
        taken = existing_meeting_starts(community, [meeting.start for meeting in form.meetings])
        for meeting in form.meetings:
            meeting.already_exists = meeting.start in taken
        for meeting in form.meetings_to_create:
            page = meeting_page(meeting, data, community, events_index, request.user)
            page.workstreams = [workstream] if workstream else []
            events_index.add_child(instance=page)
            page.save_revision(user=request.user, log_action=True)
            for after_create in hooks.get_hooks("after_create_page"):
                after_create(request, page)
            if data["submit_for_review"]:
                workflow = page.get_workflow()
                if workflow is not None:
                    workflow.start(page, request.user)
            created.append(page)
    return created


def meeting_page(meeting, data, community, events_index, user):
    books_here = data["booking_method"] == BookingMethod.HERE
    has_online_part = data["event_format"] != EventFormat.IN_PERSON
    return EventPage(
        title=meeting.title,
        slug=free_slug(events_index, meeting.slug),
        summary=data["summary"],
        start=meeting.start,
        end=meeting.end,
        event_type=EventType.COP_MEETING,
        event_format=data["event_format"],
        venue=data["venue"],
        community_of_practice=community,
        body=[("paragraph", RichText(format_html("<p>{}</p>", data["summary"])))],
        booking_method=data["booking_method"],
        capacity=data["capacity"] if books_here else None,
        joining_url=data["joining_url"] if has_online_part else "",
        locale=events_index.locale,
        owner=user,
        live=False,
    )


def free_slug(parent, slug):
    """`slug`, or `slug-2`, `slug-3`... if a page under `parent` has it already."""
    taken = set(parent.get_children().filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


# Ways to reach the view from the community's page in the admin.


def can_schedule_from(page, user):
    specific_class = page.specific_class
    if specific_class is None or not issubclass(specific_class, CommunityOfPracticePage):
        return False
    return can_manage(user, page.specific_deferred)


def schedule_button(page, priority):
    return Button(
        gettext_lazy("Schedule meetings"),
        reverse("communities_schedule_meetings", args=[page.pk]),
        icon_name="date",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def schedule_meetings_header_button(page, user, view_name, next_url=None):
    if can_schedule_from(page, user):
        yield schedule_button(page, priority=45)


@hooks.register("register_page_listing_more_buttons")
def schedule_meetings_listing_button(page, user, next_url=None):
    if can_schedule_from(page, user):
        yield schedule_button(page, priority=45)
