from django.core.management.base import BaseCommand

from search.models import RETENTION_DAYS
from search.retention import prune_search_terms


class Command(BaseCommand):
    help = (
        f"Delete search terms and their counts older than {RETENTION_DAYS} days: queries can "
        "contain personal data. The search worker also does this once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=RETENTION_DAYS,
            help="Keep this many days of counts (default: %(default)s).",
        )

    def handle(self, *args, days, **options):
        if days < 1:
            self.stderr.write("--days must be at least 1.")
            return
        deleted = prune_search_terms(days)
        if options["verbosity"]:
            self.stdout.write(f"Deleted {deleted} daily search counts older than {days} days.")
