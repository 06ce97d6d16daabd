import datetime

from bs4 import BeautifulSoup
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from library.models import EvaluationIndexPage, EvaluationReportDocument, EvaluationReportPage
from members.models import User
from tests.site_tree import english_home

from .admin_forms import evaluation_report_form_data
from .factories import (
    PDF_BYTES,
    EvaluationIndexPageFactory,
    EvaluationReportPageFactory,
    make_document,
)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class EvaluationIndexPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = english_home()
        cls.admin = User.objects.create_superuser("admin@example.org", "a-long-admin-password")

    def test_lives_once_under_the_home_page_and_holds_only_reports(self):
        self.assertAllowedParentPageTypes(EvaluationIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EvaluationIndexPage, {EvaluationReportPage})
        self.assertCanCreateAt(HomePage, EvaluationIndexPage)
        self.assertCanNotCreateAt(Page, EvaluationIndexPage)
        self.assertCanNotCreateAt(EvaluationIndexPage, EvaluationIndexPage)

        self.assertTrue(EvaluationIndexPage.can_create_at(self.home))
        EvaluationIndexPageFactory(parent=self.home)
        self.assertFalse(EvaluationIndexPage.can_create_at(self.home))

    def test_is_renderable_editable_and_previewable(self):
        index = EvaluationIndexPageFactory(parent=self.home)
        self.assertPageIsRenderable(index)
        self.assertPageIsEditable(index, user=self.admin)
        self.assertPageIsPreviewable(index, user=self.admin)

    def test_lists_live_reports_most_recently_published_first(self):
        index = EvaluationIndexPageFactory(
            parent=self.home, introduction="Independent evaluators looked at our work."
        )
        EvaluationReportPageFactory(
            parent=index, title="First evaluation", published=datetime.date(2019, 2, 15)
        )
        EvaluationReportPageFactory(
            parent=index, title="Second evaluation", published=datetime.date(2021, 11, 30)
        )
        EvaluationReportPageFactory(
            parent=index, title="Draft evaluation", published=datetime.date(2025, 1, 1), live=False
        )

        response = self.client.get(index.url)

        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "library/evaluation_index_page.html")
        html = soup(response)
        self.assertEqual(len(html.find_all("h1")), 1)
        self.assertEqual(html.h1.get_text(strip=True), "Evaluation")
        self.assertIn("Independent evaluators looked at our work.", html.main.get_text())
        cards = html.select(".card-list .card")
        self.assertEqual(
            [card.h2.get_text(strip=True) for card in cards],
            ["Second evaluation", "First evaluation"],
        )
        self.assertEqual(cards[0].select_one(".card__meta").get_text(), "Published November 2021")

    def test_an_empty_index_says_so(self):
        index = EvaluationIndexPageFactory(parent=self.home)
        html = soup(self.client.get(index.url))
        self.assertIsNotNone(html.select_one(".empty-state"))


class EvaluationReportPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = english_home()
        cls.admin = User.objects.create_superuser("admin@example.org", "a-long-admin-password")
        cls.index = EvaluationIndexPageFactory(parent=cls.home)
        cls.report_file = make_document("Evaluation report 2019", filename="evaluation-2019.pdf")
        cls.report = EvaluationReportPageFactory(
            parent=cls.index,
            title="Evaluation of the first fifteen months",
            summary="How the programme changed practice in its first fifteen months.",
            evaluator="Centre for social inclusion",
            period_start=datetime.date(2017, 10, 1),
            period_end=datetime.date(2019, 1, 31),
            published=datetime.date(2019, 2, 15),
            key_findings="<ul><li>Workers now phone each other before they refer.</li></ul>",
            headline_figures=[
                ("figure", {"figure": "40", "label": "learning events"}),
                ("figure", {"figure": "7", "label": "Communities of Practice"}),
            ],
            documents=[EvaluationReportDocument(document=cls.report_file)],
            body=[("paragraph", "<p>The evaluators interviewed forty workers.</p>")],
        )

    def test_lives_only_under_the_evaluation_index(self):
        self.assertAllowedParentPageTypes(EvaluationReportPage, {EvaluationIndexPage})
        self.assertAllowedSubpageTypes(EvaluationReportPage, set())
        self.assertCanCreateAt(EvaluationIndexPage, EvaluationReportPage)
        self.assertCanNotCreateAt(HomePage, EvaluationReportPage)

    def test_is_renderable_editable_and_previewable(self):
        self.assertPageIsRenderable(self.report)
        form_data = evaluation_report_form_data(
            title=self.report.title,
            figures=[("40", "learning events")],
            documents=[self.report_file],
            publish=False,
        )
        form_data["slug"] = self.report.slug
        self.assertPageIsEditable(self.report, post_data=form_data, user=self.admin)
        self.assertPageIsPreviewable(self.report, post_data=form_data, user=self.admin)

    def test_shows_the_evaluation_in_plain_words(self):
        response = self.client.get(self.report.url)
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "library/evaluation_report_page.html")
        html = soup(response)

        self.assertEqual(len(html.find_all("h1")), 1)
        self.assertEqual(html.h1.get_text(strip=True), "Evaluation of the first fifteen months")
        self.assertIn("first fifteen months", html.select_one(".lead").get_text())
        meta = {
            dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
            for dt in html.select("dl.meta-list > dt")
        }
        self.assertEqual(
            meta,
            {
                "Evaluated by": "Centre for social inclusion",
                "Period covered": "October 2017 to January 2019",
                "Published": "15 February 2019",
            },
        )
        self.assertEqual(html.select_one("dl.meta-list time")["datetime"], "2019-02-15")
        findings = html.find("h2", string="Key findings").parent
        self.assertIn("Workers now phone each other before they refer.", findings.get_text())
        self.assertIn("The evaluators interviewed forty workers.", html.main.get_text())

    def test_shows_the_headline_figures(self):
        html = soup(self.client.get(self.report.url))
        items = html.select(".headline-figures .headline-figures__item")
        self.assertEqual(
            [
                (
                    li.select_one(".headline-figures__figure").get_text(strip=True),
                    li.select_one(".headline-figures__label").get_text(strip=True),
                )
                for li in items
            ],
            [("40", "learning events"), ("7", "Communities of Practice")],
        )

    def test_offers_the_report_file_which_downloads(self):
        html = soup(self.client.get(self.report.url))
        item = html.select_one(".document-list__item")
        self.assertEqual(item.a.get_text(strip=True), "Evaluation report 2019")
        self.assertEqual(
            item.select_one(".document-list__meta").get_text(),
            f"(PDF, {len(PDF_BYTES)}\xa0bytes)",
        )

        response = self.client.get(item.a["href"])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), PDF_BYTES)

    def test_headings_go_in_order(self):
        html = soup(self.client.get(self.report.url))
        levels = [int(h.name[1]) for h in html.main.find_all(["h1", "h2", "h3", "h4"])]
        self.assertEqual(levels, [1, 2, 2, 2, 2])
