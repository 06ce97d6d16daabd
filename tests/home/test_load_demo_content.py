import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.utils.html import escape

from editorial.roles import EDITORS, MEMBERS, REVIEWERS
from home.demo import INTRODUCTION
from members.demo import DEMO_USERS
from members.models import User
from tests.site_tree import english_home

pytestmark = pytest.mark.django_db


def test_creates_one_working_account_per_role():
    call_command("load_demo_content", verbosity=0)

    for email, password, _first, _last, group, is_superuser in DEMO_USERS:
        user = authenticate(username=email, password=password)
        assert user is not None, f"{email} cannot sign in with its documented password"
        assert user.is_superuser is is_superuser
        assert list(user.groups.values_list("name", flat=True)) == ([group] if group else [])
    roles = {group for *_rest, group, _su in DEMO_USERS}
    assert roles == {None, EDITORS, REVIEWERS, MEMBERS}


def test_publishes_the_home_page_introduction(client):
    call_command("load_demo_content", verbosity=0)
    assert english_home().introduction == INTRODUCTION
    assert escape(INTRODUCTION) in client.get("/").content.decode()


def test_running_it_again_adds_nothing():
    call_command("load_demo_content", verbosity=0)
    home = english_home()
    counts = (User.objects.count(), home.revisions.count())

    call_command("load_demo_content", verbosity=0)

    assert (User.objects.count(), home.revisions.count()) == counts


def test_refuses_to_run_where_demo_content_is_not_allowed(settings):
    settings.PDU_ALLOW_DEMO_CONTENT = False
    with pytest.raises(CommandError, match="development only"):
        call_command("load_demo_content", verbosity=0)
    assert not User.objects.filter(email__endswith="@example.org").exists()
