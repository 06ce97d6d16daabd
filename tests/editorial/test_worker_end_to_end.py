"""The real worker process publishes a scheduled page on time, with nobody at a keyboard.

Runs on PostgreSQL, where the worker (a separate process) can share the test database.
"""

import datetime
import os
import signal
import subprocess
import sys
import time

import pytest
from django.db import connection
from django.utils import timezone

from home.models import StandardPage
from tests.site_tree import english_home
from tests.subprocess_django import CONFIG_VARIABLES, PROJECT_ROOT

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

WAIT_SECONDS = 60


def database_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker():
    env = {k: v for k, v in os.environ.items() if k not in CONFIG_VARIABLES}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "pdu_site.settings.dev",
            "DATABASE_URL": database_url(),
            "EMAIL_HOST": "",
        }
    )
    process = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--clock-interval", "1", "--interval", "0.5"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def wait_until(condition):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def test_an_approved_page_goes_live_at_its_time_and_expires_at_its_time(site_tree, worker):
    home = english_home()
    page = home.add_child(instance=StandardPage(title="Goes live soon"))
    page.unpublish()
    page.refresh_from_db()
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=3)
    page.expire_at = timezone.now() + datetime.timedelta(seconds=8)
    page.save_revision().publish()  # what approving a scheduled page does
    page.refresh_from_db()
    assert not page.live

    def is_live():
        page.refresh_from_db()
        return page.live

    assert wait_until(is_live), "the worker did not publish the page"
    assert wait_until(lambda: not is_live()), "the worker did not unpublish the expired page"
    assert worker.poll() is None, worker.stdout.read()
