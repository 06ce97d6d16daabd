"""The site's background worker: `db_worker` plus the scheduled-publishing clock.

Run one of these next to the web server (`make run` does). Extra workers for a busy site can run
with --no-clock, so only one process publishes scheduled content.
"""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from editorial.scheduling import DEFAULT_INTERVAL_SECONDS, PublishingClock


class Command(DatabaseWorkerCommand):
    help = (
        "Run background tasks (search indexing, emails...) and publish or unpublish scheduled "
        "content when it falls due."
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
            help="Only run tasks; leave scheduled publishing to another worker.",
        )

    def handle(self, *args, clock_interval, no_clock, **options):
        clock = None
        if not no_clock:
            clock = PublishingClock(interval=clock_interval)
            clock.start()
        try:
            super().handle(*args, **options)
        finally:
            if clock is not None:
                clock.stop()
