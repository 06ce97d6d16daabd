"""A page with no version in the language asked for is shown wholly in its own language."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from tests.site_tree import english_home

pytestmark = pytest.mark.django_db


def test_an_english_page_asked_for_in_arabic_is_english_throughout_with_a_note(client, site_tree):
    english_home().save_revision().publish()

    page = BeautifulSoup(client.get("/ar/").content, "html.parser")

    assert page.html["lang"] == "en-gb"
    assert page.html["dir"] == "ltr"
    note = page.select_one(".notice--language")
    assert note["lang"] == "ar"
    assert note["dir"] == "rtl"
    assert translation.get_language_info("ar")["name_local"] in note.get_text()


def test_a_page_in_the_language_asked_for_has_no_note(client, site_tree):
    page = BeautifulSoup(client.get("/").content, "html.parser")
    assert page.html["lang"] == "en-gb"
    assert page.select_one(".notice--language") is None
