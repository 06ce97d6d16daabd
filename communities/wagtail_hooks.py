"""Admin hooks for Communities of Practice. Each feature's admin screens register their own."""

from django.urls import path
from wagtail import hooks

from communities import join_admin, series_admin
from communities.models import MeetingNotesPage
from members.restrictions import restrict_to_members


@hooks.register("register_admin_urls")
def register_community_admin_urls():
    return [
        path("communities/", join_admin.my_communities, name="communities_mine"),
        path(
            "communities/requests/<int:membership_id>/",
            join_admin.answer_request,
            name="communities_answer_request",
        ),
        path(
            "communities/<int:community_id>/schedule-meetings/",
            series_admin.schedule_meetings,
            name="communities_schedule_meetings",
        ),
    ]


@hooks.register("after_create_page")
def new_meeting_notes_start_members_only(request, page):
    """Meeting notes are for members: notes made in the admin are members only from the start."""
    if isinstance(page, MeetingNotesPage):
        restrict_to_members(page)
