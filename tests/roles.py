"""People in each role: helpers to make them and sign them in (the fixtures are in conftest)."""

from django.contrib.auth.models import Group
from django.test import Client

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
