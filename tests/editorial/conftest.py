"""People in each role, signed in through their own test clients."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from editorial.roles import EDITORS, MEMBERS, REVIEWERS
from home.models import HomePage
from members.models import User

PASSWORD = "a-long-test-password"


def make_user(email, group_name=None, **extra):
    if extra.get("is_superuser"):
        user = User.objects.create_superuser(email, PASSWORD)
    else:
        user = User.objects.create_user(email, PASSWORD, **extra)
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def home(db):
    return HomePage.objects.get(depth=2)


@pytest.fixture
def editor(db):
    return make_user("editor@example.org", EDITORS, first_name="Eddie", last_name="Editor")


@pytest.fixture
def reviewer(db):
    return make_user("reviewer@example.org", REVIEWERS, first_name="Rita", last_name="Reviewer")


@pytest.fixture
def other_reviewer(db):
    return make_user("rowan@example.org", REVIEWERS, first_name="Rowan", last_name="Reviewer")


@pytest.fixture
def administrator(db):
    return make_user("admin@example.org", is_superuser=True)


@pytest.fixture
def member(db):
    return make_user("member@example.org", MEMBERS)
