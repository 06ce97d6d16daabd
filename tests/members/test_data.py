"""A member owns their data: they can download all of it and delete their account themselves."""

import json

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.sessions.models import Session
from django.test import Client
from freezegun import freeze_time

from members import personal_data
from members.models import SavedPage, User
from tests.library.factories import ResourceIndexPageFactory, ResourcePageFactory
from tests.roles import PASSWORD, client_for, make_user

pytestmark = pytest.mark.django_db

DOWNLOAD_URL = "/accounts/hub/your-data/"
DELETE_URL = "/accounts/hub/delete-account/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def resource(site_tree):
    library = ResourceIndexPageFactory(parent=site_tree)
    return ResourcePageFactory(parent=library, title="Housing First toolkit")


@pytest.fixture
def member(site_tree):
    with freeze_time("2025-01-10 09:30"):
        user = make_user(
            "jo@example.org",
            "Members",
            first_name="Jo",
            last_name="Bloggs",
            job_title="Support worker",
            organisation="Framework Housing",
            organisation_type="housing",
            work_postcode="NG7 2RD",
            language="pl",
        )
        user.set_email_consent(True)
        user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    EmailAddress.objects.create(user=user, email="jo.home@example.net", verified=False)
    return user


@pytest.fixture
def member_client(member):
    return client_for(member)


@pytest.fixture
def extra_section():
    """Another app's registered section and eraser, as get_involved or events register theirs."""
    erased = []
    personal_data.personal_data_section("zz_test_section")(lambda user: {"who": user.email})
    personal_data.personal_data_eraser("zz_test_section")(erased.append)
    yield erased
    personal_data._sections.pop("zz_test_section")
    personal_data._erasers.pop("zz_test_section")


# Download


def test_the_download_is_a_json_file_with_everything_about_the_member(
    member, member_client, resource, extra_section
):
    SavedPage.objects.create(user=member, page=resource)
    response = member_client.get(DOWNLOAD_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="pdu-hub-your-data-')
    assert "no-store" in response["Cache-Control"]

    data = json.loads(response.content)
    sections = data["sections"]
    assert sections["account"] == {
        "email": "jo@example.org",
        "first_name": "Jo",
        "last_name": "Bloggs",
        "job_title": "Support worker",
        "organisation": "Framework Housing",
        "organisation_type": "Housing provider",
        "work_postcode": "NG7 2RD",
        "joined": "2025-01-10T09:30:00+00:00",
        "last_signed_in": sections["account"]["last_signed_in"],
    }
    assert sections["email_addresses"] == [
        {"email": "jo@example.org", "verified": True, "primary": True},
        {"email": "jo.home@example.net", "verified": False, "primary": False},
    ]
    assert sections["email_preferences"] == {
        "wants_emails_about_events_and_news": True,
        "said_yes_on": "2025-01-10T09:30:00+00:00",
        "language": "pl",
    }
    [saved] = sections["saved_pages"]
    assert saved["title"] == "Housing First toolkit"
    assert saved["address"] == f"http://localhost{resource.url}"
    # Every app's registered section is in the same file.
    assert sections["zz_test_section"] == {"who": "jo@example.org"}


def test_the_download_holds_only_the_members_own_data(member_client, resource):
    other = make_user("someone.else@example.org", "Members", first_name="Someone")
    SavedPage.objects.create(user=other, page=resource)
    data = member_client.get(DOWNLOAD_URL).content.decode()
    assert "someone.else" not in data and "Housing First toolkit" not in data


def test_the_download_needs_an_account_and_a_get(client, member_client, site_tree):
    response = client.get(DOWNLOAD_URL)
    assert response.status_code == 302 and "/accounts/login/" in response.headers["Location"]
    assert member_client.post(DOWNLOAD_URL).status_code == 405


# Deleting an account


def test_the_delete_page_asks_for_the_password_and_explains_what_happens(member_client):
    html = soup(member_client.get(DELETE_URL))
    assert html.h1.get_text(strip=True) == "Delete your account"
    password = html.select_one("form input[name=password]")
    assert password["type"] == "password"
    assert html.select_one(f"label[for={password['id']}]").get_text(strip=True) == "Your password"
    assert "download your data" in html.get_text()


def test_a_wrong_password_is_refused_with_a_clear_error(member, member_client):
    response = member_client.post(DELETE_URL, {"password": "not-my-password"})
    assert response.status_code == 200
    html = soup(response)
    assert "That is not your password" in html.select_one(".error-summary").get_text()
    assert html.select_one("#id_password")["aria-describedby"] == "id_password_error"
    member.refresh_from_db()
    assert member.is_active and member.email == "jo@example.org"


@pytest.mark.parametrize(
    ("password", "message"),
    [("", "Enter your password to delete your account."), ("x" * 5000, "longer than any")],
)
def test_empty_or_oversized_passwords_get_a_message(member, member_client, password, message):
    response = member_client.post(DELETE_URL, {"password": password})
    assert response.status_code == 200
    assert message in soup(response).select_one(".error-summary").get_text()
    member.refresh_from_db()
    assert member.is_active


def test_repeated_wrong_passwords_are_slowed_down(member, member_client):
    for _attempt in range(5):
        member_client.post(DELETE_URL, {"password": "guess"})
    response = member_client.post(DELETE_URL, {"password": PASSWORD})
    assert "Too many wrong passwords" in response.content.decode()
    member.refresh_from_db()
    assert member.is_active


def test_deleting_erases_everything_but_the_anonymous_counts(
    member, member_client, resource, extra_section
):
    SavedPage.objects.create(user=member, page=resource)
    other_device = client_for(member)
    joined = member.date_joined

    response = member_client.post(DELETE_URL, {"password": PASSWORD}, follow=True)
    assert response.redirect_chain == [("/accounts/goodbye/", 302)]
    assert "Your account has been deleted" in soup(response).h1.get_text()

    member.refresh_from_db()
    assert member.email == f"deleted-{member.pk}@invalid"
    assert (member.first_name, member.last_name, member.job_title, member.organisation) == (
        "",
        "",
        "",
        "",
    )
    assert not member.is_active and not member.has_usable_password()
    assert (member.email_consent, member.email_consent_at) == (False, None)
    assert member.last_login is None
    # Kept for the funders' counts, identifying nobody.
    assert (member.organisation_type, member.work_postcode, member.date_joined) == (
        "housing",
        "NG7",
        joined,
    )
    assert not EmailAddress.objects.filter(user=member).exists()
    assert not SavedPage.objects.filter(user=member).exists()
    assert extra_section == [member]
    # Signed out here and on every other device.
    assert "_auth_user_id" not in member_client.session
    assert not [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id")]
    assert other_device.get("/accounts/hub/").status_code == 302


def test_the_deleted_member_cannot_sign_in_and_the_address_is_free_again(
    member, member_client, client
):
    member_client.post(DELETE_URL, {"password": PASSWORD})
    response = client.post("/accounts/login/", {"login": "jo@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200
    assert not User.objects.filter(email="jo@example.org").exists()


def test_deleting_only_affects_the_member(member, member_client):
    other = make_user("stays@example.org", "Members", first_name="Sam")
    other_client = client_for(other)
    member_client.post(DELETE_URL, {"password": PASSWORD})
    other.refresh_from_db()
    assert other.is_active and other.email == "stays@example.org"
    assert other_client.get("/accounts/hub/").status_code == 200


@pytest.mark.parametrize(
    "kind",
    [
        {"group_name": "Editors"},
        {"group_name": "Reviewers"},
        {"is_superuser": True},
        {"is_staff": True},
    ],
)
def test_staff_are_told_to_ask_an_administrator(site_tree, kind):
    group = kind.pop("group_name", None)
    user = make_user("staff@example.org", group, **kind)
    client = client_for(user)
    html = soup(client.get(DELETE_URL))
    assert "Ask an administrator" in html.h1.get_text()
    assert html.select_one("input[name=password]") is None
    response = client.post(DELETE_URL, {"password": PASSWORD})
    assert response.status_code == 403
    user.refresh_from_db()
    assert user.is_active and user.email == "staff@example.org"


def test_deleting_needs_an_account_and_csrf(member, client):
    response = client.get(DELETE_URL)
    assert response.status_code == 302 and "/accounts/login/" in response.headers["Location"]
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)
    assert strict.post(DELETE_URL, {"password": PASSWORD}).status_code == 403
    member.refresh_from_db()
    assert member.is_active


def test_the_goodbye_page_only_answers_get(client, site_tree):
    assert client.get("/accounts/goodbye/").status_code == 200
    assert client.post("/accounts/goodbye/").status_code == 405


# The privacy notice


def test_the_sign_up_page_links_the_privacy_notice_from_the_footer_links(client, site_tree):
    from wagtail.models import Site

    from home.models import SiteSettings, StandardPage

    before = soup(client.get("/accounts/signup/"))
    sentence = before.find(string=lambda text: "privacy notice" in text)
    assert sentence is not None and sentence.parent.name == "p"  # no link until there is a page

    privacy = site_tree.add_child(instance=StandardPage(title="Privacy notice", slug="privacy"))
    accessibility = site_tree.add_child(instance=StandardPage(title="Accessibility statement"))
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.footer_links = [("page", accessibility), ("page", privacy)]
    site_settings.save()

    after = soup(client.get("/accounts/signup/"))
    link = after.find("a", string="privacy notice")
    assert link["href"] == privacy.url
    assert "Read how we look after your information in our" in link.parent.get_text()


def test_the_demo_privacy_notice_states_the_retention_settings(settings):
    from home.demo_pages import GENERAL_PAGES

    text = str(GENERAL_PAGES["privacy"]["body"][0][1])
    assert settings.PDU_FORM_SUBMISSION_RETENTION_DAYS == 2 * 365
    assert "deleted after 2 years" in text
    assert settings.PDU_INACTIVE_ACCOUNT_RETENTION_DAYS == 3 * 365
    assert "do not sign in for 3 years" in text
    assert settings.PDU_INACTIVE_ACCOUNT_WARNING_DAYS == 30
    assert "30 days before" in text
    for promise in ("Download your data", "delete your account yourself", "cookies", "enquiries@"):
        assert promise in text
