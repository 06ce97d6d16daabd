from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import HomePage, StandardPage
from members.models import User
from tests.site_tree import english_home


class HomePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = english_home()
        cls.admin = User.objects.create_superuser("admin@example.org", "a-long-admin-password")

    def test_migrate_makes_the_home_page_the_default_sites_root(self):
        response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "home/home_page.html")
        self.assertEqual(response.context["page"], self.home)

    def test_renders_title_and_introduction_in_the_base_layout(self):
        self.home.introduction = "People from many services learning together."
        self.home.save_revision().publish()
        html = BeautifulSoup(self.client.get("/").content, "html.parser")

        self.assertEqual(html.html["lang"], "en-gb")
        self.assertEqual(html.html["dir"], "ltr")
        self.assertEqual(html.h1.get_text(strip=True), self.home.title)
        self.assertIn("People from many services learning together.", html.main.get_text())
        # The skip link is the first link on the page and points at the main landmark.
        skip_link = html.find("a")
        self.assertEqual(skip_link["href"], "#main-content")
        self.assertEqual(html.find(id="main-content").name, "main")
        self.assertIsNotNone(html.find("header"))
        self.assertIsNotNone(html.find("footer"))

    def test_lists_featured_workstreams_upcoming_events_and_latest_resources(self):
        from tests.home.content import make_event, make_resource, make_workstream

        workstream = make_workstream(self.home, "Housing First and Homelessness")
        self.home.featured_workstreams.create(workstream=workstream)
        self.home.join_page = self.home.add_child(instance=StandardPage(title="Get involved"))
        self.home.save_revision().publish()
        make_event(self.home, "What makes a good hostel?", days_from_now=-30)
        make_event(self.home, "Trauma Informed Care in hostels", days_from_now=7)
        make_resource(self.home, "Housing First toolkit")

        html = BeautifulSoup(self.client.get("/").content, "html.parser")

        sections = {s.h2.get_text(strip=True): s for s in html.main.find_all("section")}
        self.assertEqual(
            list(sections), ["Our workstreams", "Coming up", "New in the resource library"]
        )
        self.assertIn(workstream.title, sections["Our workstreams"].get_text())
        self.assertIn("Trauma Informed Care in hostels", sections["Coming up"].get_text())
        self.assertNotIn("What makes a good hostel?", sections["Coming up"].get_text())
        self.assertIn("Housing First toolkit", sections["New in the resource library"].get_text())
        join = html.find(id="join-heading").find_parent("aside")
        self.assertEqual(join.find("a").get_text(strip=True), "Find out how to join")

    def test_query_count_does_not_grow_with_the_items_listed(self):
        from tests.home.content import make_event, make_resource

        make_event(self.home, "First event", days_from_now=3)
        make_resource(self.home, "First resource")
        self.client.get("/")  # fills per-process caches (site, content types)
        with CaptureQueriesContext(connection) as with_one_each:
            self.client.get("/")
        for number in range(2, 5):
            make_event(self.home, f"Event {number}", days_from_now=3 + number)
            make_resource(self.home, f"Resource {number}")
        with CaptureQueriesContext(connection) as with_several:
            self.client.get("/")
        self.assertEqual(len(with_several), len(with_one_each))

    def test_is_created_only_at_the_root_of_the_tree(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        # One home page per language, each at the top of the tree.
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_is_renderable_editable_and_previewable(self):
        self.assertPageIsRenderable(self.home)
        self.assertPageIsEditable(self.home, user=self.admin)
        self.assertPageIsPreviewable(self.home, user=self.admin)

    def test_an_administrator_publishes_a_change_through_the_admin(self):
        self.client.force_login(self.admin)
        response = self.client.post(
            f"/admin/pages/{self.home.pk}/edit/",
            nested_form_data(
                {
                    "title": self.home.title,
                    "slug": self.home.slug,
                    "introduction": "Learning together across Nottingham.",
                    "featured_workstreams": inline_formset([]),
                    "action-publish": "action-publish",
                }
            ),
        )
        self.assertEqual(response.status_code, 302)
        self.client.logout()
        self.assertContains(self.client.get("/"), "Learning together across Nottingham.")

    def test_unknown_page_gets_the_sites_own_404(self):
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Page not found", status_code=404)
        self.assertContains(response, 'href="#main-content"', status_code=404)


def test_server_error_page_renders_without_the_database(rf):
    from django.views.defaults import server_error

    # No django_db mark: pytest-django raises if rendering touches the database at all.
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the site" in response.content
    assert b'lang="en-gb"' in response.content
