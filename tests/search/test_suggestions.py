"""/search/suggest/?q=: titles of live pages as you type, as JSON."""

import pytest

from tests.search.conftest import make_members_only

pytestmark = pytest.mark.django_db

SUGGEST = "/search/suggest/"


def suggestions(client, q):
    response = client.get(SUGGEST, {"q": q})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["suggestions"]


def test_suggests_live_page_titles_with_url_and_type(client, make_page, make_resource):
    make_page("Housing First in Nottingham")
    make_resource("Housing rights leaflet")
    draft = make_page("Housing draft")
    draft.unpublish()
    found = suggestions(client, "hous")
    assert sorted(found, key=lambda s: s["title"]) == [
        {
            "title": "Housing First in Nottingham",
            "url": "/housing-first-in-nottingham/",
            "type": "General content page",
        },
        {
            "title": "Housing rights leaflet",
            "url": "/resources/housing-rights-leaflet/",
            "type": "Resource",
        },
    ]


def test_members_only_pages_are_suggested_by_title(client, make_page):
    make_members_only(make_page("Housing webinar recording", body_html="<p>secret</p>"))
    assert [s["title"] for s in suggestions(client, "housing web")] == ["Housing webinar recording"]


def test_at_most_eight(client, make_page):
    for number in range(12):
        make_page(f"Hostel {number}")
    assert len(suggestions(client, "hostel")) == 8


@pytest.mark.parametrize("q", ["", "h", "\x00", '"', "'", "&|!:*()", "x" * 5000])
def test_odd_input_gives_no_error(client, home, q):
    assert isinstance(suggestions(client, q), list)
