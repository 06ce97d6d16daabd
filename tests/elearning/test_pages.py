"""The e-learning section: a public list of modules, and modules that are for members."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from editorial.roles import MEMBERS
from elearning.models import ELearningIndexPage, ELearningModuleDocument, ELearningModulePage
from home.models import HomePage, StandardPage
from members.restrictions import members_only_page_ids, restrict_to_members
from tests.library.factories import make_document
from tests.roles import client_for, make_user
from tests.site_tree import english_home

LOGIN = "/accounts/login/"


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def make_index(home, **fields):
    return home.add_child(
        instance=ELearningIndexPage(
            title="E-learning",
            slug="e-learning",
            introduction="Modules to work through at your own pace.",
            **fields,
        )
    )


def make_module(index, number, title=None, members_only=True, **fields):
    title = title or f"Module about topic {number}"
    values = {
        "summary": f"What module {number} covers.",
        "topic": "pie",
        "estimated_minutes": 30,
        "learning_outcomes": "<ul><li>Describe a psychologically informed service</li></ul>",
        "body": [("paragraph", RichText("<p>Hostel teams rewrote one rule together.</p>"))],
        **fields,
    }
    module = index.add_child(
        instance=ELearningModulePage(
            title=title, slug=f"module-{number}", module_number=number, **values
        )
    )
    if members_only:
        restrict_to_members(module)
    return module


def module_form_data(
    title, number, topic="trauma_informed_care", slug=None, action="action-publish"
):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug or f"module-{number}",
            "summary": "What trauma is and how services can avoid causing more.",
            "module_number": str(number),
            "topic": topic,
            "estimated_minutes": "40",
            "learning_outcomes": rich_text("<ul><li>Name the five principles</li></ul>"),
            "body": streamfield(
                [("paragraph", rich_text("<p>Trauma changes how people cope.</p>"))]
            ),
            "documents": inline_formset([]),
        }
    )
    if action:
        data[action] = action
    return data


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("elearning", "elearningmodulepage", index.pk))


class ELearningPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = english_home()
        cls.member = make_user("member@example.org", MEMBERS)
        cls.admin = make_user("admin@example.org", is_superuser=True)

    def test_one_index_under_each_home_page_holding_only_modules(self):
        self.assertAllowedParentPageTypes(ELearningIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ELearningIndexPage, {ELearningModulePage})
        self.assertAllowedParentPageTypes(ELearningModulePage, {ELearningIndexPage})
        self.assertAllowedSubpageTypes(ELearningModulePage, set())
        self.assertCanCreateAt(HomePage, ELearningIndexPage)
        self.assertCanNotCreateAt(Page, ELearningIndexPage)
        self.assertCanNotCreateAt(StandardPage, ELearningModulePage)

        self.assertTrue(ELearningIndexPage.can_create_at(self.home))
        make_index(self.home)
        self.assertFalse(ELearningIndexPage.can_create_at(self.home))

    def test_both_render_and_the_admin_edits_and_previews_them(self):
        index = make_index(self.home)
        module = make_module(index, 1)
        self.assertPageIsRenderable(index)
        self.assertPageIsRenderable(module, user=self.member)
        self.assertPageIsEditable(index, user=self.admin)
        # StreamField content is posted as the admin's JavaScript builds it.
        edit = module_form_data(module.title, 1, action=None)
        self.assertPageIsEditable(module, post_data=edit, user=self.admin)
        self.assertPageIsPreviewable(index, user=self.admin)
        self.assertPageIsPreviewable(module, post_data=edit, user=self.admin)


# The list of modules ---------------------------------------------------------------------------


@pytest.fixture
def index(site_tree):
    return make_index(site_tree)


@pytest.mark.django_db
def test_the_index_lists_live_modules_in_order_with_a_label_when_members_only(client, index):
    make_module(index, 2, "Spaces that feel safe")
    make_module(index, 1, "PIE: an introduction")
    make_module(index, 3, "A free taster module", members_only=False)
    make_module(index, 4, "Not ready yet").unpublish()

    html = soup(client.get(index.url))

    cards = html.select(".module-list .card")
    assert [card.h3.get_text(strip=True) for card in cards] == [
        "PIE: an introduction",
        "Spaces that feel safe",
        "A free taster module",
    ]
    labels = [card.select_one(".tag--members") for card in cards]
    assert [label.get_text(strip=True) if label else None for label in labels] == [
        "Members only",
        "Members only",
        None,
    ]
    first = cards[0]
    assert first.select_one(".card__summary").get_text(strip=True) == "What module 1 covers."
    meta = " ".join(first.select_one(".card__meta").get_text().split())
    assert meta == "Module 1 · Psychologically Informed Environments (PIE) · about 30 minutes"
    # Visitors are told how to get in; the module's content is not on the list.
    notice = html.select_one(".notice--members")
    assert notice.select_one('a[href="/accounts/signup/"]')
    assert "Hostel teams rewrote" not in html.get_text()


@pytest.mark.django_db
def test_members_are_not_asked_to_join(index, member):
    make_module(index, 1)
    html = soup(client_for(member).get(index.url))
    assert html.select_one(".notice--members") is None
    assert html.select_one(".tag--members").get_text(strip=True) == "Members only"


@pytest.mark.django_db
def test_the_list_costs_the_same_queries_however_many_modules(client, index):
    def queries():
        client.get(index.url)  # the first request of all creates the site's settings row
        with CaptureQueriesContext(connection) as captured:
            client.get(index.url)
        return len(captured)

    make_module(index, 1)
    few = queries()
    for number in range(2, 12):
        make_module(index, number)
    assert queries() == few


# A module --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_visitor_is_sent_to_sign_in_and_a_member_sees_the_module(client, index, member):
    first = make_module(index, 1, "PIE: an introduction")
    module = make_module(index, 2, "Spaces that feel safe", estimated_minutes=25)
    make_module(index, 3, "Reflective practice")
    workbook = make_document(title="Workbook: spaces that feel safe")
    ELearningModuleDocument.objects.create(page=module, document=workbook)

    response = client.get(module.url)
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={module.url}"

    html = soup(client_for(member).get(module.url))
    assert html.h1.get_text(strip=True) == "Spaces that feel safe"
    assert html.select_one(".module__caption").get_text(strip=True) == "Module 2"
    assert "About 25 minutes" in html.select_one(".meta-list").get_text()
    outcomes = html.select_one("#learning-outcomes").find_parent("section")
    assert "Describe a psychologically informed service" in outcomes.get_text()
    assert "Hostel teams rewrote one rule together." in html.select_one(".module__content").text
    link = html.select_one("a.document-list__link")
    assert link.get_text(strip=True) == "Workbook: spaces that feel safe"
    nav = html.select_one("nav.module-nav")
    assert nav.select_one("a[rel=prev]")["href"] == first.url
    assert nav.select_one("a[rel=next]").get_text(strip=True) == "Next module: Reflective practice"
    assert nav.find("a", string="All modules")["href"] == index.url


@pytest.mark.django_db
def test_a_module_is_found_by_its_summary_never_by_its_content(client, index):
    make_module(index, 1, "PIE: an introduction", summary="Where the Lenton approach began.")

    found = client.get("/search/", {"q": "Lenton"}).content.decode()
    assert "PIE: an introduction" in found
    assert '<strong class="tag tag--members">Members only</strong>' in found
    nothing = client.get("/search/", {"q": "rewrote"}).content.decode()
    assert "PIE: an introduction" not in nothing


# Made in the admin -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_editor_drafts_a_module_and_it_starts_members_only(index, editor):
    response = client_for(editor).post(
        add_url(index), module_form_data("Trauma Informed Care: the basics", 1, action=None)
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    module = ELearningModulePage.objects.child_of(index).get()
    assert not module.live  # editors never publish alone
    assert module.topic == "trauma_informed_care"
    assert module.estimated_minutes == 40
    restriction = PageViewRestriction.objects.get(page=module)
    assert list(restriction.groups.values_list("name", flat=True)) == [MEMBERS]


@pytest.mark.django_db
def test_a_module_published_in_the_admin_is_members_only_from_the_start(client, index):
    administrator = make_user("admin@example.org", is_superuser=True)
    response = client_for(administrator).post(
        add_url(index), module_form_data("How trauma shows", 5)
    )

    assert response.status_code == 302
    module = ELearningModulePage.objects.child_of(index).get()
    assert module.live
    assert members_only_page_ids([module]) == {module.pk}
    assert client.get(module.url)["Location"] == f"{LOGIN}?next={module.url}"


@pytest.mark.django_db
def test_two_modules_cannot_share_a_number(index, editor):
    make_module(index, 1, "PIE: an introduction")

    response = client_for(editor).post(
        add_url(index), module_form_data("Another first", 1, slug="another-first", action=None)
    )

    assert response.status_code == 200
    field = soup(response).select_one('[data-contentpath="module_number"]')
    assert "Another module in this suite already has this number" in field.get_text()
    assert ELearningModulePage.objects.child_of(index).count() == 1
