"""Every admin screen editors reach from the menu opens for an administrator."""

import pytest
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from members.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("admin@example.org", "a-long-password-1"))
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/pages/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/settings/home/sitesettings/",
        "/admin/redirects/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/locales/",
        "/admin/workflows/list/",
    ],
)
def test_admin_screen_opens(admin_client, url):
    response = admin_client.get(url, follow=True)
    assert response.status_code == 200


def test_every_snippet_can_be_listed_and_added(admin_client):
    models = get_snippet_models()
    assert models
    for model in models:
        opts = model._meta
        for view in ("list", "add"):
            url = reverse(f"wagtailsnippets_{opts.app_label}_{opts.model_name}:{view}")
            assert admin_client.get(url).status_code == 200, url
