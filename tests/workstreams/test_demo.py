import pytest
from wagtail.models import PageLogEntry, Revision

from home.demo import build_people
from members.models import User
from tests.site_tree import english_home
from workstreams import demo
from workstreams.models import CommunityOfPracticePage, WorkstreamIndexPage, WorkstreamPage

from .helpers import assert_headings_in_order, card_titles, get_html, section

pytestmark = pytest.mark.django_db

SEED_WORKSTREAMS = [
    "Psychologically Informed Approaches (including Trauma Informed Care)",
    "Service User Involvement: Towards Co-production",
    "Housing First and Homelessness",
    "Women's Complex Needs",
    "Substance Misuse, including New Psychoactive Substances and Alcohol",
    "Race, Ethnicity and Culturally Informed Practice",
]


@pytest.fixture
def facilitator():
    return User.objects.create_user(
        "facilitator@example.org", first_name="Priya", last_name="Shah", is_staff=True
    )


def run_build(facilitator):
    return demo.build(english_home(), build_people(), facilitator)


def test_builds_the_six_workstreams_and_seven_communities(facilitator):
    built = run_build(facilitator)

    index = built["index"]
    assert index.slug == "workstreams"
    assert index.title == "Workstreams"
    assert index.live
    assert [w.title for w in index.workstreams()] == SEED_WORKSTREAMS
    assert set(built["workstreams"]) == {
        "psychologically-informed-approaches",
        "service-user-involvement",
        "housing-first-and-homelessness",
        "womens-complex-needs",
        "substance-misuse",
        "race-ethnicity-and-culture",
    }
    assert all(w.live and w.lead is not None for w in built["workstreams"].values())
    assert len(built["communities"]) == 7
    assert CommunityOfPracticePage.objects.live().count() == 7
    # Communities are spread over several workstreams, and only some have the facilitator.
    assert len({c.get_parent().pk for c in built["communities"].values()}) >= 4
    facilitated = [c for c in built["communities"].values() if c.facilitator == facilitator]
    assert 0 < len(facilitated) < 7
    # Every page has a revision, so the admin shows its history and editors can compare.
    pages = [index, *built["workstreams"].values(), *built["communities"].values()]
    assert all(page.live_revision_id is not None for page in pages)


def test_running_it_twice_adds_nothing(facilitator):
    run_build(facilitator)
    counts = (
        WorkstreamIndexPage.objects.count(),
        WorkstreamPage.objects.count(),
        CommunityOfPracticePage.objects.count(),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
    )

    built = run_build(facilitator)

    assert (
        WorkstreamIndexPage.objects.count(),
        WorkstreamPage.objects.count(),
        CommunityOfPracticePage.objects.count(),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
    ) == counts
    assert counts[:3] == (1, 6, 7)
    assert built["index"].pk == WorkstreamIndexPage.objects.get().pk


def test_running_it_again_puts_back_changed_content(facilitator):
    built = run_build(facilitator)
    page = built["workstreams"]["substance-misuse"]
    page.summary = "Changed by hand."
    page.save_revision().publish()

    run_build(facilitator)

    page.refresh_from_db()
    assert page.summary == demo.WORKSTREAMS["substance-misuse"]["summary"]
    assert WorkstreamPage.objects.filter(slug="substance-misuse").count() == 1


def test_the_demo_pages_render(client, facilitator):
    built = run_build(facilitator)

    index_html = get_html(client, built["index"])
    assert card_titles(index_html.main) == SEED_WORKSTREAMS
    assert_headings_in_order(index_html)

    for workstream in built["workstreams"].values():
        html = get_html(client, workstream)
        assert html.h1.get_text(strip=True) == workstream.title
        assert workstream.lead.name in section(html, "Who leads it").get_text()
        assert_headings_in_order(html)

    housing = get_html(client, built["workstreams"]["housing-first-and-homelessness"])
    assert card_titles(section(housing, "Communities of Practice")) == [
        "Hostel and supported housing managers",
        "Housing First workers",
    ]

    for community in built["communities"].values():
        html = get_html(client, community)
        assert html.h1.get_text(strip=True) == community.title
        assert community.meeting_pattern in html.select_one(".meta-list").get_text()
        assert "facilitator@example.org" not in str(html)
        assert ("Priya Shah" in html.main.get_text()) is (community.facilitator is not None)
        assert_headings_in_order(html)


def test_explains_acronyms_where_they_are_first_used(facilitator):
    built = run_build(facilitator)
    pia = built["workstreams"]["psychologically-informed-approaches"]
    assert "Psychologically Informed Environment (PIE)" in pia.what_it_covers
    substances = built["workstreams"]["substance-misuse"]
    assert "New Psychoactive Substances (NPS)" in substances.what_it_covers
