import itertools

from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from library.models import (
    RelatedResource,
    ResourceAuthor,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
)
from members.models import User
from tests.site_tree import english_home

from .admin_forms import resource_form_data
from .factories import (
    PDF_BYTES,
    AudienceFactory,
    PersonFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    TopicFactory,
    WorkstreamIndexPageFactory,
    WorkstreamPageFactory,
    make_document,
)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def count_queries(url):
    """How many queries a visitor's request for `url` makes, once one-off set-up is done."""
    Client().get(url)  # the first request of all creates the site's settings row
    with CaptureQueriesContext(connection) as queries:
        Client().get(url)
    return len(queries)


def card_titles(html):
    return [h.get_text(strip=True) for h in html.select(".card-list .card__heading")]


class ResourceIndexPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = english_home()
        cls.admin = User.objects.create_superuser("admin@example.org", "a-long-admin-password")

    def test_lives_once_under_the_home_page_and_holds_only_resources(self):
        self.assertAllowedParentPageTypes(ResourceIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ResourceIndexPage, {ResourcePage})
        self.assertCanCreateAt(HomePage, ResourceIndexPage)
        self.assertCanNotCreateAt(Page, ResourceIndexPage)
        self.assertCanNotCreateAt(ResourceIndexPage, ResourceIndexPage)

        self.assertTrue(ResourceIndexPage.can_create_at(self.home))
        ResourceIndexPageFactory(parent=self.home)
        # max_count_per_parent = 1: a second library under the same home page is refused.
        self.assertFalse(ResourceIndexPage.can_create_at(self.home))

    def test_is_renderable_editable_and_previewable(self):
        index = ResourceIndexPageFactory(parent=self.home)
        self.assertPageIsRenderable(index)
        self.assertPageIsEditable(index, user=self.admin)
        self.assertPageIsPreviewable(index, user=self.admin)

    def test_lists_live_resources_newest_first_but_not_drafts(self):
        index = ResourceIndexPageFactory(
            parent=self.home, introduction="Papers, toolkits and recordings."
        )
        ResourcePageFactory(parent=index, title="Older paper", publication_year=2018)
        ResourcePageFactory(parent=index, title="Newer toolkit", publication_year=2024)
        ResourcePageFactory(parent=index, title="Draft guide", publication_year=2025, live=False)
        withdrawn = ResourcePageFactory(parent=index, title="Withdrawn report")
        withdrawn.unpublish()

        response = self.client.get(index.url)

        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "library/resource_index_page.html")
        html = soup(response)
        self.assertEqual(len(html.find_all("h1")), 1)
        self.assertEqual(html.h1.get_text(strip=True), "Resource library")
        self.assertIn("Papers, toolkits and recordings.", html.main.get_text())
        self.assertEqual(card_titles(html), ["Newer toolkit", "Older paper"])
        self.assertIn("2 resources", html.main.get_text())

    def test_members_only_resources_are_listed_with_a_label_and_no_more(self):
        # The DESIGN contract: title, summary and a "Members only" label, never more.
        index = ResourceIndexPageFactory(parent=self.home)
        ResourcePageFactory(parent=index, title="Open to all", publication_year=2024)
        private = ResourcePageFactory(
            parent=index,
            title="Members' webinar notes",
            summary="Notes from the members' webinar.",
            publication_year=2020,
            body=[("paragraph", "<p>Only for members to read.</p>")],
        )
        PageViewRestriction.objects.create(page=private, restriction_type="login")

        html = soup(self.client.get(index.url))

        self.assertEqual(card_titles(html), ["Open to all", "Members' webinar notes"])
        open_card, private_card = html.select(".card-list .card")
        self.assertIsNone(open_card.select_one(".tag--members"))
        self.assertEqual(
            private_card.select_one(".tag.tag--members").get_text(strip=True), "Members only"
        )
        self.assertIn("Notes from the members' webinar.", private_card.get_text())
        self.assertNotIn("Only for members to read.", html.get_text())

    def test_an_empty_library_says_so(self):
        index = ResourceIndexPageFactory(parent=self.home)
        html = soup(self.client.get(index.url))
        self.assertIsNotNone(html.select_one(".empty-state"))
        self.assertEqual(html.select(".card-list"), [])

    def test_twelve_resources_a_page_and_odd_page_numbers_never_fail(self):
        index = ResourceIndexPageFactory(parent=self.home)
        for year in range(2000, 2026):  # 26 resources: three pages, the newest first
            ResourcePageFactory(parent=index, title=f"Resource from {year}", publication_year=year)

        first = soup(self.client.get(index.url))
        self.assertEqual(len(card_titles(first)), 12)
        self.assertEqual(card_titles(first)[0], "Resource from 2025")
        self.assertIn("Page 1 of 3", first.select_one(".pagination").get_text())

        third = soup(self.client.get(index.url, {"page": "3"}))
        self.assertEqual(card_titles(third), ["Resource from 2001", "Resource from 2000"])

        # Not a number: the first page. Out of range: the last page. Never an error.
        for odd, expected in [
            ("abc", "Resource from 2025"),
            ("", "Resource from 2025"),
            ("1.5", "Resource from 2025"),
            ("2'", "Resource from 2025"),
            ("\x00", "Resource from 2025"),
            ("-1", "Resource from 2001"),
            ("0", "Resource from 2001"),
            ("99999", "Resource from 2001"),
        ]:
            with self.subTest(page=odd):
                response = self.client.get(index.url, {"page": odd})
                self.assertEqual(response.status_code, 200)
                self.assertEqual(card_titles(soup(response))[0], expected)

        # The pagination links carry on working from a page reached by an odd value.
        last = soup(self.client.get(index.url, {"page": "99999"}))
        previous = last.select_one(".pagination a[rel=prev]")["href"]
        self.assertIn("page=2", previous)
        page_two = soup(self.client.get(index.url + previous))
        self.assertEqual(card_titles(page_two)[0], "Resource from 2013")

    def test_the_number_of_queries_does_not_grow_with_the_number_of_resources(self):
        index = ResourceIndexPageFactory(parent=self.home)
        for number in range(2):
            ResourcePageFactory(parent=index, title=f"First {number}")
        with_two = count_queries(index.url)
        for number in range(10):
            ResourcePageFactory(parent=index, title=f"More {number}")
        self.assertEqual(count_queries(index.url), with_two)


class ResourcePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = english_home()
        cls.admin = User.objects.create_superuser("admin@example.org", "a-long-admin-password")
        cls.index = ResourceIndexPageFactory(parent=cls.home)
        workstreams = WorkstreamIndexPageFactory(parent=cls.home)
        cls.housing = WorkstreamPageFactory(
            parent=workstreams, title="Housing First and Homelessness"
        )
        cls.draft_workstream = WorkstreamPageFactory(
            parent=workstreams, title="Unfinished workstream", live=False
        )
        cls.grace = PersonFactory(name="Grace Okafor", lived_experience=True)
        cls.sam = PersonFactory(name="Sam Patel")
        cls.document = make_document("Hostel toolkit (full text)", filename="hostel-toolkit.pdf")
        cls.related = ResourcePageFactory(
            parent=cls.index, title="What makes a good hostel?", publication_year=2019
        )
        cls.hidden_related = ResourcePageFactory(
            parent=cls.index, title="Unpublished companion", live=False
        )
        cls.resource = ResourcePageFactory(
            parent=cls.index,
            title="Psychologically informed hostels",
            summary="A toolkit for hostel teams building a psychologically informed environment.",
            resource_type=ResourceTypeFactory(name="Toolkit"),
            publication_year=2021,
            publisher="Nottingham housing partnership",
            material_language="pl",
            external_url="https://example.org/hostels",
            topics=[TopicFactory(name="Psychologically Informed Environments")],
            audiences=[AudienceFactory(name="Frontline workers")],
            workstreams=[cls.housing, cls.draft_workstream],
            authors=[
                ResourceAuthor(person=cls.grace, sort_order=0),
                ResourceAuthor(person=cls.sam, sort_order=1),
            ],
            documents=[ResourceDocument(document=cls.document, title="Download the toolkit")],
            related_resources=[
                RelatedResource(resource=cls.hidden_related),
                RelatedResource(resource=cls.related),
            ],
            body=[("paragraph", "<p>Written with hostel residents in 2021.</p>")],
        )

    def test_lives_only_in_the_library_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ResourcePage, {ResourceIndexPage})
        self.assertAllowedSubpageTypes(ResourcePage, set())
        self.assertCanCreateAt(ResourceIndexPage, ResourcePage)
        self.assertCanNotCreateAt(HomePage, ResourcePage)
        self.assertCanNotCreateAt(ResourcePage, ResourcePage)

    def test_is_renderable_editable_and_previewable(self):
        self.assertPageIsRenderable(self.resource)
        # StreamField content is posted by the admin's JavaScript, so the form data is built here.
        form_data = resource_form_data(
            title=self.resource.title,
            slug=self.resource.slug,
            resource_type=self.resource.resource_type,
            authors=[self.grace],
            documents=[self.document],
            related=[self.related],
            workstreams=[self.housing],
            publish=False,
        )
        self.assertPageIsEditable(self.resource, post_data=form_data, user=self.admin)
        # A preview renders unsaved authors, files and links: get_context must cope with them.
        self.assertPageIsPreviewable(self.resource, post_data=form_data, user=self.admin)

    def get_page(self):
        response = self.client.get(self.resource.url)
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "library/resource_page.html")
        return soup(response)

    def metadata(self, html):
        terms = html.select("dl.meta-list > dt")
        return {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in terms}

    def test_shows_the_title_summary_and_metadata(self):
        html = self.get_page()

        self.assertEqual(len(html.find_all("h1")), 1)
        self.assertEqual(html.h1["class"], ["page-title"])
        self.assertEqual(html.h1.get_text(strip=True), "Psychologically informed hostels")
        self.assertIn("A toolkit for hostel teams", html.select_one(".lead").get_text())
        meta = self.metadata(html)
        self.assertEqual(meta["Type"].get_text(strip=True), "Toolkit")
        self.assertEqual(meta["Year published"].get_text(strip=True), "2021")
        self.assertEqual(meta["Publisher"].get_text(strip=True), "Nottingham housing partnership")
        self.assertEqual(meta["Language of the material"].get_text(strip=True), "Polish")
        self.assertEqual(
            meta["Topics"].get_text(strip=True), "Psychologically Informed Environments"
        )
        self.assertEqual(meta["Written for"].get_text(strip=True), "Frontline workers")

    def test_credits_authors_and_their_lived_experience(self):
        authors = self.metadata(self.get_page())["Authors"].find_all("li")

        self.assertEqual([li.contents[0].strip() for li in authors], ["Grace Okafor", "Sam Patel"])
        self.assertEqual(
            authors[0].select_one(".tag--lived-experience").get_text(strip=True),
            "Contributor with lived experience",
        )
        self.assertIsNone(authors[1].select_one(".tag"))

    def test_links_only_live_workstreams(self):
        links = self.metadata(self.get_page())["Workstreams"].find_all("a")
        self.assertEqual([a.get_text(strip=True) for a in links], [self.housing.title])
        self.assertEqual(links[0]["href"], self.housing.url)

    def test_offers_the_file_with_its_type_and_size_and_the_external_link(self):
        html = self.get_page()

        section = html.find("h2", string="Download").parent
        item = section.select_one(".document-list__item")
        self.assertEqual(item.a.get_text(strip=True), "Download the toolkit")
        self.assertEqual(item.a["href"], self.document.url)
        size = f"{len(PDF_BYTES)}\xa0bytes"
        self.assertEqual(item.select_one(".document-list__meta").get_text(), f"(PDF, {size})")

        external = section.find("a", href="https://example.org/hostels")
        self.assertEqual(
            external.get_text(strip=True),
            "View Psychologically informed hostels on the publisher's site",
        )
        # The linked material is in Polish; the link text itself is in the site's language.
        self.assertEqual(external["hreflang"], "pl")
        self.assertFalse(external.has_attr("lang"))

    def test_the_document_link_downloads_the_pdf(self):
        href = self.get_page().select_one(".document-list__link")["href"]

        response = self.client.get(href)

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertEqual(b"".join(response.streaming_content), PDF_BYTES)

    def test_shows_the_body_and_live_related_resources(self):
        html = self.get_page()

        self.assertIn("Written with hostel residents in 2021.", html.main.get_text())
        related = html.find("h2", string="Related resources").parent
        self.assertEqual(
            [h.get_text(strip=True) for h in related.select(".card__heading")],
            ["What makes a good hostel?"],
        )
        self.assertEqual(related.select_one(".card__heading").name, "h3")

    def test_headings_go_in_order(self):
        levels = [int(h.name[1]) for h in self.get_page().main.find_all(["h1", "h2", "h3", "h4"])]
        self.assertEqual(levels[0], 1)
        for previous, current in itertools.pairwise(levels):
            self.assertLessEqual(current, previous + 1)

    def test_a_bare_resource_shows_no_empty_sections(self):
        bare = ResourcePageFactory(parent=self.index, title="Just a title")
        html = soup(self.client.get(bare.url))
        self.assertEqual(html.find_all("h2"), [])
        self.assertNotIn("Authors", self.metadata(html))

    def test_the_number_of_queries_does_not_grow_with_authors_or_related_resources(self):
        page = ResourcePageFactory(
            parent=self.index,
            title="Growing resource",
            authors=[ResourceAuthor(person=self.sam)],
            related_resources=[RelatedResource(resource=self.related)],
        )
        with_one = count_queries(page.url)
        page.authors.add(*[ResourceAuthor(person=PersonFactory()) for _ in range(5)])
        extra = [ResourcePageFactory(parent=self.index) for _ in range(4)]
        page.related_resources.add(*[RelatedResource(resource=r) for r in extra])
        page.save()

        html = soup(self.client.get(page.url))
        self.assertEqual(len(html.select(".resource-author")), 6)
        self.assertEqual(len(html.select(".card-list .card")), 5)
        self.assertEqual(count_queries(page.url), with_one)

    def test_the_listing_card_names_a_language_other_than_english(self):
        meta = soup(self.client.get(self.index.url)).select(".card__meta")
        self.assertIn("Polish", " ".join(m.get_text() for m in meta))
