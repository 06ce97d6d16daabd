"""The production web server really starts from the repository's gunicorn.conf.py with production
settings, answers /healthz and serves compressed, hashed static files through whitenoise."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.subprocess_django import CONFIG_VARIABLES, PROJECT_ROOT

GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_environment(tmp_path, port):
    env = {k: v for k, v in os.environ.items() if k not in CONFIG_VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE="pdu_site.settings.production",
        SECRET_KEY="a-test-only-key-" + "x" * 60,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        SECURE_SSL_REDIRECT="false",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="2",
        GUNICORN_ACCESS_LOG="false",
    )
    return env


def get(url, **headers):
    return requests.get(url, headers=headers, timeout=60)


@pytest.fixture
def gunicorn_server(tmp_path):
    port = free_port()
    env = production_environment(tmp_path, port)
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run(manage + command, cwd=PROJECT_ROOT, env=env, check=True, capture_output=True)
    server = subprocess.Popen(
        [str(GUNICORN)], cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                get(base + "/healthz")
                break
            except requests.ConnectionError:  # not listening yet
                if server.poll() is not None:
                    pytest.fail(server.stdout.read().decode())
                time.sleep(0.2)
        yield base, tmp_path / "static"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_gunicorn_serves_the_site_and_hashed_compressed_static_files(gunicorn_server):
    base, static_root = gunicorn_server
    health = get(base + "/healthz")
    assert health.status_code == 200
    assert health.json()["database"] == "ok"

    # collectstatic wrote hashed names (cache them for ever) with gzip copies beside them.
    (hashed,) = static_root.glob("css/site.*.css")
    assert hashed.with_name(hashed.name + ".gz").exists()
    response = get(f"{base}/static/css/{hashed.name}", **{"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]
