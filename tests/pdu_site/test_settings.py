import json

import pytest
from django.conf import settings

from tests.subprocess_django import run_python

PRODUCTION = "pdu_site.settings.production"
REAL_LOOKING_KEY = "k" * 20 + "-a-long-random-production-secret-key-0123456789"
PRODUCTION_ENV = {
    "SECRET_KEY": REAL_LOOKING_KEY,
    "ALLOWED_HOSTS": "pdu.example.org",
    "DATABASE_URL": "postgres://pdu@127.0.0.1:5432/pdu",
}

LOAD_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "DEBUG": s.DEBUG,
    "SESSION_COOKIE_SECURE": s.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": s.CSRF_COOKIE_SECURE,
    "SECURE_SSL_REDIRECT": s.SECURE_SSL_REDIRECT,
    "SECURE_HSTS_SECONDS": s.SECURE_HSTS_SECONDS,
    "CONN_HEALTH_CHECKS": s.DATABASES["default"]["CONN_HEALTH_CHECKS"],
    "CONN_MAX_AGE": s.DATABASES["default"]["CONN_MAX_AGE"],
    "CACHE": s.CACHES["default"]["BACKEND"],
    "ALLOW_DEMO": s.PDU_ALLOW_DEMO_CONTENT,
    "STAFF_MFA": s.PDU_STAFF_MFA_REQUIRED,
    "ADMIN_LOGIN": s.WAGTAILADMIN_LOGIN_URL,
    "PASSWORD_MIN": [
        v.get("OPTIONS", {}).get("min_length") for v in s.AUTH_PASSWORD_VALIDATORS
        if v["NAME"].endswith("MinimumLengthValidator")
    ],
}))
"""


def load_production_settings(**env_changes):
    env = {**PRODUCTION_ENV, **env_changes}
    env = {key: value for key, value in env.items() if value is not None}
    return run_python(LOAD_SETTINGS, PRODUCTION, env)


def test_production_refuses_to_start_without_a_secret_key():
    result = load_production_settings(SECRET_KEY=None)
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize(
    "weak_key",
    ["short", "django-insecure-" + "x" * 60],
    ids=["too-short", "development-key"],
)
def test_production_refuses_a_weak_secret_key(weak_key):
    result = load_production_settings(SECRET_KEY=weak_key)
    assert result.returncode != 0
    assert "SECRET_KEY is too short or a development key" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = load_production_settings(ALLOWED_HOSTS=None)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_production_refuses_to_start_without_a_database_url():
    result = load_production_settings(DATABASE_URL=None)
    assert result.returncode != 0
    assert "DATABASE_URL is not set" in result.stderr


def test_production_settings_are_safe_by_default():
    result = load_production_settings()
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["DEBUG"] is False
    assert loaded["SESSION_COOKIE_SECURE"] is True
    assert loaded["CSRF_COOKIE_SECURE"] is True
    assert loaded["SECURE_SSL_REDIRECT"] is True
    assert loaded["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert loaded["ALLOW_DEMO"] is False
    # Staff need a second factor, through the one sign-in page that asks for it.
    assert loaded["STAFF_MFA"] is True
    assert loaded["ADMIN_LOGIN"] == "/accounts/login/"
    assert loaded["PASSWORD_MIN"] == [12]
    # Persistent connections, health-checked so a database restart costs no request.
    assert loaded["CONN_HEALTH_CHECKS"] is True
    assert loaded["CONN_MAX_AGE"] > 0


def test_production_uses_redis_when_configured():
    result = load_production_settings(REDIS_URL="redis://127.0.0.1:6379/0")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["CACHE"] == "django.core.cache.backends.redis.RedisCache"


def test_production_passes_django_deployment_checks():
    code = (
        "import sys, django; django.setup(); from django.core.management import call_command;"
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    result = run_python(code, PRODUCTION, PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr


def test_sqlite_file_database_uses_wal_and_immediate_transactions(tmp_path):
    # The web server and the worker write to the same file in `make run`.
    code = (
        "import django; django.setup(); from django.db import connection;"
        "cursor = connection.cursor(); cursor.execute('PRAGMA journal_mode');"
        "print(cursor.fetchone()[0], connection.transaction_mode)"
    )
    result = run_python(
        code, "pdu_site.settings.dev", {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "IMMEDIATE"]


@pytest.mark.postgres
def test_postgres_connections_are_persistent_and_health_checked(db):
    from django.db import connection

    assert connection.vendor == "postgresql"
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] > 0
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert settings.DATABASES["default"]["OPTIONS"]["connect_timeout"] <= 10
