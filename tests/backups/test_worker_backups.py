"""The worker backs up the site once a day when PDU_BACKUP_ENABLED is on, and beats its heartbeat
every tick; /healthz reports both."""

import datetime
import zoneinfo

import pytest
from django.test import Client
from freezegun import freeze_time

from backups.making import backup_job
from backups.models import BackupRun
from editorial.management.commands.run_worker import clock_jobs
from editorial.scheduling import WorkerClock
from task_health.heartbeat import heartbeat_job

# Backups are taken outside any transaction, as the command and the worker take them, so that
# they see what the test saved (pg_dump is another process; SQLite waits for open transactions).
pytestmark = pytest.mark.django_db(transaction=True)

UK = zoneinfo.ZoneInfo("Europe/London")
NIGHT = datetime.datetime(2026, 11, 30, 2, 0, tzinfo=UK)


@pytest.fixture
def clock_shares_the_test_connection(monkeypatch):
    # The real clock closes stale database connections between jobs; under freezegun every
    # connection looks stale, and closing the test's own would end its transaction.
    monkeypatch.setattr("editorial.scheduling.close_old_connections", lambda: None)


@pytest.fixture
def backup_dir(settings, tmp_path):
    settings.PDU_BACKUP_DIR = tmp_path / "backups"
    settings.PDU_BACKUP_S3_BUCKET = ""
    return settings.PDU_BACKUP_DIR


def health():
    return Client().get("/healthz").json()


def test_the_worker_backs_up_only_where_backups_are_enabled(settings):
    settings.PDU_BACKUP_ENABLED = False
    assert "backup" not in [job.name for job in clock_jobs()]
    settings.PDU_BACKUP_ENABLED = True
    names = [job.name for job in clock_jobs()]
    assert "backup" in names
    assert names[0] == "worker heartbeat"


def test_the_daily_backup_runs_once_a_day_even_across_restarts(
    backup_dir, site_tree, clock_shares_the_test_connection
):
    with freeze_time(NIGHT):
        WorkerClock([backup_job()]).run_due_jobs()
    assert BackupRun.objects.filter(status=BackupRun.Status.SUCCEEDED).count() == 1

    # Restarted workers (new clocks) read the last backup from the database.
    for hours in (1, 23):
        with freeze_time(NIGHT + datetime.timedelta(hours=hours)):
            WorkerClock([backup_job()]).run_due_jobs()
    assert BackupRun.objects.count() == 1

    with freeze_time(NIGHT + datetime.timedelta(days=1)):
        WorkerClock([backup_job()]).run_due_jobs()
    assert BackupRun.objects.filter(status=BackupRun.Status.SUCCEEDED).count() == 2
    assert len(list(backup_dir.iterdir())) == 2


def test_a_failed_backup_is_tried_again_an_hour_later(
    backup_dir, site_tree, clock_shares_the_test_connection, settings, tmp_path
):
    blocker = tmp_path / "full-disk"
    blocker.write_text("")
    settings.PDU_BACKUP_DIR = blocker / "backups"
    clock = WorkerClock([backup_job()])
    for minutes in (0, 30, 59):
        with freeze_time(NIGHT + datetime.timedelta(minutes=minutes)):
            clock.run_due_jobs()
    assert BackupRun.objects.filter(status=BackupRun.Status.FAILED).count() == 1

    settings.PDU_BACKUP_DIR = backup_dir  # the disk has been sorted out
    with freeze_time(NIGHT + datetime.timedelta(minutes=61)):
        clock.run_due_jobs()
    assert BackupRun.objects.filter(status=BackupRun.Status.SUCCEEDED).count() == 1


def test_healthz_reports_the_last_backup_and_when_it_is_late(
    backup_dir, site_tree, clock_shares_the_test_connection
):
    assert health()["backup"] == {"status": "never", "last_success": None}
    with freeze_time(NIGHT):
        WorkerClock([backup_job()]).run_due_jobs()
    last_success = BackupRun.objects.get().finished_at.astimezone(datetime.UTC)
    expected_time = last_success.isoformat(timespec="seconds")

    with freeze_time(NIGHT + datetime.timedelta(hours=25)):
        assert health()["backup"] == {"status": "ok", "last_success": expected_time}
    with freeze_time(NIGHT + datetime.timedelta(hours=27)):
        assert health()["backup"] == {"status": "late", "last_success": expected_time}
        # A late backup is for monitoring to see; the site itself is fine.
        assert Client().get("/healthz").status_code == 200


def test_healthz_reports_the_workers_heartbeat_and_when_it_stops(
    site_tree, clock_shares_the_test_connection
):
    assert health()["worker"] == {"status": "never", "last_heartbeat": None}
    clock = WorkerClock([heartbeat_job(30)], tick_seconds=30)
    for seconds in (0, 30, 60):
        with freeze_time(NIGHT + datetime.timedelta(seconds=seconds)):
            clock.run_due_jobs()
    last_beat = "2026-11-30T02:01:00+00:00"  # 2 am in London in winter is 2 am UTC

    with freeze_time(NIGHT + datetime.timedelta(seconds=90)):
        assert health()["worker"] == {"status": "ok", "last_heartbeat": last_beat}
    # The worker stopped after its last beat; two minutes later it is reported late.
    with freeze_time(NIGHT + datetime.timedelta(minutes=3, seconds=1)):
        assert health()["worker"] == {"status": "late", "last_heartbeat": last_beat}
        assert Client().get("/healthz").status_code == 200
