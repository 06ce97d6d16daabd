"""Settings, people's accounts and languages are for site administrators only."""

import pytest
from django.urls import reverse

from home.models import StandardPage
from tests.roles import client_for

pytestmark = pytest.mark.django_db

ADMIN_ONLY = [
    "/admin/settings/home/sitesettings/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/locales/",
    "/admin/workflows/list/",
]


@pytest.mark.parametrize("url", ADMIN_ONLY)
@pytest.mark.parametrize("role", ["editor", "reviewer", "administrator"])
def test_only_administrators_open_admin_only_areas(request, url, role):
    client = client_for(request.getfixturevalue(role))
    if role == "administrator":
        assert client.get(url, follow=True).status_code == 200
    else:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/"


@pytest.mark.parametrize("role", ["editor", "reviewer", "administrator"])
def test_editors_cannot_delete_live_pages(request, home, role):
    page = home.add_child(instance=StandardPage(title="Live page"))
    client_for(request.getfixturevalue(role)).post(
        reverse("wagtailadmin_pages:delete", args=(page.pk,))
    )
    still_there = StandardPage.objects.filter(pk=page.pk).exists()
    assert still_there is (role == "editor")


def test_a_member_cannot_reach_the_admin_at_all(member):
    response = client_for(member).get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/admin/")
