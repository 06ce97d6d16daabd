"""`manage.py generate_resources N`: many made-up resources for trying search at scale."""

from io import StringIO

from django.core.management import CommandError, call_command
from django.test import TestCase
from wagtail.documents import get_document_model

from library.models import ResourcePage
from tests.site_tree import english_home

from .factories import (
    AudienceFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    TopicFactory,
    WorkstreamIndexPageFactory,
    WorkstreamPageFactory,
)


def generate(*args):
    out = StringIO()
    call_command("generate_resources", *[str(arg) for arg in args], stdout=out)
    return out.getvalue()


class GenerateResourcesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = english_home()
        cls.index = ResourceIndexPageFactory(parent=home)
        for name in ["Toolkit", "Report", "Guide"]:
            ResourceTypeFactory(name=name)
        ResourceTypeFactory(name="Draft type", live=False)
        for name in ["Trauma Informed Care", "Housing First", "Co-production"]:
            TopicFactory(name=name)
        AudienceFactory(name="Managers")
        workstreams = WorkstreamIndexPageFactory(parent=home)
        WorkstreamPageFactory(parent=workstreams, title="Housing First and Homelessness")
        cls.handmade = ResourcePageFactory(parent=cls.index, title="Written by an editor")

    def generated(self):
        return ResourcePage.objects.child_of(self.index).filter(slug__startswith="generated-")

    def test_creates_n_live_varied_resources_under_the_library(self):
        output = generate(5)

        pages = list(self.generated().order_by("slug"))
        self.assertIn("Created 5 resources", output)
        self.assertEqual([p.slug for p in pages], [f"generated-0000{n}" for n in range(1, 6)])
        self.assertTrue(all(page.live for page in pages))
        self.assertTrue(all(page.first_published_at for page in pages))
        self.assertGreater(len({page.title for page in pages}), 1)
        for page in pages:
            self.assertTrue(page.summary)
            self.assertTrue(page.resource_type.live)
            self.assertTrue(2017 <= page.publication_year <= 2100)
        # The library page lists them with the handmade one.
        response = self.client.get(self.index.url)
        self.assertContains(response, "6 resources")
        self.assertContains(response, pages[0].title)

    def test_generated_pages_are_in_the_search_index_and_indexing_is_switched_back_on(self):
        generate(5)

        page = self.generated().first()
        word = page.title.split()[-1]
        found = ResourcePage.objects.live().search(word)
        self.assertIn(page.pk, [result.pk for result in found])
        # Per-save indexing is back on afterwards: an editor's new page is found at once.
        later = ResourcePageFactory(parent=self.index, title="Zanzibar outreach notes")
        self.assertEqual(list(ResourcePage.objects.live().search("zanzibar")), [later])

    def test_running_again_adds_only_what_is_missing_and_the_seed_repeats_content(self):
        generate(3)
        first_titles = list(self.generated().order_by("slug").values_list("title", flat=True))
        self.assertIn("Created 0 resources (3 already there)", generate(3))
        generate(5)
        self.assertEqual(self.generated().count(), 5)

        generate("--delete")
        generate(3)
        again = list(self.generated().order_by("slug").values_list("title", flat=True))
        self.assertEqual(again, first_titles)

        generate("--delete")
        generate(3, "--seed", 99)
        other = list(self.generated().order_by("slug").values_list("title", flat=True))
        self.assertNotEqual(other, first_titles)

    def test_with_documents_attaches_a_small_text_file(self):
        generate(5, "--with-documents")

        for page in self.generated():
            links = list(page.documents.all())
            self.assertEqual(len(links), 1)
            document = links[0].document
            self.assertTrue(document.file.name.endswith(".txt"))
            with document.file.open("rb") as handle:
                text = handle.read().decode("utf-8")
            self.assertIn(page.title, text)
            self.assertLess(len(text), 2000)

    def test_delete_removes_generated_pages_and_documents_only(self):
        generate(5, "--with-documents")
        documents = get_document_model().objects.count()

        output = generate("--delete")

        self.assertIn("Deleted 5 generated resources and 5 documents", output)
        self.assertFalse(self.generated().exists())
        self.assertEqual(get_document_model().objects.count(), documents - 5)
        self.assertTrue(ResourcePage.objects.filter(pk=self.handmade.pk).exists())

    def test_refuses_nonsense(self):
        with self.assertRaises(CommandError):
            generate()
        with self.assertRaises(CommandError):
            generate(-1)
