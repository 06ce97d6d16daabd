"""The demo's Polish and Urdu pages, made with wagtail-localize."""

from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page

EVENT = "events/trauma-informed-care-an-introduction/"


def heading(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").h1.get_text(strip=True)


class DemoTranslationTests(TestCase):
    # Loading the demo takes seconds: once for the class, each test rolled back to just after.
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", verbosity=0)

    def test_the_demo_has_an_event_in_polish_and_urdu_and_a_sound_page_tree(self):
        assert heading(self.client, "/pl/events/") == "Wydarzenia"
        assert heading(self.client, f"/pl/{EVENT}") == "Opieka uwzględniająca traumę: wprowadzenie"
        assert heading(self.client, f"/ur/{EVENT}") == "صدمے سے آگاہ نگہداشت: ایک تعارف"
        assert heading(self.client, f"/{EVENT}") == "Trauma-informed care: an introduction"
        # Every page's count of children matches the tree (a stale count hides pages from routing).
        assert Page.find_problems() == ([], [], [], [], [])

    def test_running_the_demo_again_leaves_the_translations_as_they_are(self):
        translated = Page.objects.filter(locale__language_code__in=["pl", "ur"])
        revisions = {page.pk: page.revisions.count() for page in translated}

        call_command("load_demo_content", verbosity=0)

        assert {page.pk: page.revisions.count() for page in translated} == revisions
