"""Scheduled publishing: pages and snippets go live and expire on time with nobody at a keyboard.

Wagtail stores go-live and expiry dates but only acts on them when `publish_scheduled` runs. The
worker (`manage.py run_worker`) runs it on a clock, so no cron job is needed.
"""

import io
import logging
import threading

from django.core.management import call_command
from django.db import close_old_connections

logger = logging.getLogger(__name__)

DEFAULT_INTERVAL_SECONDS = 30


def publish_due_content():
    """Publish everything whose go-live time has passed and unpublish everything expired."""
    output = io.StringIO()
    call_command("publish_scheduled", stdout=output)
    report = output.getvalue().strip()
    if report and not report.startswith("No objects"):
        logger.info("Scheduled publishing: %s", report.replace("\n", "; "))
    return report


class PublishingClock(threading.Thread):
    """Runs `publish_due_content` every `interval` seconds until stopped."""

    def __init__(self, interval=DEFAULT_INTERVAL_SECONDS):
        super().__init__(name="publishing-clock", daemon=True)
        self.interval = interval
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            try:
                close_old_connections()
                publish_due_content()
            except Exception:
                # A failed run (say the database restarting) is retried on the next tick.
                logger.exception("Scheduled publishing failed; trying again shortly")
            finally:
                close_old_connections()
            self.stopped.wait(self.interval)

    def stop(self):
        self.stopped.set()
