import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.urls import reverse
from django.utils.html import escape

from editorial.roles import EDITORS, MEMBERS, REVIEWERS
from events.models import EventPage
from home.demo import INTRODUCTION
from home.models import Person
from library.models import ResourcePage
from members.demo import DEMO_USERS
from members.models import User
from tests.site_tree import english_home


class LoadDemoContentTests(TestCase):
    # Loading the demo takes seconds: once for the class, each test rolled back to just after.
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", verbosity=0)

    def test_creates_one_working_account_per_role(self):
        for email, password, _first, _last, group, is_superuser in DEMO_USERS:
            user = authenticate(username=email, password=password)
            assert user is not None, f"{email} cannot sign in with its documented password"
            assert user.is_superuser is is_superuser
            assert list(user.groups.values_list("name", flat=True)) == ([group] if group else [])
        roles = {group for *_rest, group, _su in DEMO_USERS}
        assert roles == {None, EDITORS, REVIEWERS, MEMBERS}

    def test_publishes_the_home_page_introduction(self):
        assert english_home().introduction == INTRODUCTION
        assert escape(INTRODUCTION) in self.client.get("/").content.decode()

    def test_search_and_the_admins_usage_know_what_it_made(self):
        # The loader indexes for search and usage once at the end, not at each save.
        guide = ResourcePage.objects.get(slug="hoarding-guide")
        found = self.client.get("/search/", {"q": "hoarding frontline workers"})
        assert f'href="{guide.url}"' in found.content.decode()

        self.client.force_login(User.objects.get(email="admin@example.org"))
        document = guide.documents.get().document
        listing = self.client.get(reverse("wagtaildocs:index"), {"q": document.title})
        assert reverse("wagtaildocs:edit", args=[document.pk]) in listing.content.decode()
        usage = self.client.get(reverse("wagtaildocs:document_usage", args=[document.pk]))
        assert reverse("wagtailadmin_pages:edit", args=[guide.pk]) in usage.content.decode()
        # A speaker is used by the event through one of its rows (an orderable).
        speaker = Person.objects.get(name="Dr Rachel Turner")
        event = EventPage.objects.get(
            slug="trauma-informed-care-an-introduction", locale=guide.locale
        )
        usage = self.client.get(reverse("wagtailsnippets_home_person:usage", args=[speaker.pk]))
        assert reverse("wagtailadmin_pages:edit", args=[event.pk]) in usage.content.decode()

    def test_running_it_again_adds_nothing(self):
        home = english_home()
        counts = (User.objects.count(), home.revisions.count())

        call_command("load_demo_content", verbosity=0)

        assert (User.objects.count(), home.revisions.count()) == counts


@pytest.mark.django_db
def test_refuses_to_run_where_demo_content_is_not_allowed(settings):
    settings.PDU_ALLOW_DEMO_CONTENT = False
    with pytest.raises(CommandError, match="development only"):
        call_command("load_demo_content", verbosity=0)
    assert not User.objects.filter(email__endswith="@example.org").exists()
