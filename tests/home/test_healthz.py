import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backups.models import BackupRun
from task_health.models import WorkerHeartbeat
from tests.subprocess_django import run_python

# Asks /healthz through Django's test client in a process whose database cannot be reached.
PROBE = """
import django
django.setup()
from django.conf import settings
from django.core import mail
from django.test import Client
settings.ADMINS = [("Site team", "site-team@example.org")]
response = Client().get("/healthz")
print(len(getattr(mail, "outbox", [])), response.status_code, response.content.decode())
"""


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_is_reachable(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    # A new site: the worker has never run, and there are no backups yet.
    assert json.loads(response.content) == {
        "status": "ok",
        "database": "ok",
        "worker": {"status": "never", "last_heartbeat": None},
        "backup": {"status": "never", "last_success": None},
    }
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_reports_a_working_worker_and_a_recent_backup(client):
    WorkerHeartbeat.objects.create(pk=1, beat_at=timezone.now() - datetime.timedelta(seconds=20))
    made = timezone.now() - datetime.timedelta(hours=3)
    BackupRun.objects.create(
        started_at=made, finished_at=made, status=BackupRun.Status.SUCCEEDED, location="/srv/b"
    )
    # A later failure does not hide the last good backup.
    BackupRun.objects.create(
        started_at=timezone.now(),
        finished_at=timezone.now(),
        status=BackupRun.Status.FAILED,
        error="pg_dump: error: connection to server at 10.0.0.5 failed",
    )
    with CaptureQueriesContext(connection) as queries:
        body = client.get("/healthz").json()
    assert len(queries) <= 2
    assert body["worker"]["status"] == "ok"
    assert body["backup"] == {
        "status": "ok",
        "last_success": made.astimezone(datetime.UTC).isoformat(timespec="seconds"),
    }
    # Monitoring is told how things are, never where backups live or what went wrong.
    assert "/srv/b" not in str(body)
    assert "10.0.0.5" not in str(body)


@pytest.mark.django_db
def test_healthz_answers_head_requests(client):
    assert client.head("/healthz").status_code == 200


@pytest.mark.django_db
def test_healthz_refuses_to_change_anything(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.parametrize(
    "database_url",
    [
        "sqlite:////nonexistent-directory/pdu/db.sqlite3",
        # Nothing listens on port 1, so PostgreSQL's connection is refused straight away.
        "postgres://postgres@127.0.0.1:1/pdu",
    ],
    ids=["sqlite-file-missing", "postgres-refused"],
)
def test_healthz_answers_503_when_the_database_is_unreachable(database_url):
    result = run_python(
        PROBE,
        "pdu_site.settings.test",
        {"DATABASE_URL": database_url, "DATABASE_CONNECT_TIMEOUT": "2"},
    )
    assert result.returncode == 0, result.stderr
    # The last line: the warning logged about the 503 comes first.
    emails, status, body = result.stdout.strip().splitlines()[-1].split(" ", 2)
    assert status == "503"
    assert json.loads(body) == {"status": "unavailable", "database": "unreachable"}
    # Monitoring polls every few seconds: an outage must not email the admins every time.
    assert emails == "0"
    assert "WARNING django.request: Health check: the database is unreachable" in result.stdout
