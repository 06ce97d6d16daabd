"""No consent banner is needed because the site sets only strictly necessary cookies.

Reading any page sets none at all; a form sets the CSRF cookie; signing in sets the session
cookie. Nothing is loaded from another company's server, so no one else can set any either.
"""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Page

from members.demo import DEMO_USERS, create_demo_users
from tests.site_tree import ensure_site_tree

pytestmark = pytest.mark.django_db

STRICTLY_NECESSARY = {"csrftoken", "sessionid", "messages"}
EMBEDDED = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "link": "href",
}


@pytest.fixture
def public_pages():
    call_command("load_demo_content", verbosity=0)
    return [page.url for page in Page.objects.live().specific() if page.url]


def external_resources(html):
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag, attribute in EMBEDDED.items():
        for element in soup.find_all(tag):
            if tag == "link" and not {"stylesheet", "icon", "preload"} & set(
                element.get("rel", [])
            ):
                continue  # alternate-language and feed links are addresses, not loaded resources
            address = element.get(attribute) or ""
            if urlsplit(address).netloc not in {"", "testserver"}:
                found.append(address)
    return found


def test_reading_the_site_sets_no_cookies_and_loads_nothing_from_elsewhere(client, public_pages):
    assert len(public_pages) > 100
    extra = ["/search/?q=trauma", "/resources/?type=guide", "/events/calendar.ics", "/missing/"]
    for url in public_pages + extra:
        response = client.get(url)
        assert response.status_code in {200, 302, 404}, url  # 302: members only, sign in
        is_form = b'name="csrfmiddlewaretoken"' in response.content
        expected = {"csrftoken"} if is_form else set()
        assert set(response.cookies) == expected, url
        assert external_resources(response.content) == [], url


def test_signing_in_adds_only_the_session_cookie(client):
    ensure_site_tree()
    create_demo_users()
    email, password, *_rest = next(user for user in DEMO_USERS if user[0].startswith("member"))
    client.get("/accounts/login/")
    response = client.post("/accounts/login/", {"login": email, "password": password})
    assert response.status_code == 302
    assert set(client.cookies) <= STRICTLY_NECESSARY
    assert "sessionid" in client.cookies
    session = client.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"
    assert not session["max-age"], "without 'Remember me' the session ends with the browser"

    for url in ["/", "/accounts/hub/", "/events/"]:
        assert set(client.get(url).cookies) <= STRICTLY_NECESSARY, url
