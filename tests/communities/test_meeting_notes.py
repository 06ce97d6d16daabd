"""Notes of past Community of Practice meetings: members-only pages under the community."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from communities.models import MeetingNotesPage
from editorial.roles import MEMBERS
from events.models import EventType
from home.models import HomePage, StandardPage
from members.restrictions import members_only_page_ids, restrict_to_members
from tests.editorial.admin_actions import workflow_action
from tests.events.factories import make_community, make_event, make_event_index
from tests.roles import client_for, make_user
from workstreams.models import CommunityOfPracticePage, WorkstreamPage

LOGIN = "/accounts/login/"


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def make_notes(community, title, meeting_date, members_only=True, **fields):
    fields.setdefault("summary", f"What {title} covered.")
    fields.setdefault(
        "body", [("paragraph", RichText("<p>Members agreed to try a welcome talk.</p>"))]
    )
    page = community.add_child(
        instance=MeetingNotesPage(title=title, meeting_date=meeting_date, **fields)
    )
    if members_only:
        restrict_to_members(page)
    return page


def notes_form_data(title="Meeting notes: March", meeting=None, action="action-submit"):
    data = nested_form_data(
        {
            "title": title,
            "slug": "meeting-notes-march",
            "meeting_date": "2026-03-10",
            "meeting": meeting.pk if meeting else "",
            "summary": "Abandonments in the first week.",
            "body": streamfield([("paragraph", rich_text("<p>Eleven managers came.</p>"))]),
        }
    )
    if action:
        data[action] = action
    return data


class MeetingNotesPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.workstream, cls.community = make_community()
        cls.admin = make_user("admin@example.org", is_superuser=True)
        cls.member = make_user("member@example.org", MEMBERS)

    def test_lives_only_under_a_community_and_has_no_children(self):
        self.assertAllowedParentPageTypes(MeetingNotesPage, {CommunityOfPracticePage})
        self.assertAllowedSubpageTypes(MeetingNotesPage, set())
        self.assertCanCreateAt(CommunityOfPracticePage, MeetingNotesPage)
        self.assertCanNotCreateAt(WorkstreamPage, MeetingNotesPage)
        self.assertCanNotCreateAt(HomePage, MeetingNotesPage)
        self.assertCanNotCreateAt(StandardPage, MeetingNotesPage)

    def test_renders_for_members_and_the_admin_edits_and_previews_it(self):
        notes = make_notes(self.community, "Meeting notes: March", date(2026, 3, 10))
        self.assertPageIsRenderable(notes, user=self.member)
        edit = notes_form_data(action=None)
        self.assertPageIsEditable(notes, post_data=edit, user=self.admin)
        self.assertPageIsPreviewable(notes, post_data=edit, user=self.admin)


@pytest.fixture
def community(site_tree):
    _workstream, community = make_community()
    return community


def add_url(community):
    return reverse("wagtailadmin_pages:add", args=("communities", "meetingnotespage", community.pk))


@pytest.mark.django_db
def test_notes_an_editor_writes_are_members_only_from_the_start_and_go_to_review(
    client, community, editor, reviewer
):
    response = client_for(editor).post(add_url(community), notes_form_data())

    assert response.status_code == 302
    notes = MeetingNotesPage.objects.child_of(community).get()
    assert not notes.live
    assert members_only_page_ids([notes]) == {notes.pk}
    assert notes.current_workflow_state is not None  # submitted for review

    # The reviewer approves; the page goes live for members only.
    assert workflow_action(client_for(reviewer), notes, "approve").status_code == 302
    notes.refresh_from_db()
    assert notes.live
    assert client.get(notes.url)["Location"] == f"{LOGIN}?next={notes.url}"
    member = make_user("mo@example.org", MEMBERS)
    page = soup(client_for(member).get(notes.url))
    assert page.h1.get_text(strip=True) == "Meeting notes: March"
    assert "Eleven managers came." in page.get_text()
    assert community.title in page.select_one(".meta-list").get_text()


@pytest.mark.django_db
def test_the_community_lists_its_notes_newest_first_with_a_members_only_label(
    client, community, member
):
    make_notes(community, "Notes from January", date(2026, 1, 13))
    make_notes(community, "Notes from May", date(2026, 5, 12))
    make_notes(community, "Draft notes from July", date(2026, 7, 14)).unpublish()

    visitor_page = soup(client.get(community.url))
    section = visitor_page.find(id="notes-heading").parent
    items = section.select(".document-list__item")
    assert [item.a.get_text(strip=True) for item in items] == [
        "Notes from May",
        "Notes from January",
    ]
    assert all(item.select_one(".tag--members") for item in items)
    assert "Meeting notes are for members of the hub." in section.get_text()
    assert "Members agreed" not in visitor_page.get_text()  # titles only, never the notes

    member_section = soup(client_for(member).get(community.url)).find(id="notes-heading").parent
    assert "Meeting notes are for members of the hub." not in member_section.get_text()
    notes_url = member_section.select(".document-list__item a")[0]["href"]
    assert "Members agreed" in client_for(member).get(notes_url).content.decode()


@pytest.mark.django_db
def test_a_community_without_notes_says_so(client, community):
    section = soup(client.get(community.url)).find(id="notes-heading").parent
    assert "No meeting notes have been published yet." in section.get_text()


# After the meeting: its event page links the notes -----------------------------------------


@pytest.mark.django_db
def test_the_meeting_links_its_notes_once_it_is_over(client, community, member):
    index = make_event_index()
    now = timezone.now()
    past = make_event(
        index,
        "Hostel managers: March meeting",
        start=now - timedelta(days=3),
        event_type=EventType.COP_MEETING,
        community_of_practice=community,
    )
    upcoming = make_event(
        index,
        "Hostel managers: May meeting",
        start=now + timedelta(days=30),
        event_type=EventType.COP_MEETING,
        community_of_practice=community,
    )
    make_notes(community, "Notes from March", date(2026, 3, 10), meeting=past)
    # Notes wrongly linked to a meeting still to come are not shown until it has happened.
    make_notes(community, "Notes written early", date(2026, 5, 12), meeting=upcoming)

    section = soup(client.get(past.url)).find(id="after-heading").parent
    item = section.select_one(".document-list__item")
    assert item.a.get_text(strip=True) == "Notes from March"
    assert item.select_one(".tag--members")
    assert soup(client.get(upcoming.url)).find(id="after-heading") is None

    notes_page = soup(client_for(member).get(item.a["href"]))
    assert notes_page.select_one(f".meta-list a[href='{past.url}']")


# The demo ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_demo_has_members_only_notes_linked_from_their_meeting(client, site_tree):
    from django.core.management import call_command

    call_command("load_demo_content", verbosity=0)
    notes = MeetingNotesPage.objects.live().order_by("-meeting_date")
    assert notes.count() == 2
    assert members_only_page_ids(list(notes)) == {page.pk for page in notes}
    meeting = notes.first().meeting
    assert meeting is not None and meeting.has_finished
    section = soup(client.get(meeting.url)).find(id="after-heading").parent
    assert notes.first().title in section.get_text()

    call_command("load_demo_content", verbosity=0)
    assert MeetingNotesPage.objects.count() == 2
    assert notes.first().revisions.count() == 1
