"""The library's demo content: enough realistic resources to explore, with real PDF files."""

from collections import Counter

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client, TestCase
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, Revision

from editorial.roles import MEMBERS
from home.demo import build_people
from library import demo
from library.demo_content import RESOURCE_TYPES, RESOURCES
from library.demo_members_only import MEMBERS_ONLY_RESOURCES
from library.models import (
    Audience,
    EvaluationReportPage,
    RelatedResource,
    ResourceAuthor,
    ResourceDocument,
    ResourcePage,
    ResourceType,
    Topic,
)
from members.models import User
from members.restrictions import MEMBERS_ONLY_COLLECTION, members_only_page_ids
from tests.site_tree import english_home

from .factories import WorkstreamIndexPageFactory, WorkstreamPageFactory

WORKSTREAM_SLUGS = [
    "psychologically-informed-approaches",
    "service-user-involvement",
    "housing-first-and-homelessness",
    "womens-complex-needs",
    "substance-misuse",
    "race-ethnicity-and-culture",
]


def make_workstreams(home):
    index = WorkstreamIndexPageFactory(parent=home)
    return {slug: WorkstreamPageFactory(parent=index, slug=slug) for slug in WORKSTREAM_SLUGS}


def read(document):
    with document.open_file() as handle:
        return handle.read()


def build_demo():
    home = english_home()
    return demo.build(home, build_people(), make_workstreams(home))


class LibraryDemoContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.built = build_demo()
        cls.resources = cls.built["resources"]

    def test_returns_the_pages_it_made(self):
        self.assertEqual(self.built["resource_index"].slug, "resources")
        self.assertEqual(self.built["evaluation_index"].slug, "evaluation")
        self.assertEqual(
            set(self.resources),
            {item.slug for item in (*RESOURCES, *MEMBERS_ONLY_RESOURCES)},
        )
        for page in [*self.resources.values(), *self.built["evaluations"].values()]:
            self.assertTrue(page.live, page)

    def test_makes_a_library_worth_exploring(self):
        pages = ResourcePage.objects.live()
        self.assertGreaterEqual(pages.count(), 40)
        self.assertEqual(
            set(pages.values_list("resource_type__slug", flat=True)), set(RESOURCE_TYPES)
        )
        self.assertEqual(
            set(pages.values_list("workstreams__slug", flat=True)) - {None}, set(WORKSTREAM_SLUGS)
        )
        languages = set(pages.values_list("material_language", flat=True))
        self.assertLessEqual({"en", "pl", "ur", "ro", "ar"}, languages)
        years = set(pages.values_list("publication_year", flat=True))
        self.assertEqual(years, set(range(2017, 2027)))
        self.assertGreaterEqual(pages.filter(resource_type__slug="e-learning-module").count(), 3)
        self.assertGreaterEqual(Topic.objects.count(), 12)
        self.assertGreaterEqual(Audience.objects.count(), 5)
        self.assertEqual(ResourceType.objects.count(), 7)
        self.assertGreaterEqual(RelatedResource.objects.count(), 10)

    def test_credits_authors_including_people_with_lived_experience(self):
        authors = ResourceAuthor.objects.select_related("person")
        self.assertGreaterEqual(authors.values("page").distinct().count(), 40)
        self.assertTrue(authors.filter(person__lived_experience=True).exists())

    def test_most_resources_have_real_pdf_files_with_searchable_text(self):
        with_files = ResourcePage.objects.filter(documents__isnull=False).distinct()
        self.assertGreater(with_files.count(), len(RESOURCES) * 0.6)

        documents = get_document_model().objects.all()
        self.assertGreaterEqual(documents.count(), with_files.count())
        for document in documents:
            with self.subTest(document=document.title):
                data = read(document)
                self.assertTrue(data.startswith(b"%PDF-"))
                self.assertTrue(data.rstrip().endswith(b"%%EOF"))
                self.assertEqual(document.file_extension, "pdf")
                self.assertEqual(document.file_size, len(data))
                # Uncompressed: the title's first words are there to be read.
                opening = " ".join(document.title.split()[:3]).encode("latin-1")
                self.assertIn(opening, data)

    def test_pdfs_carry_the_resources_own_words(self):
        tenancy = self.resources["keeping-a-tenancy-toolkit"].documents.first().document
        self.assertIn(b"cuckooing", read(tenancy))
        hoarding = self.resources["hoarding-guide"].documents.first().document
        self.assertIn(b"clutter image rating", read(hoarding))
        toolkit = self.resources["building-a-pie-toolkit"]
        self.assertEqual(toolkit.documents.count(), 2)

    def test_videos_and_podcasts_are_links_not_embeds(self):
        for page in ResourcePage.objects.filter(resource_type__slug__in=["video", "podcast"]):
            with self.subTest(page=page.slug):
                videos = [block for block in page.body if block.block_type == "video"]
                self.assertTrue(page.external_url or videos)
                for block in videos:
                    self.assertTrue(block.value["url"].startswith("https://"))

    def test_every_resource_page_renders(self):
        member = User.objects.create_user("member@example.org", "a-long-test-password")
        member.groups.add(Group.objects.get(name=MEMBERS))
        member_client = Client()
        member_client.force_login(member)
        pages = list(ResourcePage.objects.live())
        members_only = members_only_page_ids(pages)
        self.assertEqual(len(members_only), len(MEMBERS_ONLY_RESOURCES))
        for page in pages:
            with self.subTest(page=page.slug):
                if page.pk in members_only:
                    # A visitor is sent to sign in; a member sees the page.
                    self.assertRedirects(
                        self.client.get(page.url),
                        f"/accounts/login/?next={page.url}",
                        fetch_redirect_response=False,
                    )
                    response = member_client.get(page.url)
                else:
                    response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200)
        html = BeautifulSoup(
            self.client.get(self.built["resource_index"].url).content, "html.parser"
        )
        self.assertEqual(len(html.select(".card-list .card")), 12)
        self.assertIsNotNone(html.select_one(".pagination"))

    def test_the_webinar_recording_and_meeting_notes_are_for_members(self):
        for item in MEMBERS_ONLY_RESOURCES:
            with self.subTest(page=item.slug):
                page = self.resources[item.slug]
                self.assertEqual(members_only_page_ids([page]), {page.pk})
                files = [link.document for link in page.documents.all()]
                self.assertEqual(
                    [document.title for document in files], [f.title for f in item.files]
                )
                for document in files:
                    self.assertEqual(document.collection.name, MEMBERS_ONLY_COLLECTION)
        recording = self.resources["webinar-recording-implementing-pies"]
        self.assertEqual(recording.resource_type.slug, "video")
        self.assertEqual(
            [link.document.title.split(":")[0] for link in recording.documents.all()],
            ["Slides", "Transcript"],
        )

    def test_the_evaluations_tell_the_programmes_story(self):
        evaluations = self.built["evaluations"]
        first = evaluations["independent-evaluation-2019"]
        second = evaluations["independent-evaluation-2021"]
        self.assertEqual(
            (first.period_start.isoformat(), first.period_end.isoformat()),
            ("2017-10-01", "2019-01-31"),
        )
        self.assertEqual(first.published.strftime("%B %Y"), "February 2019")
        self.assertEqual(second.published.strftime("%B %Y"), "November 2021")

        html = BeautifulSoup(self.client.get(second.url).content, "html.parser")
        figures = html.select_one(".headline-figures").get_text(" ", strip=True)
        for expected in ["2,000+", "360", "18", "7", "Around 80"]:
            self.assertIn(expected, figures)
        self.assertIn("(PDF,", html.select_one(".document-list__meta").get_text())

        listing = BeautifulSoup(
            self.client.get(self.built["evaluation_index"].url).content, "html.parser"
        )
        self.assertEqual(
            [h.get_text(strip=True) for h in listing.select(".card__heading")],
            [second.title, first.title],
        )
        for report in EvaluationReportPage.objects.all():
            self.assertEqual(report.documents.count(), 1)


class RunningTheDemoAgainTests(TestCase):
    def test_running_it_again_adds_nothing(self):
        def counts():
            return Counter(
                pages=Page.objects.count(),
                revisions=Revision.objects.count(),
                documents=get_document_model().objects.count(),
                collections=Collection.objects.count(),
                types=ResourceType.objects.count(),
                topics=Topic.objects.count(),
                audiences=Audience.objects.count(),
                authors=ResourceAuthor.objects.count(),
                files=ResourceDocument.objects.count(),
                related=RelatedResource.objects.count(),
            )

        home = english_home()
        people = build_people()
        workstreams = make_workstreams(home)
        first = demo.build(home, people, workstreams)
        before = counts()

        second = demo.build(home, people, workstreams)

        self.assertEqual(counts(), before)
        self.assertEqual(
            {slug: page.pk for slug, page in second["resources"].items()},
            {slug: page.pk for slug, page in first["resources"].items()},
        )

    def test_running_it_again_repairs_an_edited_resource(self):
        home = english_home()
        people = build_people()
        workstreams = make_workstreams(home)
        built = demo.build(home, people, workstreams)
        page = built["resources"]["hoarding-guide"]
        page.summary = "Changed by hand."
        page.save_revision().publish()

        demo.build(home, people, workstreams)

        page.refresh_from_db()
        self.assertNotEqual(page.summary, "Changed by hand.")
