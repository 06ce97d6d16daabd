from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data

from home.models import HomePage, StandardPage
from members.models import User
from tests.site_tree import english_home
from workstreams.models import CommunityOfPracticePage, WorkstreamIndexPage, WorkstreamPage

from .factories import make_draft, make_private, make_workstream, make_workstream_index
from .helpers import assert_headings_in_order, card_titles, get_html


class WorkstreamIndexPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = english_home()
        cls.admin = User.objects.create_superuser("admin@example.org", "a-long-admin-password")

    def test_lives_only_under_the_home_page_and_holds_only_workstreams(self):
        self.assertAllowedParentPageTypes(WorkstreamIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(WorkstreamIndexPage, {WorkstreamPage})
        self.assertCanCreateAt(HomePage, WorkstreamIndexPage)
        self.assertCanNotCreateAt(StandardPage, WorkstreamIndexPage)
        self.assertCanNotCreateAt(WorkstreamIndexPage, CommunityOfPracticePage)

    def test_there_is_one_per_home_page(self):
        self.assertTrue(WorkstreamIndexPage.can_create_at(self.home))
        make_workstream_index(self.home)
        self.assertFalse(WorkstreamIndexPage.can_create_at(self.home))

    def test_lists_live_public_workstreams_in_tree_order(self):
        index = make_workstream_index(self.home, introduction="The themes we learn about.")
        make_workstream(index, "Women's Complex Needs")
        make_workstream(index, "Housing First and Homelessness")
        make_draft(make_workstream(index, "A draft workstream"))
        make_private(make_workstream(index, "A members-only workstream"))

        html = get_html(self.client, index)

        self.assertEqual(html.h1.get_text(strip=True), "Workstreams")
        self.assertEqual(html.h1["class"], ["page-title"])
        self.assertIn("The themes we learn about.", html.select_one(".lead").get_text())
        cards = html.main.select("ul.card-list > li")
        self.assertEqual(
            card_titles(html.main), ["Women's Complex Needs", "Housing First and Homelessness"]
        )
        self.assertEqual(len(cards), 2)
        # Directly under the h1, each workstream's card is a section of its own.
        self.assertEqual(cards[0].find("h2").a["href"], "/workstreams/womens-complex-needs/")
        self.assertIn("Learning together about women's complex needs.", cards[0].get_text())
        assert_headings_in_order(html)

    def test_says_so_when_there_are_no_workstreams(self):
        index = make_workstream_index(self.home)
        html = get_html(self.client, index)
        self.assertIsNotNone(html.main.select_one(".empty-state"))
        self.assertEqual(html.main.select(".card"), [])

    def test_is_renderable_editable_and_previewable(self):
        index = make_workstream_index(self.home)
        self.assertPageIsRenderable(index)
        self.assertPageIsEditable(index, user=self.admin)
        self.assertPageIsPreviewable(index, user=self.admin)

    def test_an_administrator_creates_and_publishes_one_through_the_admin(self):
        self.client.force_login(self.admin)
        response = self.client.post(
            f"/admin/pages/add/workstreams/workstreamindexpage/{self.home.pk}/",
            nested_form_data(
                {
                    "title": "Our workstreams",
                    "slug": "workstreams",
                    "introduction": "Six themes, chosen by the people who come to our events.",
                    "action-publish": "action-publish",
                }
            ),
        )
        self.assertEqual(response.status_code, 302)

        page = WorkstreamIndexPage.objects.get(slug="workstreams")
        self.assertTrue(page.live)
        self.assertEqual(page.get_parent().specific, self.home)
        self.client.logout()
        self.assertContains(
            self.client.get(page.url), "Six themes, chosen by the people who come to our events."
        )

    def test_the_admin_refuses_one_without_a_title(self):
        self.client.force_login(self.admin)
        response = self.client.post(
            f"/admin/pages/add/workstreams/workstreamindexpage/{self.home.pk}/",
            nested_form_data(
                {"title": "", "slug": "workstreams", "action-publish": "action-publish"}
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("title", response.context["form"].errors)
        self.assertFalse(WorkstreamIndexPage.objects.exists())
