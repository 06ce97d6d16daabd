"""A password-protected page's form answers a tampered return address with a redirect, not a 500.

Wagtail redirects with Django's redirect(), which took "abc" for the name of a view and failed
(NoReverseMatch) once the password was right.
"""

import pytest
from wagtail.models import PageViewRestriction

from home.models import StandardPage

pytestmark = pytest.mark.django_db

PASSWORD = "letmein"


@pytest.fixture
def protected_page(home):
    page = home.add_child(instance=StandardPage(title="Team notes", introduction="For the team."))
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return page, restriction


def form_url(page, restriction):
    return f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


@pytest.mark.parametrize("return_url", ["abc", "&|!", "https"])
def test_a_return_address_that_is_not_a_path_goes_to_the_home_page(
    client, protected_page, return_url
):
    page, restriction = protected_page
    response = client.post(
        form_url(page, restriction), {"password": PASSWORD, "return_url": return_url}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    # The right password still opens the page.
    assert "For the team." in client.get(page.url).content.decode()


def test_the_form_still_returns_to_the_page(client, protected_page):
    page, restriction = protected_page
    assert "For the team." not in client.get(page.url).content.decode()
    response = client.post(
        form_url(page, restriction), {"password": PASSWORD, "return_url": page.url}
    )
    assert response["Location"] == page.url
    assert "For the team." in client.get(page.url).content.decode()


def test_a_wrong_password_opens_nothing(client, protected_page):
    page, restriction = protected_page
    response = client.post(form_url(page, restriction), {"password": "no", "return_url": "abc"})
    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    assert "For the team." not in client.get(page.url).content.decode()
