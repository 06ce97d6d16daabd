"""Scheduled publishing catches up: what fell due while the worker was down happens on the clock's
first tick after it starts again."""

import datetime
import zoneinfo

import pytest
from django.test import Client
from freezegun import freeze_time

from editorial.scheduling import WorkerClock, publishing_job
from home.models import StandardPage
from tests.site_tree import english_home

pytestmark = pytest.mark.django_db

UK = zoneinfo.ZoneInfo("Europe/London")
TEN = datetime.datetime(2026, 3, 3, 10, 0, tzinfo=UK)


@pytest.fixture
def clock_shares_the_test_connection(monkeypatch):
    # The real clock closes stale database connections between jobs; under freezegun every
    # connection looks stale, and closing the test's own would end its transaction.
    monkeypatch.setattr("editorial.scheduling.close_old_connections", lambda: None)


def approved_for(go_live_at=None, expire_at=None, title="Winter shelter"):
    """A page approved with these times, as a reviewer's approval leaves it."""
    page = english_home().add_child(instance=StandardPage(title=title))
    page.unpublish()
    page.refresh_from_db()
    page.go_live_at = go_live_at
    page.expire_at = expire_at
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def is_public(page):
    return Client().get(page.url or f"/{page.slug}/").status_code == 200


def test_a_page_due_while_the_worker_was_down_is_published_on_the_first_tick(
    site_tree, clock_shares_the_test_connection
):
    with freeze_time(TEN - datetime.timedelta(days=1)):
        page = approved_for(go_live_at=TEN)
    assert not page.live

    # The worker was down from 9:50 to 10:30; nothing published the page at 10:00.
    with freeze_time(TEN + datetime.timedelta(minutes=30)):
        assert not is_public(page)
        WorkerClock([publishing_job()]).run_due_jobs()  # a new worker's clock, first tick

    page.refresh_from_db()
    assert page.live
    assert is_public(page)


def test_a_page_that_expired_while_the_worker_was_down_comes_down_on_the_first_tick(
    site_tree, clock_shares_the_test_connection
):
    with freeze_time(TEN - datetime.timedelta(days=1)):
        page = approved_for(expire_at=TEN + datetime.timedelta(minutes=15), title="Old notice")
    assert page.live

    with freeze_time(TEN + datetime.timedelta(minutes=30)):
        WorkerClock([publishing_job()]).run_due_jobs()

    page.refresh_from_db()
    assert not page.live
    assert page.expired
    assert not is_public(page)
