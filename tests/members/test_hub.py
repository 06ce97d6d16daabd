"""The member's hub: saved resources, email preferences and the links to manage an account."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from freezegun import freeze_time
from wagtail.models import PageViewRestriction

from members.models import SavedPage, User
from members.restrictions import restrict_to_members
from tests.library.factories import ResourceIndexPageFactory, ResourcePageFactory
from tests.roles import client_for, make_user

pytestmark = pytest.mark.django_db

HUB_URL = "/accounts/hub/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def save_url(page_id):
    return f"/accounts/hub/saved/{page_id}/save/"


def remove_url(page_id):
    return f"/accounts/hub/saved/{page_id}/remove/"


@pytest.fixture
def library(site_tree):
    return ResourceIndexPageFactory(parent=site_tree)


@pytest.fixture
def resource(library):
    return ResourcePageFactory(parent=library, title="Trauma informed care guide")


@pytest.fixture
def member(site_tree):
    return make_user("member@example.org", "Members", first_name="Mo")


@pytest.fixture
def member_client(member):
    return client_for(member)


def save_form(html):
    return html.select_one(".save-to-hub form")


# The button on a resource page


def test_a_signed_out_visitor_is_offered_a_sign_in_link_that_comes_back(client, resource):
    html = soup(client.get(resource.url))
    link = html.select_one(".save-to-hub a")
    assert link.get_text(strip=True) == "Sign in to save this to your hub"
    assert link["href"] == f"/accounts/login/?next={resource.url}"
    assert save_form(html) is None


def test_a_member_saves_a_resource_and_removes_it_again_without_javascript(
    member, member_client, resource
):
    form = save_form(soup(member_client.get(resource.url)))
    assert form["method"] == "post" and form["action"] == save_url(resource.pk)
    assert form.select_one("input[name=csrfmiddlewaretoken]") is not None
    assert form.button.get_text(strip=True) == "Save to your hub"

    response = member_client.post(form["action"], {"next": resource.url}, follow=True)
    assert response.redirect_chain == [(resource.url, 302)]
    assert "“Trauma informed care guide” is saved in your hub." in response.content.decode()
    assert SavedPage.objects.filter(user=member, page=resource).count() == 1

    form = save_form(soup(response))
    assert form["action"] == remove_url(resource.pk)
    assert form.button.get_text(strip=True) == "Remove from your hub"
    response = member_client.post(form["action"], {"next": resource.url}, follow=True)
    assert "is no longer in your hub" in response.content.decode()
    assert not SavedPage.objects.filter(user=member).exists()


def test_saving_twice_keeps_one_and_says_so(member, member_client, resource):
    member_client.post(save_url(resource.pk))
    response = member_client.post(save_url(resource.pk), follow=True)
    assert "was already in your hub" in response.content.decode()
    assert SavedPage.objects.filter(user=member).count() == 1


def test_saving_checks_csrf(member, resource):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post(save_url(resource.pk)).status_code == 403
    assert not SavedPage.objects.exists()


def test_signed_out_posts_go_to_sign_in_and_back_to_the_page(client, resource):
    response = client.post(save_url(resource.pk))
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/accounts/login/?next=")
    assert response.headers["Location"] == f"/accounts/login/?next={resource.url}"
    assert not SavedPage.objects.exists()


@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_only_post_saves_or_removes(member_client, resource, method):
    for url in (save_url(resource.pk), remove_url(resource.pk)):
        assert getattr(member_client, method)(url).status_code == 405


@pytest.mark.parametrize("page_id", [0, 987654, 2**31, 10**30])
def test_unknown_pages_cannot_be_saved_or_removed(member_client, resource, page_id):
    assert member_client.post(save_url(page_id)).status_code == 404
    assert member_client.post(remove_url(page_id)).status_code == 404
    assert not SavedPage.objects.exists()


def test_a_draft_page_cannot_be_saved(member_client, library):
    draft = ResourcePageFactory(parent=library, live=False)
    assert member_client.post(save_url(draft.pk)).status_code == 404


def test_a_page_the_member_may_not_open_cannot_be_saved(member_client, library):
    secret = ResourcePageFactory(parent=library, title="Staff only")
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-words"
    )
    assert member_client.post(save_url(secret.pk)).status_code == 404
    assert not SavedPage.objects.exists()


def test_the_next_address_must_be_on_this_site(member_client, resource):
    response = member_client.post(save_url(resource.pk), {"next": "https://evil.example/"})
    assert response.headers["Location"] == resource.url


# The hub itself


def test_the_hub_needs_an_account(client, site_tree):
    response = client.get(HUB_URL)
    assert response.status_code == 302
    assert response.headers["Location"] == "/accounts/login/?next=/accounts/hub/"


def test_the_hub_lists_saved_resources_with_members_only_labels(member, member_client, library):
    public = ResourcePageFactory(parent=library, title="Open guide")
    private = ResourcePageFactory(parent=library, title="Webinar recording")
    restrict_to_members(private)
    gone = ResourcePageFactory(parent=library, title="Withdrawn toolkit")
    for page in (public, private, gone):
        member_client.post(save_url(page.pk))
    gone.unpublish()

    html = soup(member_client.get(HUB_URL))
    items = html.select("#saved .document-list__item")
    assert len(items) == 3
    private_item = next(item for item in items if "Webinar recording" in item.get_text())
    assert private_item.select_one("a")["href"] == private.url
    assert private_item.select_one(".tag--members").get_text(strip=True) == "Members only"
    public_item = next(item for item in items if "Open guide" in item.get_text())
    assert public_item.select_one(".tag--members") is None
    gone_item = next(item for item in items if "Withdrawn toolkit" in item.get_text())
    assert "no longer on the site" in gone_item.get_text()
    assert gone_item.select_one("a") is None
    assert gone_item.form["action"] == remove_url(gone.pk)


def test_the_hub_shows_only_the_members_own_saved_pages(member_client, resource):
    other = make_user("other@example.org", "Members")
    SavedPage.objects.create(user=other, page=resource)
    html = soup(member_client.get(HUB_URL))
    assert html.select("#saved .document-list__item") == []
    assert "Nothing saved yet" in html.select_one("#saved").get_text()


def test_a_member_cannot_remove_someone_elses_saved_page(member_client, resource):
    other = make_user("other@example.org", "Members")
    SavedPage.objects.create(user=other, page=resource)
    assert member_client.post(remove_url(resource.pk)).status_code == 404
    assert SavedPage.objects.filter(user=other).exists()


def test_many_saved_pages_are_split_into_pages(member, member_client, library):
    for number in range(25):
        SavedPage.objects.create(
            user=member, page=ResourcePageFactory(parent=library, title=f"Resource {number}")
        )
    first = soup(member_client.get(HUB_URL))
    assert len(first.select("#saved .document-list__item")) == 20
    assert first.select_one("#saved .pagination") is not None
    second = soup(member_client.get(HUB_URL + "?saved=2"))
    assert len(second.select("#saved .document-list__item")) == 5
    assert member_client.get(HUB_URL + "?saved=nonsense").status_code == 200


def test_the_hub_links_to_everything_a_member_manages(member_client):
    html = soup(member_client.get(HUB_URL))
    links = {a.get_text(strip=True): a["href"] for a in html.select("#account a")}
    assert links["Change your email address"] == "/accounts/email/"
    assert links["Change your password"] == "/accounts/password/change/"
    assert links["Download your data"] == "/accounts/hub/your-data/"
    assert links["Delete your account"] == "/accounts/hub/delete-account/"
    sign_out = html.select_one("#account form")
    assert sign_out["action"] == "/accounts/logout/" and sign_out["method"] == "post"


def test_the_bookings_place_is_there_and_empty(member_client):
    response = member_client.get(HUB_URL)
    assert "members/components/hub_bookings.html" in [t.name for t in response.templates]


# Email preferences


def test_opting_in_records_the_date_and_opting_out_clears_it(member, member_client):
    with freeze_time("2026-03-03 10:00"):
        response = member_client.post(
            "/accounts/hub/email-preferences/", {"email_consent": "on"}, follow=True
        )
    assert "You will get emails about events and news." in response.content.decode()
    member.refresh_from_db()
    assert member.email_consent is True
    assert member.email_consent_at == datetime.datetime(2026, 3, 3, 10, 0, tzinfo=datetime.UTC)
    html = soup(member_client.get(HUB_URL))
    assert "You said yes on 3 March 2026" in html.select_one("#emails").get_text()
    assert html.select_one("#id_email_consent").has_attr("checked")

    response = member_client.post("/accounts/hub/email-preferences/", {}, follow=True)
    assert "You will not get emails about events and news." in response.content.decode()
    member.refresh_from_db()
    assert (member.email_consent, member.email_consent_at) == (False, None)


def test_the_email_choice_is_labelled_and_explained(member_client):
    html = soup(member_client.get(HUB_URL))
    checkbox = html.select_one("#emails input[type=checkbox]")
    label = html.select_one(f"label[for={checkbox['id']}]")
    assert "Send me emails about events and news" in label.get_text()
    assert checkbox["aria-describedby"] == "id_email_consent_helptext"


def test_email_preferences_only_take_a_post_from_a_member(client, member_client):
    assert member_client.get("/accounts/hub/email-preferences/").status_code == 405
    response = client.post("/accounts/hub/email-preferences/", {"email_consent": "on"})
    assert response.status_code == 302 and "/accounts/login/" in response.headers["Location"]
    assert not User.objects.filter(email_consent=True).exists()
