"""Give live pages that have no "review content by" date one a year after they were last published.

For pages published before review dates existed. Pages that already have a date are left alone, so
running it again changes nothing.
"""

from django.core.management.base import BaseCommand

from editorial.review_dates import fill_missing_review_dates


class Command(BaseCommand):
    help = (
        "Set a review date a year after last publication on every live page that has none. "
        "Safe to run more than once."
    )

    def handle(self, *args, **options):
        changed = fill_missing_review_dates()
        self.stdout.write(f"Set review dates on {changed} page(s).")
