"""A section team edits its own part of the site and nothing else, and still cannot publish."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from editorial.demo import SECTION_EDITOR, SECTION_TEAM, build_section_team
from members.models import User
from tests.home.content import make_workstream
from tests.roles import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def workstreams(home):
    return {
        "housing": make_workstream(home, "Housing First and Homelessness"),
        "women": make_workstream(home, "Women's Complex Needs"),
    }


@pytest.fixture
def section_editor(workstreams):
    build_section_team(workstreams["housing"])
    return User.objects.get(email=SECTION_EDITOR[0])


def test_the_team_edits_its_own_workstream_only(workstreams, section_editor):
    client = client_for(section_editor)
    own = client.get(reverse("wagtailadmin_pages:edit", args=(workstreams["housing"].pk,)))
    other = client.get(reverse("wagtailadmin_pages:edit", args=(workstreams["women"].pk,)))

    assert own.status_code == 200
    assert other.status_code == 302 and other["Location"] == "/admin/"


def test_the_team_can_add_pages_below_its_workstream_only(workstreams, section_editor):
    client = client_for(section_editor)
    url = "wagtailadmin_pages:add"
    own = client.get(
        reverse(url, args=("workstreams", "communityofpracticepage", workstreams["housing"].pk))
    )
    other = client.get(
        reverse(url, args=("workstreams", "communityofpracticepage", workstreams["women"].pk))
    )
    assert own.status_code == 200
    assert other.status_code == 302


def test_the_team_cannot_publish_even_in_its_own_section(workstreams, section_editor):
    page = workstreams["housing"]
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": "Changed by the section team.",
        "what_it_covers": rich_text("<p>Practice.</p>"),
        "who_it_is_for": rich_text("<p>Workers.</p>"),
        "body-count": "0",
        "action-publish": "action-publish",
    }
    client_for(section_editor).post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    page.refresh_from_db()
    assert page.summary != "Changed by the section team."
    assert page.has_unpublished_changes


def test_the_team_is_an_ordinary_group_left_alone_by_migrate(section_editor):
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    assert section_editor.groups.get().name == SECTION_TEAM
    assert section_editor.groups.get().page_permissions.count() == 2
