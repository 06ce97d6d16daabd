"""Run the personal-data clear-out now, as the worker does once a day."""

from django.conf import settings
from django.core.management.base import BaseCommand

from members.retention import apply_retention


class Command(BaseCommand):
    help = (
        "Delete form submissions older than PDU_FORM_SUBMISSION_RETENTION_DAYS, warn members "
        "whose accounts are about to reach PDU_INACTIVE_ACCOUNT_RETENTION_DAYS without use, and "
        "delete the accounts warned PDU_INACTIVE_ACCOUNT_WARNING_DAYS ago that are still unused. "
        "The worker (run_worker) does this daily; this command runs it once, for example after "
        "changing those settings. Staff accounts are never touched."
    )

    def handle(self, *args, **options):
        run = apply_retention()
        self.stdout.write(
            f"Form submissions deleted (older than "
            f"{settings.PDU_FORM_SUBMISSION_RETENTION_DAYS} days): {run.form_submissions_deleted}\n"
            f"Inactive accounts warned: {run.warnings_sent}\n"
            f"Inactive accounts deleted: {run.accounts_deleted}"
        )
