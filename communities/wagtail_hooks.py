"""Admin hooks for Communities of Practice. Each feature's admin screens register their own."""

from wagtail import hooks

from communities.models import MeetingNotesPage
from members.restrictions import restrict_to_members


@hooks.register("after_create_page")
def new_meeting_notes_start_members_only(request, page):
    """Meeting notes are for members: notes made in the admin are members only from the start."""
    if isinstance(page, MeetingNotesPage):
        restrict_to_members(page)
