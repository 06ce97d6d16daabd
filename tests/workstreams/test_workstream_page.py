from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage
from members.models import User
from tests.site_tree import english_home
from workstreams.models import CommunityOfPracticePage, WorkstreamIndexPage, WorkstreamPage

from .factories import (
    make_community,
    make_draft,
    make_event,
    make_event_index,
    make_person,
    make_private,
    make_resource,
    make_resource_index,
    make_workstream,
    make_workstream_index,
)
from .helpers import assert_headings_in_order, card_titles, get_html, section


class WorkstreamPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = english_home()
        cls.admin = User.objects.create_superuser("admin@example.org", "a-long-admin-password")
        cls.index = make_workstream_index(cls.home)
        cls.lead = make_person("Dan Kowalski", role="Housing First coordinator")
        cls.workstream = make_workstream(
            cls.index,
            "Housing First and Homelessness",
            summary="How Nottingham's services house people first and support them to stay.",
            what_it_covers="<p>Hostels, tenancy sustainment and the Housing First model.</p>",
            who_it_is_for="<p>Housing workers, hostel staff and their managers.</p>",
            lead=cls.lead,
        )
        cls.other_workstream = make_workstream(cls.index, "Women's Complex Needs")

    # Where it can be created ------------------------------------------------------------------

    def test_lives_only_in_the_workstream_index_and_holds_only_communities(self):
        self.assertAllowedParentPageTypes(WorkstreamPage, {WorkstreamIndexPage})
        self.assertAllowedSubpageTypes(WorkstreamPage, {CommunityOfPracticePage})
        self.assertCanCreateAt(WorkstreamIndexPage, WorkstreamPage)
        self.assertCanNotCreateAt(HomePage, WorkstreamPage)
        self.assertCanNotCreateAt(WorkstreamPage, WorkstreamPage)

    # What it shows ----------------------------------------------------------------------------

    def test_renders_its_content_and_lead(self):
        html = get_html(self.client, self.workstream)

        self.assertEqual(html.h1.get_text(strip=True), "Housing First and Homelessness")
        self.assertEqual(html.h1["class"], ["page-title"])
        self.assertIn("house people first", html.select_one(".lead").get_text())
        self.assertIn("Hostels, tenancy sustainment", section(html, "What it covers").get_text())
        self.assertIn("Housing workers, hostel staff", section(html, "Who it is for").get_text())
        lead = section(html, "Who leads it")
        self.assertEqual(lead.select_one(".person__name").get_text(strip=True), "Dan Kowalski")
        self.assertIn("Housing First coordinator", lead.get_text())
        self.assertEqual(
            [h2.get_text(strip=True) for h2 in html.main.find_all("h2")],
            [
                "What it covers",
                "Who it is for",
                "Who leads it",
                "Communities of Practice",
                "Upcoming events",
                "Resources",
            ],
        )
        assert_headings_in_order(html)

    def test_leaves_out_the_lead_section_when_there_is_no_lead(self):
        html = get_html(self.client, self.other_workstream)
        self.assertIsNone(html.main.find("h2", string="Who leads it"))

    def test_renders_the_more_content_stream(self):
        self.workstream.body = [
            ("paragraph", "<h2>Our history</h2><p>Started in 2017.</p>"),
            ("content_note", {"text": "This section talks about rough sleeping."}),
        ]
        self.workstream.save_revision().publish()

        html = get_html(self.client, self.workstream)

        self.assertIn("Started in 2017.", html.main.get_text())
        self.assertIn("This section talks about rough sleeping.", html.main.get_text())
        assert_headings_in_order(html)

    def test_lists_its_live_public_communities_of_practice(self):
        make_community(self.workstream, "Housing First workers")
        make_community(self.workstream, "Hostel and supported housing managers")
        make_draft(make_community(self.workstream, "A draft community"))
        make_private(make_community(self.workstream, "A private community"))
        make_community(self.other_workstream, "Women's services")

        communities = section(get_html(self.client, self.workstream), "Communities of Practice")

        self.assertEqual(
            card_titles(communities),
            ["Housing First workers", "Hostel and supported housing managers"],
        )
        self.assertIsNotNone(communities.find("h3"))
        self.assertIn("Every other month", communities.get_text())

    def test_lists_its_next_five_live_public_events(self):
        events = make_event_index(self.home)
        for days in (30, 10, 20, 40, 50, 60):
            make_event(
                events, f"Event in {days} days", days_from_now=days, workstreams=[self.workstream]
            )
        make_event(events, "Last month's event", days_from_now=-30, workstreams=[self.workstream])
        make_draft(make_event(events, "Draft event", workstreams=[self.workstream]))
        make_private(make_event(events, "Members-only event", workstreams=[self.workstream]))
        make_event(events, "Another workstream's event", workstreams=[self.other_workstream])
        make_event(events, "An event in no workstream")

        upcoming = section(get_html(self.client, self.workstream), "Upcoming events")

        self.assertEqual(
            card_titles(upcoming),
            [f"Event in {days} days" for days in (10, 20, 30, 40, 50)],
        )
        self.assertEqual(len(upcoming.select("ul.card-list > li h3")), 5)
        self.assertEqual(upcoming.find("a", string="See all events")["href"], events.url)

    def test_says_so_when_no_events_are_coming_up(self):
        events = make_event_index(self.home)
        make_event(events, "Last month's event", days_from_now=-30, workstreams=[self.workstream])

        upcoming = section(get_html(self.client, self.workstream), "Upcoming events")

        empty = upcoming.select_one(".empty-state")
        self.assertIn("No upcoming events in this workstream yet", empty.get_text())
        self.assertEqual(empty.a["href"], events.url)
        self.assertEqual(card_titles(upcoming), [])

    def test_lists_its_six_newest_live_public_resources(self):
        library = make_resource_index(self.home)
        for year in range(2015, 2023):
            make_resource(
                library, f"Report from {year}", publication_year=year, workstreams=[self.workstream]
            )
        make_draft(
            make_resource(
                library, "Draft report", publication_year=2024, workstreams=[self.workstream]
            )
        )
        make_private(
            make_resource(
                library,
                "Members-only toolkit",
                publication_year=2024,
                workstreams=[self.workstream],
            )
        )
        make_resource(
            library,
            "Another workstream's report",
            publication_year=2024,
            workstreams=[self.other_workstream],
        )

        resources = section(get_html(self.client, self.workstream), "Resources")

        self.assertEqual(
            card_titles(resources), [f"Report from {year}" for year in range(2022, 2016, -1)]
        )
        self.assertIn("Report", resources.select_one(".card__meta").get_text())
        self.assertEqual(
            resources.find("a", string="Browse the resource library")["href"], library.url
        )

    def test_says_so_when_it_has_no_resources(self):
        library = make_resource_index(self.home)

        resources = section(get_html(self.client, self.workstream), "Resources")

        empty = resources.select_one(".empty-state")
        self.assertIn("No resources in this workstream yet", empty.get_text())
        self.assertEqual(empty.a["href"], library.url)

    def test_renders_without_events_or_library_pages(self):
        html = get_html(self.client, self.workstream)
        self.assertIsNone(section(html, "Upcoming events").select_one(".empty-state a"))
        self.assertIsNone(section(html, "Resources").select_one(".empty-state a"))

    def test_listing_more_items_costs_no_more_queries(self):
        events = make_event_index(self.home)
        library = make_resource_index(self.home)
        make_community(self.workstream, "Housing First workers")
        make_event(events, "First event", workstreams=[self.workstream])
        make_resource(library, "First report", workstreams=[self.workstream])
        self.client.get(self.workstream.url)  # warm caches (site root paths, etc.)

        with CaptureQueriesContext(connection) as few:
            self.client.get(self.workstream.url)
        make_community(self.workstream, "Hostel and supported housing managers")
        for n in range(4):
            make_event(events, f"More event {n}", workstreams=[self.workstream])
            make_resource(library, f"More report {n}", workstreams=[self.workstream])
        with CaptureQueriesContext(connection) as many:
            self.client.get(self.workstream.url)

        self.assertEqual(len(many), len(few))

    # In the admin -----------------------------------------------------------------------------

    def form_data(self, **overrides):
        """What the admin's page form posts (its JavaScript posts StreamField data this way)."""
        data = {
            "title": "Substance Misuse",
            "slug": "substance-misuse",
            "summary": "Alcohol, drugs and new psychoactive substances (NPS).",
            "what_it_covers": rich_text("<p>Harm reduction and <b>recovery</b>.</p>"),
            "who_it_is_for": rich_text("<p>Drug and alcohol workers.</p>"),
            "lead": str(self.lead.pk),
            "body": streamfield([("paragraph", rich_text("<p>Ask us about training.</p>"))]),
            "action-publish": "action-publish",
        }
        data.update(overrides)
        return nested_form_data(data)

    def post_new_workstream(self, **overrides):
        self.client.force_login(self.admin)
        return self.client.post(
            f"/admin/pages/add/workstreams/workstreampage/{self.index.pk}/",
            self.form_data(**overrides),
        )

    def test_is_renderable_editable_and_previewable(self):
        self.assertPageIsRenderable(self.workstream)
        edit = self.form_data(title=self.workstream.title, slug=self.workstream.slug)
        self.assertPageIsEditable(self.workstream, post_data=edit, user=self.admin)
        self.assertPageIsPreviewable(self.workstream, post_data=edit, user=self.admin)

    def test_an_administrator_creates_and_publishes_one_through_the_admin(self):
        response = self.post_new_workstream()
        self.assertEqual(response.status_code, 302)

        page = WorkstreamPage.objects.get(slug="substance-misuse")
        self.assertTrue(page.live)
        self.assertEqual(page.lead, self.lead)
        self.assertEqual(page.get_parent().specific, self.index)
        self.client.logout()
        html = get_html(self.client, page)
        self.assertEqual(html.h1.get_text(strip=True), "Substance Misuse")
        self.assertIn("recovery", section(html, "What it covers").get_text())
        self.assertIn("Ask us about training.", html.main.get_text())
        self.assertIn("Dan Kowalski", section(html, "Who leads it").get_text())

    def test_the_admin_refuses_one_without_a_summary(self):
        response = self.post_new_workstream(summary="")
        self.assertEqual(response.status_code, 200)
        self.assertIn("summary", response.context["form"].errors)
        self.assertFalse(WorkstreamPage.objects.filter(slug="substance-misuse").exists())

    def test_the_admin_refuses_one_without_who_it_is_for(self):
        # An empty Draftail editor posts "null".
        response = self.post_new_workstream(who_it_is_for="null")
        self.assertEqual(response.status_code, 200)
        self.assertIn("who_it_is_for", response.context["form"].errors)
        self.assertFalse(WorkstreamPage.objects.filter(slug="substance-misuse").exists())
