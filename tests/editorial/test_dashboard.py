"""The editors' dashboard panels and the "Scheduled content" report, used as the real roles."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from openpyxl import load_workbook
from wagtail.models import Workflow

from editorial.roles import EDITORS, REVIEWERS
from home.models import Person, StandardPage
from tests.roles import make_user

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/"
SCHEDULED_REPORT = "/admin/reports/scheduled-content/"
REVIEW_REPORT = "/admin/reports/due-for-review/"


def add_page(home, title):
    return home.add_child(instance=StandardPage(title=title, live=False))


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def schedule_go_live(page, when):
    """An approved schedule: the revision gets approved_go_live_at, the page stays unpublished."""
    page.go_live_at = when
    return publish(page)


def schedule_expiry(page, when):
    page.expire_at = when
    return publish(page)


def dashboard_html(client, user):
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response.content.decode()


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return b"".join(response.streaming_content).decode().splitlines()


@pytest.fixture
def schedule(home):
    """A go-live and an expiry this week, a person going live, and a go-live 20 days ahead."""
    now = timezone.now()
    return {
        "goes_live": schedule_go_live(add_page(home, "Housing First briefing"), now + timedelta(3)),
        "expires": schedule_expiry(add_page(home, "Winter shelter rota"), now + timedelta(5)),
        "person": schedule_go_live(
            Person.objects.create(name="Sam Peer Mentor", live=False), now + timedelta(7)
        ),
        "later": schedule_go_live(add_page(home, "Annual conference"), now + timedelta(20)),
    }


def timedelta(days):
    return datetime.timedelta(days=days)


def test_scheduling_a_page_makes_an_approved_schedule(schedule):
    page = schedule["goes_live"]
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at == page.go_live_at


@pytest.mark.parametrize("role", [EDITORS, REVIEWERS])
def test_the_dashboard_lists_what_goes_live_or_expires_in_the_next_14_days(client, schedule, role):
    html = dashboard_html(client, make_user(f"{role.lower()}@example.org", role))

    assert "Scheduled in the next 14 days" in html
    soon = html.split("Scheduled in the next 14 days", 1)[1].split("</section>", 1)[0]
    page = schedule["goes_live"]
    assert f'href="/admin/pages/{page.pk}/edit/"' in soon
    assert "Housing First briefing" in soon
    assert "Winter shelter rota" in soon
    assert "Sam Peer Mentor" in soon
    assert "Goes live" in soon
    assert "Expires" in soon
    # Soonest first.
    assert soon.index("Housing First briefing") < soon.index("Winter shelter rota")
    assert soon.index("Winter shelter rota") < soon.index("Sam Peer Mentor")
    # The person links to its snippet edit view.
    person = schedule["person"]
    assert reverse("wagtailsnippets_home_person:edit", args=[person.pk]) in soon
    # 20 days ahead is outside the panel...
    assert "Annual conference" not in soon
    # ...which links to the full report.
    assert f'href="{SCHEDULED_REPORT}"' in soon


def test_the_panel_gives_the_date_and_time_in_words_in_uk_time(client, home, editor):
    with freeze_time("2026-06-25 12:00:00+00:00"):
        # 09:00 UTC on 1 July is 10:00 British Summer Time.
        when = datetime.datetime(2026, 7, 1, 9, 0, tzinfo=datetime.UTC)
        schedule_go_live(add_page(home, "Trauma Informed Care webinar"), when)
        html = dashboard_html(client, editor)
    assert "Wednesday 1 July 2026, 10:00" in html


def test_an_item_20_days_ahead_is_in_the_report(client, schedule, editor):
    client.force_login(editor)
    response = client.get(SCHEDULED_REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    for title in (
        "Housing First briefing",
        "Winter shelter rota",
        "Sam Peer Mentor",
        "Annual conference",
    ):
        assert title in html
    assert html.index("Sam Peer Mentor") < html.index("Annual conference")
    page = schedule["later"]
    assert f'href="/admin/pages/{page.pk}/edit/"' in html
    assert "export=csv" in html
    assert "export=xlsx" in html


def test_the_report_lists_the_expiry_a_scheduled_page_will_carry(client, home, editor):
    now = timezone.now().replace(microsecond=0)
    page = add_page(home, "Pop-up clinic")
    page.expire_at = now + timedelta(30)
    schedule_go_live(page, now + timedelta(10))

    client.force_login(editor)
    rows = csv_rows(client.get(SCHEDULED_REPORT, {"export": "csv"}))
    assert [row for row in rows if row.startswith("Pop-up clinic")] == [
        f"Pop-up clinic,General content page,Goes live,{local(now + timedelta(10))}",
        f"Pop-up clinic,General content page,Expires,{local(now + timedelta(30))}",
    ]


def local(moment):
    return timezone.localtime(moment, timezone.get_default_timezone()).strftime("%Y-%m-%d %H:%M:%S")


def test_the_reports_csv_export_contains_the_items(client, schedule, reviewer):
    client.force_login(reviewer)
    rows = csv_rows(client.get(SCHEDULED_REPORT, {"export": "csv"}))
    assert rows[0] == "Title,Type,What will happen,Date and time (UK time)"
    assert [row.split(",")[:3] for row in rows[1:]] == [
        ["Housing First briefing", "General content page", "Goes live"],
        ["Winter shelter rota", "General content page", "Expires"],
        ["Sam Peer Mentor", "Person", "Goes live"],
        ["Annual conference", "General content page", "Goes live"],
    ]


def test_the_reports_excel_export_works(client, schedule, editor):
    client.force_login(editor)
    response = client.get(SCHEDULED_REPORT, {"export": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    titles = [row[0] for row in workbook.active.iter_rows(min_row=2, values_only=True)]
    assert titles == [
        "Housing First briefing",
        "Winter shelter rota",
        "Sam Peer Mentor",
        "Annual conference",
    ]


def test_past_and_unscheduled_content_is_not_listed(client, home, editor):
    publish(add_page(home, "Ordinary page"))
    client.force_login(editor)
    html = client.get(SCHEDULED_REPORT).content.decode()
    assert "Ordinary page" not in html
    assert "Nothing is scheduled to go live or expire." in html
    assert "Nothing is due to go live or expire in the next 14 days." in dashboard_html(
        client, editor
    )


def test_the_report_is_paginated(client, home, editor):
    now = timezone.now()
    for number in range(51):
        page = add_page(home, f"Scheduled page {number:02}")
        page.go_live_at = now + timedelta(1 + number)
        page.save_revision().publish()
    client.force_login(editor)
    first = client.get(SCHEDULED_REPORT).content.decode()
    second = client.get(SCHEDULED_REPORT, {"p": 2}).content.decode()
    assert "Scheduled page 49" in first
    assert "Scheduled page 50" not in first
    assert "Scheduled page 50" in second


@pytest.mark.parametrize("url", [SCHEDULED_REPORT, REVIEW_REPORT])
def test_members_cannot_open_the_reports(client, member, url):
    client.force_login(member)
    for path in (url, url + "?export=csv", url + "results/"):
        response = client.get(path)
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response.url.startswith("/accounts/login/?next=/admin/")


@pytest.mark.parametrize("url", [SCHEDULED_REPORT, REVIEW_REPORT])
def test_signed_out_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=/admin/")


@pytest.mark.parametrize("url", [SCHEDULED_REPORT, REVIEW_REPORT])
def test_site_administrators_can_open_the_reports(client, administrator, url):
    client.force_login(administrator)
    assert client.get(url).status_code == 200
    assert client.get(url + "results/").status_code == 200


def test_the_reports_are_in_the_reports_menu_for_editors(client, editor):
    html = dashboard_html(client, editor)
    assert SCHEDULED_REPORT in html
    assert REVIEW_REPORT in html


def test_the_panels_are_on_every_editing_roles_dashboard(client, editor, reviewer, administrator):
    for user in (editor, reviewer, administrator):
        html = dashboard_html(client, user)
        assert "Scheduled in the next 14 days" in html
        assert "Due for content review" in html


def test_wagtails_workflow_panels_still_appear_for_editors_and_reviewers(
    client, home, editor, reviewer
):
    page = add_page(home, "Get involved")
    page.save_revision(user=editor)
    Workflow.objects.get(name="Review before publishing").start(page, editor)

    editor_html = dashboard_html(client, editor)
    assert "Your pages and snippets in a workflow" in editor_html
    assert "Get involved" in editor_html
    assert "Scheduled in the next 14 days" in editor_html

    reviewer_html = dashboard_html(client, reviewer)
    assert "Awaiting your review" in reviewer_html
    assert "Get involved" in reviewer_html
    assert "Due for content review" in reviewer_html
