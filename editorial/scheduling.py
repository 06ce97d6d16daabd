"""The worker's clock: jobs that must happen on time with nobody at a keyboard.

Wagtail stores go-live and expiry dates but only acts on them when `publish_scheduled` runs, and
old personal data must be cleared out daily. The worker (`manage.py run_worker`) runs a clock
thread for both, so no cron job is needed. Run one clock per site: extra workers use --no-clock.
"""

import datetime
import io
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from django.core.management import call_command
from django.db import close_old_connections
from django.utils import timezone

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


@dataclass
class PeriodicJob:
    """Something the clock runs every `interval`.

    A job that must keep its rhythm across restarts (a daily job should neither run at every
    deploy nor be skipped) gives `last_finished_at`, which reads when it last finished from where
    the job records that (the database). Without it the job runs as soon as the clock starts.
    """

    name: str
    interval: datetime.timedelta
    action: Callable[[], object]
    last_finished_at: Callable[[], datetime.datetime | None] | None = None
    # After a failure (the database restarting, say), try again this soon rather than a whole
    # interval later.
    retry_after: datetime.timedelta | None = None


def publishing_job(interval_seconds=DEFAULT_INTERVAL_SECONDS):
    return PeriodicJob(
        "scheduled publishing",
        datetime.timedelta(seconds=interval_seconds),
        publish_due_content,
    )


class WorkerClock(threading.Thread):
    """Runs each job when it falls due, checking every `tick_seconds`, until stopped."""

    def __init__(self, jobs, tick_seconds=DEFAULT_INTERVAL_SECONDS):
        super().__init__(name="worker-clock", daemon=True)
        self.jobs = list(jobs)
        self.tick_seconds = tick_seconds
        self.next_run = {}  # job name -> when it is next due
        self.stopped = threading.Event()

    def is_due(self, job, now):
        due = self.next_run.get(job.name)
        if due is not None and now < due:
            return False
        if job.last_finished_at is not None:
            # Asked again each time: `manage.py apply_retention` may have run it meanwhile.
            last = job.last_finished_at()
            if last is not None and now < last + job.interval:
                self.next_run[job.name] = last + job.interval
                return False
        return True

    def run_job(self, job, now):
        try:
            job.action()
        except Exception:
            logger.exception("%s failed; trying again later", job.name.capitalize())
            self.next_run[job.name] = now + (job.retry_after or job.interval)
        else:
            self.next_run[job.name] = now + job.interval

    def run_due_jobs(self):
        for job in self.jobs:
            try:
                close_old_connections()
                now = timezone.now()
                if self.is_due(job, now):
                    self.run_job(job, now)
            except Exception:
                # Even checking failed (the database is unreachable): the next tick tries again.
                logger.exception("Could not check whether %s is due", job.name)
            finally:
                close_old_connections()

    def run(self):
        while not self.stopped.is_set():
            self.run_due_jobs()
            self.stopped.wait(self.tick_seconds)

    def stop(self):
        self.stopped.set()
