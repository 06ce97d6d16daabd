"""Chromium, driven by Playwright, against the site served by pytest-django's live server.

Debian's Chromium is used (Playwright cannot download its own browsers here). Without it these
tests skip with a clear reason, and CI (REQUIRE_ALL_TESTS=1) turns that skip into a failure.
"""

import os
import threading
import time
from pathlib import Path

import pytest
from django.core.signals import request_finished, request_started

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Content Security Policy violations, reported by every document and frame to the console.
REPORT_PREFIX = "CSP violation:"
# Runs in every document and frame before the page's own scripts.
REPORT_VIOLATIONS = f"""
document.addEventListener("securitypolicyviolation", (event) => {{
    console.error(`{REPORT_PREFIX} ${{event.effectiveDirective}} blocked `
        + `${{event.blockedURI || "inline code"}} on ${{event.documentURI}}`);
}});
"""


def is_violation_report(text):
    return text.startswith(REPORT_PREFIX) or "Content Security Policy" in text


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (install Debian's chromium package)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, which makes Django
    # refuse ORM calls from test code; allow them for browser tests only.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class RequestsInFlight:
    """Counts the requests the live server's threads are answering, so a test can wait for them.

    Closing the browser does not stop a request it had already sent (the admin checks every so
    often who else is editing a page). On SQLite the server shares the test's in-memory
    database, and emptying its tables while such a request runs fails with "table is locked".
    Requests made by the test itself (Django's test client) run in the main thread and are not
    counted.
    """

    def __init__(self):
        self.count = 0
        self.changed = threading.Condition()

    def started(self, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            with self.changed:
                self.count += 1

    def finished(self, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            with self.changed:
                self.count = max(0, self.count - 1)
                self.changed.notify_all()

    def wait_until_none(self, timeout=30, quiet=0.1):
        """Until no request has run for `quiet` seconds (a page closing may still send one)."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                left = deadline - time.monotonic()
                if not self.changed.wait_for(lambda: self.count == 0, timeout=max(0, left)):
                    raise RuntimeError(f"{self.count} request(s) still running after {timeout} s")
                if not self.changed.wait(timeout=quiet) and self.count == 0:
                    return


@pytest.fixture
def page(browser, live_server, transactional_db):
    from tests.site_tree import ensure_site_tree

    ensure_site_tree()
    in_flight = RequestsInFlight()
    request_started.connect(in_flight.started, dispatch_uid="tests.browser.in_flight.started")
    request_finished.connect(in_flight.finished, dispatch_uid="tests.browser.in_flight.finished")
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    tab = context.new_page()
    yield tab
    context.close()
    try:
        # Before the database is emptied (transactional_db's teardown, which runs after this).
        in_flight.wait_until_none()
    finally:
        request_started.disconnect(dispatch_uid="tests.browser.in_flight.started")
        request_finished.disconnect(dispatch_uid="tests.browser.in_flight.finished")


@pytest.fixture
def demo_content(page):
    """The full demo site (what `make run` shows), for tests that visit every kind of page."""
    from django.core.management import call_command

    call_command("load_demo_content", verbosity=0)


@pytest.fixture
def journey_screenshots(request):
    """Screenshots of this test's journey, named after the test, kept in test-results/journeys."""
    from tests.browser.screenshots import JourneyScreenshots

    return JourneyScreenshots(request.node.name.removeprefix("test_"))


@pytest.fixture
def violations(page):
    """Every Content Security Policy violation any frame of the page reports, as text."""
    reported = []
    page.add_init_script(REPORT_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            reported.append(message.text) if is_violation_report(message.text) else None
        ),
    )
    return reported
