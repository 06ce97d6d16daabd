"""Making a backup: the database, the uploaded files and a manifest, in a folder of their own.

`manage.py backup_site` makes one on demand; the worker's clock makes one a day when
PDU_BACKUP_ENABLED is on. Each run is recorded (BackupRun) and a failure is emailed to ADMINS.
After a success, backups older than PDU_BACKUP_KEEP_DAYS are deleted.
"""

import datetime
import logging
import shutil
from pathlib import Path

from django.conf import settings
from django.core.mail import mail_admins
from django.utils import timezone

from editorial.scheduling import PeriodicJob

from . import database, manifest, media, offsite
from .models import BackupRun

logger = logging.getLogger(__name__)

FOLDER_PREFIX = "pdu-backup-"
FOLDER_TIME_FORMAT = "%Y-%m-%dT%H%M%SZ"  # UTC, so the names sort in time order
ERROR_LENGTH = 2000


class BackupFailedError(Exception):
    pass


def backup_root():
    return Path(settings.PDU_BACKUP_DIR)


def folder_name(moment):
    return FOLDER_PREFIX + moment.astimezone(datetime.UTC).strftime(FOLDER_TIME_FORMAT)


def made_at(folder):
    """When the backup in `folder` was started, read from its name; None if not a backup."""
    if not folder.name.startswith(FOLDER_PREFIX):
        return None
    stamp = folder.name.removeprefix(FOLDER_PREFIX)[: len("2026-01-01T000000Z")]
    try:
        return datetime.datetime.strptime(stamp, FOLDER_TIME_FORMAT).replace(tzinfo=datetime.UTC)
    except ValueError:
        return None


def free_folder(root, started_at):
    """A new folder name, even for two backups started in the same second."""
    name = folder_name(started_at)
    folder, number = root / name, 1
    while folder.exists():
        number += 1
        folder = root / f"{name}-{number}"
    return folder


def media_record():
    if media.media_in_bucket():
        return {
            "included": False,
            "note": f"Uploaded files live in the S3 bucket {settings.AWS_STORAGE_BUCKET_NAME}, "
            "which keeps them: they are not copied into backups.",
        }
    return {"included": True, "file": media.ARCHIVE_NAME}


def write_backup(started_at):
    """Write a complete backup into a new folder; returns the folder and its manifest.

    It is written under a hidden name and renamed when complete, so a backup cut short (the
    disk full, the worker stopped) never looks like a whole one.
    """
    root = backup_root()
    root.mkdir(parents=True, exist_ok=True)
    folder = free_folder(root, started_at)
    partial = root / f".{folder.name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    # Backups hold everyone's personal data: only the site's own user may read them.
    partial.mkdir(mode=0o700)
    try:
        database_file = database.dump_file_name()
        database.dump(partial / database_file)
        media_included = media_record()
        if media_included["included"]:
            media.archive(partial / media.ARCHIVE_NAME)
        written = manifest.write(
            partial,
            created_at=started_at,
            database_engine=database.engine(),
            database_file=database_file,
            media=media_included,
        )
        partial.rename(folder)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return folder, written


def prune_old_backups(now, keep):
    """Delete backup folders older than PDU_BACKUP_KEEP_DAYS, never `keep`; returns their names."""
    cutoff = now - datetime.timedelta(days=settings.PDU_BACKUP_KEEP_DAYS)
    removed = []
    for folder in sorted(backup_root().iterdir()):
        when = made_at(folder)
        if folder != keep and folder.is_dir() and when is not None and when < cutoff:
            shutil.rmtree(folder)
            removed.append(folder.name)
    return removed


def report_failure(run):
    logger.error("Backup failed: %s", run.error)
    try:
        run.save()
    except Exception:
        # Most likely the database itself is down: the email and the log still tell.
        logger.exception("Could not record the failed backup")
    started = timezone.localtime(run.started_at).strftime("%A %d %B %Y at %H:%M")
    try:
        mail_admins(
            "Backup failed",
            f"The backup of the site started on {started} failed:\n\n{run.error}\n\n"
            "While the worker runs, it tries again within an hour. What to check: "
            'docs/operations.md, "Backups and restoring".\n',
        )
    except Exception:
        logger.exception("Could not email the administrators about the failed backup")


def failed(run, message):
    """Record and report the failure; returns the error for the caller to raise."""
    run.status = BackupRun.Status.FAILED
    run.finished_at = timezone.now()
    run.error = message[:ERROR_LENGTH]
    report_failure(run)
    return BackupFailedError(run.error)


def run_backup():
    """Make a backup (and its off-site copy), record it, and clear out old ones.

    Returns the BackupRun; raises BackupFailedError after recording and reporting a failure.
    """
    run = BackupRun(started_at=timezone.now())
    try:
        folder, written = write_backup(run.started_at)
    except Exception as error:
        raise failed(run, f"{type(error).__name__}: {error}") from error
    run.location = str(folder)
    run.includes_media = written["media"]["included"]
    run.size = sum(file["size"] for file in written["files"].values())
    if offsite.enabled():
        try:
            run.offsite_location = offsite.upload(folder)
        except Exception as error:
            message = f"The backup is in {folder}, but its off-site copy failed: {error}"
            raise failed(run, message) from error
    run.status = BackupRun.Status.SUCCEEDED
    run.finished_at = timezone.now()
    run.save()
    removed = prune_old_backups(run.finished_at, keep=folder)
    logger.info(
        "Backup made: %s (%d bytes)%s; %d older backups deleted",
        folder.name,
        run.size,
        f", copied to {run.offsite_location}" if run.offsite_location else "",
        len(removed),
    )
    return run


def last_successful_backup_at():
    """When the latest good backup finished, or None (read by the clock and /healthz)."""
    return (
        BackupRun.objects.filter(status=BackupRun.Status.SUCCEEDED)
        .values_list("finished_at", flat=True)
        .first()
    )


def backup_job():
    return PeriodicJob(
        "backup",
        datetime.timedelta(days=1),
        run_backup,
        last_finished_at=last_successful_backup_at,
        retry_after=datetime.timedelta(hours=1),
    )
