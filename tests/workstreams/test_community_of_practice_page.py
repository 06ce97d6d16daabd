from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from communities.models import MeetingNotesPage
from home.models import HomePage
from members.models import User
from tests.site_tree import english_home
from workstreams.models import CommunityOfPracticePage, WorkstreamIndexPage, WorkstreamPage

from .factories import (
    make_community,
    make_draft,
    make_event,
    make_event_index,
    make_private,
    make_workstream,
    make_workstream_index,
)
from .helpers import assert_headings_in_order, card_titles, get_html, section


class CommunityOfPracticePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = english_home()
        cls.admin = User.objects.create_superuser("admin@example.org", "a-long-admin-password")
        cls.facilitator = User.objects.create_user(
            "priya.shah@example.org", first_name="Priya", last_name="Shah", is_staff=True
        )
        cls.workstream = make_workstream(
            make_workstream_index(cls.home), "Psychologically Informed Approaches"
        )
        cls.community = make_community(
            cls.workstream,
            "PIE practitioners",
            summary="Workers building Psychologically Informed Environments (PIE) together.",
            purpose="<p>Members bring a situation from their service and think it through.</p>",
            who_it_is_for="<p>Anyone working in hostels or day centres.</p>",
            meeting_pattern="Every other month, Tuesday mornings, online",
            how_to_join="<p>Email the PDU team and ask to join the PIE group.</p>",
            facilitator=cls.facilitator,
        )
        cls.other_community = make_community(cls.workstream, "Trauma Informed Care")

    # Where it can be created ------------------------------------------------------------------

    def test_lives_only_in_a_workstream_and_holds_only_meeting_notes(self):
        self.assertAllowedParentPageTypes(CommunityOfPracticePage, {WorkstreamPage})
        self.assertAllowedSubpageTypes(CommunityOfPracticePage, {MeetingNotesPage})
        self.assertCanCreateAt(WorkstreamPage, CommunityOfPracticePage)
        self.assertCanNotCreateAt(WorkstreamIndexPage, CommunityOfPracticePage)
        self.assertCanNotCreateAt(HomePage, CommunityOfPracticePage)
        self.assertCanNotCreateAt(CommunityOfPracticePage, CommunityOfPracticePage)

    # What it shows ----------------------------------------------------------------------------

    def test_renders_its_content(self):
        html = get_html(self.client, self.community)

        self.assertEqual(html.h1.get_text(strip=True), "PIE practitioners")
        self.assertEqual(html.h1["class"], ["page-title"])
        intro = html.select_one(".page-intro")
        self.assertIn("Psychologically Informed Environments (PIE)", intro.get_text())
        self.assertEqual(
            intro.find("a", string="Psychologically Informed Approaches")["href"],
            self.workstream.url,
        )
        details = {
            dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
            for dt in html.select(".meta-list dt")
        }
        self.assertEqual(
            details,
            {
                "When it meets": "Every other month, Tuesday mornings, online",
                "Facilitator": "Priya Shah",
            },
        )
        self.assertIn("bring a situation", section(html, "What it is for").get_text())
        self.assertIn("hostels or day centres", section(html, "Who it is for").get_text())
        self.assertIn("ask to join the PIE group", section(html, "How to join").get_text())
        assert_headings_in_order(html)

    def test_never_shows_the_facilitators_email_address(self):
        content = self.client.get(self.community.url).content.decode()
        self.assertNotIn("priya.shah@example.org", content)

        nameless = User.objects.create_user("nameless@example.org", is_staff=True)
        self.other_community.facilitator = nameless
        self.other_community.save_revision().publish()
        html = get_html(self.client, self.other_community)

        self.assertNotIn("nameless@example.org", str(html))
        self.assertNotIn("Facilitator", [dt.get_text(strip=True) for dt in html.select("dt")])

    def test_lists_its_upcoming_meetings_and_recent_past_ones(self):
        events = make_event_index(self.home)
        make_event(events, "June meeting", days_from_now=60, community=self.community)
        make_event(events, "April meeting", days_from_now=5, community=self.community)
        for months_ago in range(1, 7):
            make_event(
                events,
                f"Meeting {months_ago} months ago",
                days_from_now=-30 * months_ago,
                community=self.community,
            )
        make_draft(make_event(events, "Draft meeting", community=self.community))
        make_private(make_event(events, "Members-only meeting", community=self.community))
        make_event(events, "Trauma Informed Care meeting", community=self.other_community)

        html = get_html(self.client, self.community)

        upcoming = section(html, "Upcoming meetings and events")
        self.assertEqual(card_titles(upcoming), ["April meeting", "June meeting"])
        self.assertIn("Community of Practice meeting", upcoming.get_text())
        past = section(html, "Recent meetings")
        self.assertEqual(card_titles(past), [f"Meeting {n} months ago" for n in range(1, 6)])
        self.assertNotIn("Meeting 1 months ago", card_titles(upcoming))
        assert_headings_in_order(html)

    def test_an_event_that_has_started_but_not_ended_is_still_upcoming(self):
        events = make_event_index(self.home)
        # make_event's events last two hours: one that started an hour ago is still going on.
        make_event(events, "Meeting now", days_from_now=-1 / 24, community=self.community)

        html = get_html(self.client, self.community)

        self.assertEqual(
            card_titles(section(html, "Upcoming meetings and events")), ["Meeting now"]
        )
        self.assertIsNone(html.main.find("h2", string="Recent meetings"))

    def test_says_so_when_no_meetings_are_planned(self):
        events = make_event_index(self.home)

        html = get_html(self.client, self.community)

        empty = section(html, "Upcoming meetings and events").select_one(".empty-state")
        self.assertIn("No upcoming meetings", empty.get_text())
        self.assertEqual(empty.a["href"], events.url)
        self.assertIsNone(html.main.find("h2", string="Recent meetings"))

    def test_listing_more_meetings_costs_no_more_queries(self):
        events = make_event_index(self.home)
        make_event(events, "Next meeting", community=self.community)
        make_event(events, "Last meeting", days_from_now=-30, community=self.community)
        self.client.get(self.community.url)

        with CaptureQueriesContext(connection) as few:
            self.client.get(self.community.url)
        for n in range(3):
            make_event(events, f"Meeting {n}", days_from_now=40 + n, community=self.community)
            make_event(events, f"Old meeting {n}", days_from_now=-40 - n, community=self.community)
        with CaptureQueriesContext(connection) as many:
            self.client.get(self.community.url)

        self.assertEqual(len(many), len(few))

    # In the admin -----------------------------------------------------------------------------

    def form_data(self, **overrides):
        data = {
            "title": "Housing First workers",
            "slug": "housing-first-workers",
            "summary": "Housing First workers from across the city sharing what works.",
            "purpose": rich_text("<p>Peer support and problem solving.</p>"),
            "who_it_is_for": rich_text("<p>Housing First support workers.</p>"),
            "meeting_pattern": "Monthly, first Thursday afternoon, in person",
            "how_to_join": rich_text("<p>Ask your manager to email the PDU team.</p>"),
            "facilitator": str(self.facilitator.pk),
            "body": streamfield([]),
            "action-publish": "action-publish",
        }
        data.update(overrides)
        return nested_form_data(data)

    def post_new_community(self, **overrides):
        self.client.force_login(self.admin)
        return self.client.post(
            f"/admin/pages/add/workstreams/communityofpracticepage/{self.workstream.pk}/",
            self.form_data(**overrides),
        )

    def test_is_renderable_editable_and_previewable(self):
        self.assertPageIsRenderable(self.community)
        edit = self.form_data(title=self.community.title, slug=self.community.slug)
        self.assertPageIsEditable(self.community, post_data=edit, user=self.admin)
        self.assertPageIsPreviewable(self.community, post_data=edit, user=self.admin)

    def test_an_administrator_creates_and_publishes_one_through_the_admin(self):
        response = self.post_new_community()
        self.assertEqual(response.status_code, 302)

        page = CommunityOfPracticePage.objects.get(slug="housing-first-workers")
        self.assertTrue(page.live)
        self.assertEqual(page.facilitator, self.facilitator)
        self.assertEqual(page.get_parent().specific, self.workstream)
        self.client.logout()
        html = get_html(self.client, page)
        self.assertEqual(html.h1.get_text(strip=True), "Housing First workers")
        self.assertIn("Monthly, first Thursday afternoon", html.select_one(".meta-list").get_text())
        self.assertIn("Ask your manager", section(html, "How to join").get_text())
        self.assertIn("Housing First workers", card_titles(get_html(self.client, self.workstream)))

    def test_the_admin_refuses_one_without_a_meeting_pattern(self):
        response = self.post_new_community(meeting_pattern="")
        self.assertEqual(response.status_code, 200)
        self.assertIn("meeting_pattern", response.context["form"].errors)
        self.assertFalse(
            CommunityOfPracticePage.objects.filter(slug="housing-first-workers").exists()
        )

    def test_the_admin_refuses_one_without_how_to_join(self):
        response = self.post_new_community(how_to_join="null")  # an empty Draftail editor
        self.assertEqual(response.status_code, 200)
        self.assertIn("how_to_join", response.context["form"].errors)
        self.assertFalse(
            CommunityOfPracticePage.objects.filter(slug="housing-first-workers").exists()
        )
