"""Errors reach people: emails to ADMINS, Sentry when configured, and logs a collector can read."""

import json

import pytest
from django.core import mail
from django.test import Client

from tests.subprocess_django import run_python

PRODUCTION_ENV = {
    "SECRET_KEY": "k" * 20 + "-a-long-random-production-secret-key-0123456789",
    "ALLOWED_HOSTS": "pdu.example.org",
    "DATABASE_URL": "postgres://pdu@127.0.0.1:5432/pdu",
}

READ_SETTINGS = """
import json, sys, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "ADMINS": s.ADMINS,
    "LOG_FORMAT": s.LOGGING["handlers"]["console"]["formatter"],
    "BACKUPS": s.PDU_BACKUP_ENABLED,
    "BACKUP_KEEP_DAYS": s.PDU_BACKUP_KEEP_DAYS,
    "SENTRY_LOADED": "sentry_sdk" in sys.modules,
}))
"""


def read_settings(settings_module, env):
    result = run_python(READ_SETTINGS, settings_module, env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_logs_json_backs_up_and_emails_the_admins_it_is_given():
    loaded = read_settings(
        "pdu_site.settings.production",
        {**PRODUCTION_ENV, "PDU_ADMINS": "Sam Jones <sam@example.org>, ops@example.org"},
    )
    assert loaded["ADMINS"] == [
        ["Sam Jones", "sam@example.org"],
        ["ops@example.org", "ops@example.org"],
    ]
    assert loaded["LOG_FORMAT"] == "json"
    assert loaded["BACKUPS"] is True
    assert loaded["BACKUP_KEEP_DAYS"] == 14
    assert loaded["SENTRY_LOADED"] is False  # not even imported without a DSN


def test_production_can_log_text_and_leave_backups_to_something_else():
    loaded = read_settings(
        "pdu_site.settings.production",
        {**PRODUCTION_ENV, "LOG_FORMAT": "text", "PDU_BACKUP_ENABLED": "false"},
    )
    assert loaded["LOG_FORMAT"] == "text"
    assert loaded["BACKUPS"] is False


def test_a_developers_machine_logs_text_and_makes_no_backups_by_itself():
    loaded = read_settings("pdu_site.settings.dev", {"PDU_ADMINS": ""})
    assert loaded["LOG_FORMAT"] == "text"
    assert loaded["BACKUPS"] is False
    assert loaded["ADMINS"] == []


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("PDU_ADMINS", "Sam Jones", "PDU_ADMINS must list email addresses"),
        ("LOG_FORMAT", "xml", "LOG_FORMAT must be one of text, json"),
    ],
)
def test_a_mistyped_setting_stops_the_site_starting_with_a_clear_message(variable, value, message):
    result = run_python(
        READ_SETTINGS, "pdu_site.settings.production", {**PRODUCTION_ENV, variable: value}
    )
    assert result.returncode != 0
    assert message in result.stderr


def test_sentry_starts_without_personal_data_when_a_dsn_is_set():
    code = """
import json, django
django.setup()
import sentry_sdk
options = sentry_sdk.get_client().options
print(json.dumps({
    "active": sentry_sdk.get_client().is_active(),
    "pii": options["send_default_pii"],
    "environment": options["environment"],
    "release": options["release"],
}))
"""
    result = run_python(
        code,
        "pdu_site.settings.production",
        {
            **PRODUCTION_ENV,
            # Nothing is sent: no error happens, and .invalid names never resolve.
            "SENTRY_DSN": "https://public-key@errors.example.invalid/42",
            "SENTRY_ENVIRONMENT": "staging",
            "SENTRY_RELEASE": "pdu-hub@2026.11.30",
        },
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "active": True,
        "pii": False,
        "environment": "staging",
        "release": "pdu-hub@2026.11.30",
    }


@pytest.mark.django_db
@pytest.mark.urls("tests.pdu_site.failing_urls")
def test_an_unhandled_error_shows_the_error_page_and_emails_the_admins(settings, site_tree):
    settings.ADMINS = [("Site team", "site-team@example.org")]
    assert settings.DEBUG is False

    response = Client(raise_request_exception=False).get("/broken-page/")

    assert response.status_code == 500
    assert "Sorry, there is a problem with the site" in response.content.decode()
    [email] = mail.outbox
    assert email.to == ["site-team@example.org"]
    assert email.subject.startswith("[PDU Hub] ERROR")
    assert "/broken-page/" in email.subject
    assert "The venue lookup fell over" in email.body


@pytest.mark.django_db
@pytest.mark.urls("tests.pdu_site.failing_urls")
def test_nobody_is_emailed_when_no_admins_are_set(settings, site_tree):
    settings.ADMINS = []
    assert Client(raise_request_exception=False).get("/broken-page/").status_code == 500
    assert mail.outbox == []


def test_json_logs_are_one_object_per_line_with_the_request_path_and_status():
    code = """
import logging, django
django.setup()
from django.test import Client
logging.getLogger("events.booking").warning("Event %s is full", "hoarding-awareness")
Client().post("/healthz")  # refused: logged by Django as a 405 for /healthz
"""
    result = run_python(
        code,
        "pdu_site.settings.test",
        {"LOG_FORMAT": "json", "DATABASE_URL": "sqlite:////nonexistent-directory/db.sqlite3"},
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 2
    booking, refused = lines
    assert booking["level"] == "WARNING"
    assert booking["logger"] == "events.booking"
    assert booking["message"] == "Event hoarding-awareness is full"
    assert booking["time"].endswith("+00:00")
    assert refused["logger"] == "django.request"
    assert refused["path"] == "/healthz"
    assert refused["status"] == 405
    assert "request" not in refused
