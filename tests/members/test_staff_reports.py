"""Staff reports about members in the admin: counts for everyone who runs the site, the email
list (names and addresses) for administrators only."""

import csv
import io
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from members.deletion import delete_account
from members.models import User
from members.tokens import unsubscribe_url
from tests.roles import client_for, make_user

pytestmark = pytest.mark.django_db

COUNTS_URL = "/admin/members/counts/"
EMAIL_LIST_URL = "/admin/members/email-list/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def join(email, organisation="", organisation_type="", work_postcode="", consent=False, **extra):
    user = make_user(
        email,
        "Members",
        organisation=organisation,
        organisation_type=organisation_type,
        work_postcode=work_postcode,
        **extra,
    )
    if consent:
        user.set_email_consent(True)
        user.save()
    return user


@pytest.fixture
def members(site_tree):
    return [
        join("a@example.org", "Framework Housing", "housing", "NG1 5AW"),
        join("b@example.org", "  framework   housing ", "housing", "NG7 2RD"),
        join("c@example.org", "Nottingham CVS", "voluntary", "NG1 6HL"),
        join("d@example.org", "", "none", "NG10"),
        join("e@example.org", "NHS Trust", "health", ""),
        join("f@example.org"),
    ]


def role_client(request, role):
    return client_for(request.getfixturevalue(role)) if role else None


# Members by organisation type and area


@pytest.mark.parametrize("role", ["editor", "reviewer", "administrator"])
def test_counts_are_open_to_everyone_who_runs_the_site(request, site_tree, role):
    client = role_client(request, role)
    response = client.get(COUNTS_URL)
    assert response.status_code == 200
    assert "Members by organisation type and area" in client.get("/admin/").content.decode()


def test_members_cannot_see_the_counts(site_tree, member):
    response = client_for(member).get(COUNTS_URL)
    assert response.status_code == 302
    assert "/login/" in response.headers["Location"]


def test_counts_by_type_and_area_with_distinct_organisations(members, editor):
    delete_account(members[0])  # a deleted account still counts, anonymously
    html = soup(client_for(editor).get(COUNTS_URL))
    figures = dict(
        zip(
            [dt.get_text(strip=True) for dt in html.select("dl dt")],
            [dd.get_text(" ", strip=True) for dd in html.select("dl dd")],
            strict=True,
        )
    )
    # Staff (the editor viewing) are not members.
    assert figures["Member accounts"] == "6 (1 of them since deleted)"
    # "Framework Housing" was blanked by the deletion; "framework housing" remains once.
    assert figures["Different organisations named"] == "3"

    tables = html.select("table.listing")
    by_type = {
        row.select("td")[0].get_text(strip=True): row.select("td")[1].get_text(strip=True)
        for row in tables[0].select("tbody tr")
    }
    assert by_type == {
        "Voluntary or community organisation": "1",
        "NHS or health service": "1",
        "Housing provider": "2",
        "No organisation (for example, lived experience)": "1",
        "Not given": "1",
    }
    by_area = [
        [cell.get_text(strip=True) for cell in row.select("td")]
        for row in tables[1].select("tbody tr")
    ]
    assert by_area == [["NG1", "2"], ["NG7", "1"], ["NG10", "1"], ["Not given", "2"]]


def test_large_counts_are_written_with_commas(site_tree, editor, monkeypatch):
    monkeypatch.setattr(
        "members.reports.member_counts",
        lambda: {"total": 2000, "deleted": 0, "organisations": 360, "by_type": [], "by_area": []},
    )
    text = soup(client_for(editor).get(COUNTS_URL)).select_one("dl").get_text(" ", strip=True)
    assert "2,000" in text and "360" in text


# Members who want emails


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_the_email_list_is_forbidden_to_editors_and_reviewers(request, members, role):
    client = role_client(request, role)
    assert client.get(EMAIL_LIST_URL).status_code == 403
    assert client.get(EMAIL_LIST_URL + "?export=csv").status_code == 403
    assert client.get(EMAIL_LIST_URL + "results/").status_code == 403
    assert "Members who want emails" not in client.get("/admin/").content.decode()


def test_the_email_list_is_closed_to_members(members, member):
    response = client_for(member).get(EMAIL_LIST_URL)
    assert response.status_code == 302 and "/login/" in response.headers["Location"]


def test_administrators_see_who_wants_emails(site_tree, administrator):
    wants = join(
        "yes@example.org", "Emmanuel House", "voluntary", "NG1 6HL", consent=True, first_name="Yas"
    )
    join("no@example.org", "Framework", "housing", "NG7 2RD")
    gone = join("gone@example.org", consent=True)
    delete_account(gone)

    response = client_for(administrator).get(EMAIL_LIST_URL)
    assert response.status_code == 200
    html = soup(response)
    rows = html.select("table.listing tbody tr")
    assert len(rows) == 1
    cells = [td.get_text(" ", strip=True) for td in rows[0].select("td")]
    assert cells[:5] == [
        "Yas",
        "yes@example.org",
        "Emmanuel House",
        "Voluntary or community organisation",
        "NG1",
    ]
    assert rows[0].select_one("a")["href"] == unsubscribe_url(wants)
    assert "Members who want emails" in client_for(administrator).get("/admin/").content.decode()


def test_the_csv_has_every_column_and_guards_against_formulas(site_tree, administrator):
    attacker = join(
        "attacker@example.org",
        '=HYPERLINK("http://evil.example","click")',
        "other",
        "NG2 1AA",
        consent=True,
        first_name="+cmd",
        last_name="-1",
    )
    join("plain@example.org", "@home", "", "", consent=True, first_name="Pat")

    response = client_for(administrator).get(EMAIL_LIST_URL + "?export=csv")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        'attachment; filename="members-who-want-emails-'
    )
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(content)))
    assert list(rows[0]) == [
        "Name",
        "Email",
        "Organisation",
        "Type of organisation",
        "Postcode area",
        "Said yes on (UK time)",
        "Personal unsubscribe link",
    ]
    by_email = {row["Email"]: row for row in rows}
    risky = by_email["attacker@example.org"]
    assert risky["Name"] == "'+cmd -1"
    assert risky["Organisation"] == '\'=HYPERLINK("http://evil.example","click")'
    assert risky["Postcode area"] == "NG2"
    assert risky["Personal unsubscribe link"] == unsubscribe_url(attacker)
    assert by_email["plain@example.org"]["Organisation"] == "'@home"
    assert by_email["plain@example.org"]["Name"] == "Pat"
    assert risky["Said yes on (UK time)"][:4].isdigit()
    # The link in the file works.
    path = urlsplit(risky["Personal unsubscribe link"]).path
    assert client_for(administrator).post(path).status_code == 200
    attacker.refresh_from_db()
    assert attacker.email_consent is False


# The Users area of the admin


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_member_accounts_in_the_users_area_are_for_administrators_only(request, members, role):
    client = role_client(request, role)
    target = User.objects.get(email="a@example.org")
    for url in (
        "/admin/users/",
        f"/admin/users/edit/{target.pk}/",
        f"/admin/users/delete/{target.pk}/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "a@example.org" not in response.content.decode()
    assert (
        client_for(request.getfixturevalue("administrator")).get("/admin/users/").status_code == 200
    )


def test_other_admin_users_outside_the_editorial_groups_cannot_see_the_counts(site_tree):
    from django.contrib.auth.models import Group, Permission

    team = Group.objects.create(name="Housing First editors")
    team.permissions.add(Permission.objects.get(codename="access_admin"))
    user = make_user("team@example.org", "Housing First editors")
    response = client_for(user).get(COUNTS_URL)
    assert response.status_code == 403
    assert "Only people who run the site" in response.content.decode()
