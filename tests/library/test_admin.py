"""Editors create library pages and terms through the admin's real forms."""

from bs4 import BeautifulSoup
from wagtail.test.utils import WagtailPageTestCase

from library.models import (
    EvaluationIndexPage,
    EvaluationReportPage,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
)
from members.models import User
from tests.site_tree import english_home

from .admin_forms import evaluation_report_form_data, index_form_data, resource_form_data
from .factories import (
    PDF_BYTES,
    AudienceFactory,
    EvaluationIndexPageFactory,
    PersonFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    TopicFactory,
    WorkstreamIndexPageFactory,
    WorkstreamPageFactory,
    make_document,
)


def add_url(model, parent):
    return f"/admin/pages/add/library/{model._meta.model_name}/{parent.pk}/"


def error_text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


class AdminCreatesLibraryPagesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = english_home()
        cls.admin = User.objects.create_superuser("admin@example.org", "a-long-admin-password")

    def setUp(self):
        self.client.force_login(self.admin)

    def post(self, model, parent, data):
        return self.client.post(add_url(model, parent), data)

    def test_creates_and_publishes_the_resource_library(self):
        response = self.post(
            ResourceIndexPage,
            self.home,
            index_form_data(
                title="Resource library",
                slug="resources",
                introduction="Everything the PDU has gathered.",
            ),
        )

        self.assertEqual(response.status_code, 302)
        index = ResourceIndexPage.objects.get(slug="resources")
        self.assertTrue(index.live)
        self.client.logout()
        self.assertContains(self.client.get(index.url), "Everything the PDU has gathered.")

    def test_a_second_resource_library_under_the_same_home_is_refused(self):
        ResourceIndexPageFactory(parent=self.home)
        response = self.post(
            ResourceIndexPage,
            self.home,
            index_form_data(title="Another library", slug="another-library"),
        )
        # The admin turns the request away (a redirect with a message) and creates nothing.
        self.assertFalse(ResourceIndexPage.objects.filter(slug="another-library").exists())
        self.assertEqual(ResourceIndexPage.objects.count(), 1)
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)

    def test_creates_and_publishes_a_resource_with_everything_attached(self):
        index = ResourceIndexPageFactory(parent=self.home)
        workstream = WorkstreamPageFactory(
            parent=WorkstreamIndexPageFactory(parent=self.home), title="Substance Misuse"
        )
        related = ResourcePageFactory(parent=index, title="Understanding NPS")
        lee = PersonFactory(name="Lee", lived_experience=True)
        topic = TopicFactory(name="New psychoactive substances")
        audience = AudienceFactory(name="Volunteers")
        document = make_document("Spice and its effects", filename="spice.pdf")

        response = self.post(
            ResourcePage,
            index,
            resource_form_data(
                title="Spice in hostels",
                resource_type=ResourceTypeFactory(name="Guide"),
                publication_year=2019,
                topics=[topic],
                audiences=[audience],
                workstreams=[workstream],
                authors=[lee],
                documents=[document],
                related=[related],
            ),
        )

        self.assertEqual(response.status_code, 302, error_text(response))
        page = ResourcePage.objects.get(slug="spice-in-hostels")
        self.assertTrue(page.live)
        self.assertEqual(list(page.topics.all()), [topic])
        self.assertEqual(list(page.audiences.all()), [audience])
        self.assertEqual(list(page.workstreams.all()), [workstream])
        self.assertEqual([a.person for a in page.authors.all()], [lee])
        self.assertEqual([d.document for d in page.documents.all()], [document])
        self.assertEqual([r.resource for r in page.related_resources.all()], [related])

        self.client.logout()
        html = BeautifulSoup(self.client.get(page.url).content, "html.parser")
        self.assertEqual(html.h1.get_text(strip=True), "Spice in hostels")
        self.assertIn("Made with people who use hostels.", html.main.get_text())
        self.assertIn("Contributor with lived experience", html.main.get_text())
        self.assertEqual(html.select_one(".document-list__link")["href"], document.url)
        self.assertEqual(b"".join(self.client.get(document.url).streaming_content), PDF_BYTES)

    def test_refuses_a_publication_year_in_the_future(self):
        index = ResourceIndexPageFactory(parent=self.home)
        response = self.post(
            ResourcePage,
            index,
            resource_form_data(
                title="From the future",
                resource_type=ResourceTypeFactory(name="Report"),
                publication_year=2099,
            ),
        )

        self.assertEqual(response.status_code, 200)
        self.assertIn("The year cannot be in the future.", error_text(response))
        self.assertFalse(ResourcePage.objects.filter(slug="from-the-future").exists())

    def test_creates_and_publishes_the_evaluation_index(self):
        response = self.post(
            EvaluationIndexPage,
            self.home,
            index_form_data(title="Evaluation", slug="evaluation"),
        )
        self.assertEqual(response.status_code, 302)
        index = EvaluationIndexPage.objects.get(slug="evaluation")
        self.assertTrue(index.live)
        self.assertEqual(self.client.get(index.url).status_code, 200)

    def test_creates_and_publishes_an_evaluation_report(self):
        index = EvaluationIndexPageFactory(parent=self.home)
        report_file = make_document("First evaluation report", filename="evaluation-2019.pdf")

        response = self.post(
            EvaluationReportPage,
            index,
            evaluation_report_form_data(
                title="First evaluation",
                figures=[("80", "learning events"), ("7", "Communities of Practice")],
                documents=[report_file],
            ),
        )

        self.assertEqual(response.status_code, 302, error_text(response))
        report = EvaluationReportPage.objects.get(slug="first-evaluation")
        self.assertTrue(report.live)
        self.client.logout()
        html = BeautifulSoup(self.client.get(report.url).content, "html.parser")
        self.assertEqual(html.h1.get_text(strip=True), "First evaluation")
        figures = [li.get_text(" ", strip=True) for li in html.select(".headline-figures__item")]
        self.assertEqual(figures, ["80 learning events", "7 Communities of Practice"])
        self.assertIn("October 2017 to January 2019", html.main.get_text(" ", strip=True))

    def test_refuses_a_period_that_ends_before_it_starts(self):
        index = EvaluationIndexPageFactory(parent=self.home)
        response = self.post(
            EvaluationReportPage,
            index,
            evaluation_report_form_data(
                title="Backwards evaluation", period_start="2021-06-01", period_end="2020-01-31"
            ),
        )

        self.assertEqual(response.status_code, 200)
        self.assertIn("The end of the period must be on or after its start.", error_text(response))
        self.assertFalse(EvaluationReportPage.objects.exists())


class AdminCreatesResourceTypesTests(WagtailPageTestCase):
    def test_an_administrator_adds_a_resource_type(self):
        admin = User.objects.create_superuser("admin@example.org", "a-long-admin-password")
        self.client.force_login(admin)

        response = self.client.post(
            "/admin/snippets/library/resourcetype/add/",
            {
                "name": "Podcast",
                "slug": "podcast",
                "description": "Audio recordings to listen to.",
            },
        )

        self.assertEqual(response.status_code, 302, error_text(response))
        podcast = ResourceType.objects.get(slug="podcast")
        self.assertEqual(podcast.name, "Podcast")
        self.assertEqual(podcast.locale.language_code, "en-gb")
