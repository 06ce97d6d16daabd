from bs4 import BeautifulSoup
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import HomePage
from members.models import User


class HomePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(depth=2)
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

    def test_navigation_lists_live_menu_pages_only(self):
        shown = self.home.add_child(instance=Page(title="About the PDU", show_in_menus=True))
        self.home.add_child(instance=Page(title="Hidden page", show_in_menus=False))
        draft = self.home.add_child(instance=Page(title="Draft page", show_in_menus=True))
        draft.unpublish()

        nav = BeautifulSoup(self.client.get("/").content, "html.parser").find("nav")

        self.assertEqual(nav["aria-label"], "Main")
        self.assertEqual([a.get_text(strip=True) for a in nav.find_all("a")], [shown.title])

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
