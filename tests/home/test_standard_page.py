import datetime

from bs4 import BeautifulSoup
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from get_involved.models import GetInvolvedFormPage
from home.models import HomePage, StandardPage
from members.models import User
from tests.site_tree import english_home


class StandardPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = english_home()
        cls.admin = User.objects.create_superuser("admin@example.org", "a-long-admin-password")

    def test_lives_under_the_home_page_or_another_general_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage, GetInvolvedFormPage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_renders_its_content_blocks(self):
        page = self.home.add_child(
            instance=StandardPage(
                title="Accessibility statement",
                introduction="How accessible this website is.",
                last_reviewed=datetime.date(2026, 11, 2),
                body=[
                    ("content_note", {"text": "This page mentions self-harm."}),
                    ("paragraph", RichText("<h2>Using this website</h2><p>Zoom to 400%.</p>")),
                    (
                        "quote",
                        {
                            "quote": "The event changed how our team works.",
                            "attribution": "Lee",
                            "lived_experience": True,
                        },
                    ),
                    (
                        "video",
                        {
                            "title": "What is Housing First?",
                            "url": "https://video.example.org/housing-first",
                            "captions": True,
                            "transcript": RichText("<p>Welcome to the webinar.</p>"),
                        },
                    ),
                    (
                        "details",
                        {"summary": "Older documents", "content": RichText("<p>Ask us.</p>")},
                    ),
                ],
            )
        )

        html = BeautifulSoup(self.client.get(page.url).content, "html.parser")
        main = html.main

        self.assertEqual([h1.get_text(strip=True) for h1 in html.find_all("h1")], [page.title])
        self.assertIn("How accessible this website is.", main.find(class_="lead").get_text())
        self.assertIn("This page mentions self-harm.", main.find(class_="content-note").get_text())
        self.assertEqual(main.find("h2").get_text(), "Using this website")
        quote = main.find(class_="quote")
        self.assertIn("Contributor with lived experience", quote.get_text())
        # Video is a plain link with its transcript: nothing is fetched from the video host.
        video_link = main.find(class_="video").find("a")
        self.assertEqual(video_link["href"], "https://video.example.org/housing-first")
        self.assertIn("Welcome to the webinar.", main.find(class_="video").details.get_text())
        summaries = [summary.get_text() for summary in main.find_all("summary")]
        self.assertEqual(summaries, ["Read the transcript", "Older documents"])
        self.assertIn("last reviewed on 2 November 2026", main.get_text())

    def test_lists_its_live_sub_pages(self):
        parent = self.home.add_child(instance=StandardPage(title="Get involved"))
        parent.add_child(instance=StandardPage(title="Speak at an event", introduction="Share."))
        draft = parent.add_child(instance=StandardPage(title="Draft page"))
        draft.unpublish()

        main = BeautifulSoup(self.client.get(parent.url).content, "html.parser").main

        self.assertEqual(
            [h3.get_text(strip=True) for h3 in main.find_all("h3")], ["Speak at an event"]
        )

    def test_an_administrator_creates_one_through_the_admin(self):
        self.client.force_login(self.admin)
        response = self.client.post(
            f"/admin/pages/add/home/standardpage/{self.home.pk}/",
            nested_form_data(
                {
                    "title": "Privacy notice",
                    "slug": "privacy",
                    "introduction": "What we keep and why.",
                    "body": streamfield(
                        [("paragraph", rich_text("<h2>What we collect</h2><p>Your name.</p>"))]
                    ),
                    "last_reviewed": "2026-11-01",
                    "action-publish": "action-publish",
                }
            ),
        )

        self.assertEqual(response.status_code, 302)
        page = StandardPage.objects.get(slug="privacy")
        self.assertTrue(page.live)
        self.client.logout()
        self.assertContains(self.client.get(page.url), "What we collect")

    def test_the_admin_explains_a_broken_call_to_action(self):
        self.client.force_login(self.admin)
        response = self.client.post(
            f"/admin/pages/add/home/standardpage/{self.home.pk}/",
            nested_form_data(
                {
                    "title": "Join us",
                    "slug": "join-us",
                    "body": streamfield(
                        [
                            (
                                "call_to_action",
                                {"heading": "Join", "text": "", "link_text": "Join the hub"},
                            )
                        ]
                    ),
                    "action-publish": "action-publish",
                }
            ),
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Choose a page or a web address.")
        self.assertFalse(StandardPage.objects.filter(slug="join-us").exists())
