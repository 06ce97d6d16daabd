"""`manage.py backup_site`: back up the database and uploaded files now (backups/making.py)."""

from django.core.management.base import BaseCommand, CommandError

from backups.making import BackupFailedError, run_backup


class Command(BaseCommand):
    help = (
        "Back up the database and uploaded files into a new folder in PDU_BACKUP_DIR (and to "
        "PDU_BACKUP_S3_BUCKET if set), then delete backups older than PDU_BACKUP_KEEP_DAYS."
    )

    def handle(self, *args, **options):
        try:
            run = run_backup()
        except BackupFailedError as error:
            raise CommandError(f"The backup failed: {error}") from error
        megabytes = run.size / 1_000_000
        self.stdout.write(self.style.SUCCESS(f"Backup made: {run.location} ({megabytes:.1f} MB)"))
        if run.offsite_location:
            self.stdout.write(f"Off-site copy: {run.offsite_location}")
        if not run.includes_media:
            self.stdout.write("Uploaded files live in the S3 bucket and are not in the backup.")
