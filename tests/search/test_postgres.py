"""What only PostgreSQL's full-text search does: English stemming. Run with DATABASE_URL=postgres://."""

import re

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def titles(client, q):
    html = client.get("/search/", {"q": q}).content.decode()
    return re.findall(r'class="search-result__link" href="[^"]*">([^<]*)</a>', html), html


def test_plural_finds_singular_and_is_highlighted(client, make_page):
    make_page("Life in a hostel", introduction="One hostel in Nottingham.")
    found, html = titles(client, "hostels")
    assert found == ["Life in a hostel"]
    assert "One <mark>hostel</mark> in Nottingham." in html


def test_stem_variants_find_each_other(client, make_page):
    make_page("Care", introduction="Services informed by trauma.")
    found, html = titles(client, "inform")
    assert found == ["Care"]
    assert "<mark>informed</mark>" in html


def test_nul_byte_and_operators_do_not_reach_postgres(client, make_page):
    make_page("Hostel life", introduction="Hostels.")
    for q in ("hostel\x00", "hostel & !", "hostel:*", "'", '"'):
        assert client.get("/search/", {"q": q}).status_code == 200
