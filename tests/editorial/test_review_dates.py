"""Review-by dates: set on publishing, listed when due, filled in for older pages by a command."""

import datetime
import io

import pytest
from django.core.management import call_command
from freezegun import freeze_time
from wagtail.models import Revision

from editorial.review_dates import a_year_after, site_today
from editorial.roles import EDITORS, REVIEWERS
from home.models import StandardPage
from tests.roles import make_user

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/"
REVIEW_REPORT = "/admin/reports/due-for-review/"


def add_page(home, title, **fields):
    return home.add_child(instance=StandardPage(title=title, live=False, **fields))


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def live_page_due_on(home, title, review_by):
    page = publish(add_page(home, title))
    StandardPage.objects.filter(pk=page.pk).update(review_by=review_by)
    return page


def due_panel(html):
    assert "Due for content review" in html
    return html.split("Due for content review", 1)[1].split("</section>", 1)[0]


@freeze_time("2026-03-03 10:00:00+00:00")
def test_a_page_published_today_is_due_for_review_in_a_year(home):
    page = publish(add_page(home, "About the PDU"))
    assert page.review_by == datetime.date(2027, 3, 3)


@freeze_time("2026-03-03 10:00:00+00:00")
def test_setting_the_date_makes_no_new_revision(home):
    page = add_page(home, "About the PDU")
    page.save_revision().publish()
    assert Revision.objects.for_instance(page).count() == 1
    page.refresh_from_db()
    assert not page.has_unpublished_changes


def test_the_year_is_counted_in_uk_time(home):
    # 23:30 UTC on 30 June is already 1 July in London (British Summer Time).
    with freeze_time("2026-06-30 23:30:00+00:00"):
        page = publish(add_page(home, "Get involved"))
    assert page.review_by == datetime.date(2027, 7, 1)


@freeze_time("2026-03-03 10:00:00+00:00")
def test_a_date_the_editor_chose_is_kept(home):
    page = publish(add_page(home, "Privacy notice", review_by=datetime.date(2026, 9, 1)))
    assert page.review_by == datetime.date(2026, 9, 1)


def test_publishing_again_after_the_date_passed_starts_a_new_year(home):
    with freeze_time("2025-01-10 10:00:00+00:00"):
        page = publish(add_page(home, "Accessibility statement"))
    assert page.review_by == datetime.date(2026, 1, 10)
    with freeze_time("2026-02-01 10:00:00+00:00"):
        page = publish(page)
    assert page.review_by == datetime.date(2027, 2, 1)


def test_a_scheduled_page_gets_its_date_when_it_goes_live(home):
    with freeze_time("2026-03-03 10:00:00+00:00"):
        page = add_page(home, "Spring learning event")
        page.go_live_at = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=datetime.UTC)
        page = publish(page)
    assert not page.live
    assert page.review_by is None
    with freeze_time("2026-03-10 09:00:30+00:00"):
        call_command("publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert page.live
    assert page.review_by == datetime.date(2027, 3, 10)


def test_a_leap_day_becomes_the_28th_of_february():
    assert a_year_after(datetime.date(2028, 2, 29)) == datetime.date(2029, 2, 28)


@pytest.mark.parametrize("role", [EDITORS, REVIEWERS])
def test_pages_past_their_review_date_are_due_for_content_review(client, home, role):
    today = site_today()
    overdue = live_page_due_on(home, "Old housing guidance", today - datetime.timedelta(days=40))
    due_today = live_page_due_on(home, "Referral pathway", today)
    live_page_due_on(home, "Fresh page", today + datetime.timedelta(days=1))
    unpublished = add_page(home, "Draft page", review_by=today - datetime.timedelta(days=5))
    assert not unpublished.live

    client.force_login(make_user(f"{role.lower()}@example.org", role))
    html = due_panel(client.get(DASHBOARD).content.decode())

    assert f'href="/admin/pages/{overdue.pk}/edit/"' in html
    assert f'href="/admin/pages/{due_today.pk}/edit/"' in html
    # Most overdue first.
    assert html.index("Old housing guidance") < html.index("Referral pathway")
    assert "40 days overdue" in html
    assert "Due today" in html
    assert "Fresh page" not in html
    assert "Draft page" not in html
    assert f'href="{REVIEW_REPORT}"' in html


def test_the_panel_shows_ten_and_the_report_shows_all(client, home):
    today = site_today()
    for number in range(12):
        live_page_due_on(
            home, f"Due page {number:02}", today - datetime.timedelta(days=20 - number)
        )
    client.force_login(make_user("editor@example.org", EDITORS))

    panel = due_panel(client.get(DASHBOARD).content.decode())
    assert panel.count("Due page") == 10
    assert "Due page 09" in panel
    assert "Due page 10" not in panel
    assert "Showing the 10 most overdue of 12." in panel

    report = client.get(REVIEW_REPORT)
    assert report.status_code == 200
    assert report.content.decode().count("Due page") == 12


def test_the_review_report_exports_csv(client, home):
    today = site_today()
    page = live_page_due_on(home, "Old housing guidance", today - datetime.timedelta(days=3))
    live_page_due_on(home, "Fresh page", today + datetime.timedelta(days=3))
    client.force_login(make_user("reviewer@example.org", REVIEWERS))

    response = client.get(REVIEW_REPORT, {"export": "csv"})
    assert response.status_code == 200
    rows = b"".join(response.streaming_content).decode().splitlines()
    assert rows[0] == "Title,Type,Review by,Last published,Address"
    assert len(rows) == 2
    title, page_type, review_by, _published, address = rows[1].split(",")
    assert (title, page_type, review_by) == (
        "Old housing guidance",
        "General content page",
        (today - datetime.timedelta(days=3)).isoformat(),
    )
    assert address == page.full_url

    assert client.get(REVIEW_REPORT, {"export": "xlsx"}).status_code == 200


def test_set_review_dates_fills_missing_dates_and_is_idempotent(home):
    with freeze_time("2025-05-20 10:00:00+00:00"):
        older = publish(add_page(home, "Older page"))
    with freeze_time("2026-01-15 10:00:00+00:00"):
        newer = publish(add_page(home, "Newer page"))
        chosen = publish(add_page(home, "Chosen date", review_by=datetime.date(2030, 1, 1)))
    draft = add_page(home, "Draft page")
    # Pages published before review dates existed have none.
    StandardPage.objects.filter(pk__in=[older.pk, newer.pk]).update(review_by=None)

    output = io.StringIO()
    call_command("set_review_dates", stdout=output)
    assert "Set review dates on" in output.getvalue()

    def review_dates():
        return dict(StandardPage.objects.values_list("title", "review_by"))

    filled = review_dates()
    assert filled["Older page"] == datetime.date(2026, 5, 20)
    assert filled["Newer page"] == datetime.date(2027, 1, 15)
    assert filled["Chosen date"] == datetime.date(2030, 1, 1)
    assert filled["Draft page"] is None
    assert chosen.live and not draft.live

    again = io.StringIO()
    call_command("set_review_dates", stdout=again)
    assert "Set review dates on 0 page(s)." in again.getvalue()
    assert review_dates() == filled
