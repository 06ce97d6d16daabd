"""Every admin route that makes content public, tried by each role.

Editors and reviewers are refused every route that publishes directly: their changes go public only
through an approved review. Each refusal is paired with a site administrator succeeding at the
same request, so a test cannot pass merely because the request was malformed.
"""

import json

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from home.models import Person, StandardPage
from tests.roles import client_for

from .admin_actions import create_page, edit_page

pytestmark = pytest.mark.django_db

REFUSED = ["editor", "reviewer"]
EVERYONE = [*REFUSED, "administrator"]


@pytest.fixture(params=EVERYONE)
def role(request):
    return request.param


@pytest.fixture
def client(request, role):
    return client_for(request.getfixturevalue(role))


def may_publish(role):
    return role == "administrator"


def draft_page(home, title="Draft page"):
    page = home.add_child(instance=StandardPage(title=title, introduction="Draft words."))
    page.unpublish()
    page.refresh_from_db()
    return page


def live_page(home, title="Live page"):
    page = home.add_child(instance=StandardPage(title=title, introduction="Live words."))
    page.save_revision().publish()
    return page


def test_publish_button_on_the_edit_screen(home, role, client):
    page = draft_page(home)
    response = edit_page(client, page, action="action-publish", introduction="Changed.")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live is may_publish(role)


def test_publish_button_when_creating_a_page(home, role, client):
    response, page = create_page(client, home, "Brand new page", action="action-publish")
    assert response.status_code == 302
    assert page is not None
    assert page.live is may_publish(role)


def test_publish_is_not_offered_on_the_edit_screen(home, role, client):
    page = draft_page(home)
    screen = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert ('name="action-publish"' in screen) is may_publish(role)


def test_bulk_publish_from_the_page_listing(home, role, client):
    pages = [draft_page(home, "Draft one"), draft_page(home, "Draft two")]
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    query = "&".join(f"id={page.pk}" for page in pages)
    client.post(f"{url}?{query}", {"include_descendants": ""})
    for page in pages:
        page.refresh_from_db()
        assert page.live is may_publish(role)


def test_revert_to_an_earlier_version_and_publish(home, role, client):
    page = live_page(home)
    first_revision = page.latest_revision
    page.introduction = "Second version."
    page.save_revision().publish()

    url = reverse("wagtailadmin_pages:revisions_revert", args=(page.pk, first_revision.pk))
    data = {
        "title": page.title,
        "slug": page.slug,
        "introduction": "Live words.",
        "body-count": "0",
        "last_reviewed": "",
        "revision": first_revision.pk,
        "action-publish": "action-publish",
    }
    client.post(url, data)
    page.refresh_from_db()
    expected = "Live words." if may_publish(role) else "Second version."
    assert page.specific.introduction == expected


def test_copy_with_publish_copies(home, role, client):
    page = live_page(home)
    client.post(
        reverse("wagtailadmin_pages:copy", args=(page.pk,)),
        {
            "new_title": "Copied page",
            "new_slug": "copied-page",
            "new_parent_page": home.pk,
            "publish_copies": "on",
        },
    )
    # Refused either way: the copy is made as a draft, or the form explains it cannot publish there.
    copy = StandardPage.objects.filter(slug="copied-page").first()
    assert (copy is not None and copy.live) is may_publish(role)


def test_copy_as_an_alias(home, role, client):
    page = live_page(home)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=(page.pk,)),
        {
            "new_title": "Alias page",
            "new_slug": "alias-page",
            "new_parent_page": home.pk,
            "alias": "on",
        },
    )
    assert response.status_code in (200, 302)
    alias = StandardPage.objects.filter(slug="alias-page").first()
    live_alias_made = alias is not None and alias.live and alias.alias_of_id == page.pk
    assert live_alias_made is may_publish(role)


def test_move_a_live_page(home, role, client):
    parent = live_page(home, "New section")
    page = live_page(home, "Page to move")
    client.post(reverse("wagtailadmin_pages:move_confirm", args=(page.pk, parent.pk)))
    page.refresh_from_db()
    assert (page.get_parent().pk == parent.pk) is may_publish(role)


def test_publish_a_snippet(role, client):
    client.post(
        reverse("wagtailsnippets_home_person:add"),
        {
            "name": "Sam Jones",
            "role": "",
            "organisation": "",
            "bio": "",
            "locale": Locale.get_default().pk,
            "action-publish": "action-publish",
        },
    )
    person = Person.objects.get(name="Sam Jones")
    assert person.live is may_publish(role)


def test_publish_through_the_admin_api(home, role, client):
    page = draft_page(home)
    client.post(
        reverse("wagtailadmin_api:pages:action", args=(page.pk, "publish")),
        data=json.dumps({}),
        content_type="application/json",
    )
    page.refresh_from_db()
    assert page.live is may_publish(role)


def test_create_a_page_beside_the_home_page(role, client):
    root = Page.get_first_root_node()
    response = client.get(reverse("wagtailadmin_pages:add", args=("home", "homepage", root.pk)))
    assert (response.status_code == 200) is may_publish(role)


# Taking content down, cancelling a schedule and setting privacy are the reviewers' job.


@pytest.mark.parametrize("role", EVERYONE)
def test_unpublish(home, role, client):
    page = live_page(home)
    client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
    page.refresh_from_db()
    assert page.live is (role == "editor")


@pytest.mark.parametrize("role", EVERYONE)
def test_set_privacy(home, role, client):
    page = live_page(home)
    client.post(
        reverse("wagtailadmin_pages:set_privacy", args=(page.pk,)),
        {"restriction_type": "login", "password": "", "groups": []},
    )
    assert page.get_view_restrictions().exists() is (role != "editor")


@pytest.mark.parametrize("role", EVERYONE)
def test_cancel_a_schedule(home, role, client):
    import datetime

    from django.utils import timezone

    page = draft_page(home)
    page.go_live_at = timezone.now() + datetime.timedelta(days=3)
    revision = page.save_revision()
    revision.publish()  # an approved schedule: waits for its go-live time
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None

    client.post(reverse("wagtailadmin_pages:revisions_unschedule", args=(page.pk, revision.pk)))
    revision.refresh_from_db()
    assert (revision.approved_go_live_at is None) is (role != "editor")
