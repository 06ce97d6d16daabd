"""The e-learning demo: the suite's 18 modules, all members only, and safe to build again."""

from collections import Counter

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Page, PageViewRestriction, Revision

from editorial.roles import MEMBERS
from elearning import demo
from elearning.models import ELearningIndexPage, ELearningModulePage, Topic
from home.models import NavigationMenu
from members.restrictions import members_only_page_ids
from tests.roles import client_for

pytestmark = pytest.mark.django_db


def test_builds_the_suite_of_18_members_only_modules(site_tree, client, member):
    built = demo.build(site_tree)

    index = built["index"]
    modules = list(ELearningModulePage.objects.child_of(index).live().order_by("module_number"))
    assert len(modules) == 18
    assert [module.module_number for module in modules] == list(range(1, 19))
    assert Counter(module.topic for module in modules) == {
        Topic.MULTIPLE_DISADVANTAGE: 6,
        Topic.PIE: 6,
        Topic.TRAUMA_INFORMED_CARE: 6,
    }
    assert members_only_page_ids(modules) == {module.pk for module in modules}
    for restriction in PageViewRestriction.objects.filter(page__in=modules):
        assert list(restriction.groups.values_list("name", flat=True)) == [MEMBERS]
    assert index.live and index.show_in_menus
    assert not index.get_view_restrictions().exists()

    assert client.get(index.url).status_code == 200
    member_client = client_for(member)
    for module in modules:
        response = member_client.get(module.url)
        assert response.status_code == 200, module.slug
        assert escape(module.summary) in response.content.decode()


def test_building_again_adds_and_republishes_nothing(site_tree):
    demo.build(site_tree)

    def counts():
        return (
            Page.objects.count(),
            Revision.objects.count(),
            PageViewRestriction.objects.count(),
        )

    before = counts()
    demo.build(site_tree)
    assert counts() == before


def test_building_again_closes_a_module_someone_opened(site_tree):
    built = demo.build(site_tree)
    opened = built["modules"]["pie-an-introduction"]
    PageViewRestriction.objects.filter(page=opened).delete()

    demo.build(site_tree)

    assert members_only_page_ids([opened]) == {opened.pk}


def test_the_demo_site_has_e_learning_in_its_main_menu(site_tree):
    call_command("load_demo_content", verbosity=0)

    index = ELearningIndexPage.objects.get()
    menu = NavigationMenu.objects.get(locale=site_tree.locale)
    assert index.pk in [item.page_id for item in menu.items.all()]
    assert ELearningModulePage.objects.child_of(index).count() == 18
