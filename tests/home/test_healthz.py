import json

import pytest

from tests.subprocess_django import run_python

# Asks /healthz through Django's test client in a process whose database cannot be reached.
PROBE = """
import django
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(response.status_code, response.content.decode())
"""


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_is_reachable(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


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
    status, body = result.stdout.strip().split(" ", 1)
    assert status == "503"
    assert json.loads(body)["database"] == "unreachable"
