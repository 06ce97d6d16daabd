"""The site's background worker: `db_worker` plus the clock for jobs that run on a schedule.

Run one of these next to the web server (`make run` does). Its clock publishes and unpublishes
scheduled content every 30 seconds, clears out old personal data once a day
(members/retention.py) and sends the day-before reminders for booked events
(events/reminders.py), and puts back in the queue tasks left running by a worker that stopped
part-way (task_health/recovery.py). With PDU_BACKUP_ENABLED it also backs up the site daily
(backups/making.py). Every tick it records a heartbeat, which /healthz reports. Extra workers
for a busy site run with --no-clock, so only one process does any of these.
"""

import datetime

from django.conf import settings
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from backups.making import backup_job
from editorial.scheduling import DEFAULT_INTERVAL_SECONDS, PeriodicJob, WorkerClock, publishing_job
from events.reminders import reminders_job
from members.retention import apply_retention, last_retention_run_at
from task_health.heartbeat import heartbeat_job
from task_health.recovery import stalled_tasks_job


def housekeeping_job():
    return PeriodicJob(
        "data retention",
        datetime.timedelta(days=1),
        apply_retention,
        last_finished_at=last_retention_run_at,
        retry_after=datetime.timedelta(hours=1),
    )


def clock_jobs(clock_interval=DEFAULT_INTERVAL_SECONDS):
    jobs = [
        heartbeat_job(clock_interval),
        publishing_job(clock_interval),
        housekeeping_job(),
        reminders_job(),
        stalled_tasks_job(),
    ]
    if settings.PDU_BACKUP_ENABLED:
        jobs.append(backup_job())
    return jobs


class Command(DatabaseWorkerCommand):
    help = (
        "Run background tasks (search indexing, emails...), publish or unpublish scheduled "
        "content when it falls due, clear out old personal data daily, and back up the site "
        "daily when PDU_BACKUP_ENABLED is on."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--clock-interval",
            type=float,
            default=DEFAULT_INTERVAL_SECONDS,
            help="Seconds between checks for scheduled content (default: %(default)s).",
        )
        parser.add_argument(
            "--no-clock",
            action="store_true",
            help="Only run tasks; leave scheduled publishing and the daily clear-out to another "
            "worker.",
        )

    def handle(self, *args, clock_interval, no_clock, **options):
        clock = None
        if not no_clock:
            clock = WorkerClock(clock_jobs(clock_interval), tick_seconds=clock_interval)
            clock.start()
        try:
            super().handle(*args, **options)
        finally:
            if clock is not None:
                clock.stop()
