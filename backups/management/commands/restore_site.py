"""`manage.py restore_site BACKUP`: restore a backup into an empty database (backups/restoring.py).

Stop the web server and the worker first; run `manage.py migrate` afterwards.
"""

from django.core.management.base import BaseCommand, CommandError

from backups.database import DatabaseCopyError
from backups.manifest import BackupInvalidError
from backups.restoring import RestoreRefusedError, find_backup, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup folder (its path, or its name in PDU_BACKUP_DIR) into the database "
        "DATABASE_URL names, which must be empty, and its uploaded files into MEDIA_ROOT."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The backup folder, e.g. pdu-backup-2026-11-30T020000Z")
        parser.add_argument(
            "--replace-existing",
            action="store_true",
            help="Delete everything in the database first (and write over uploaded files).",
        )

    def handle(self, *args, backup, replace_existing, **options):
        try:
            folder = find_backup(backup)
            restore_backup(folder, replace_existing=replace_existing, report=self.stdout.write)
        except (RestoreRefusedError, BackupInvalidError) as error:
            raise CommandError(f"Nothing was restored: {error}") from error
        except DatabaseCopyError as error:
            raise CommandError(f"The database could not be restored: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {folder.name}. Next: python manage.py migrate, then start the site."
            )
        )
