"""`manage.py backup_site`: what a backup holds, how long backups are kept, the off-site copy, and
what happens when a backup fails."""

import datetime
import io
import json
import sqlite3
import subprocess
import tarfile

import boto3
import pytest
from botocore.stub import ANY, Stubber
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone
from freezegun import freeze_time

from backups import offsite
from backups.making import folder_name
from backups.manifest import sha256_of
from backups.models import BackupRun

# Backups are taken outside any transaction, as the command and the worker take them, so that
# they see what the test saved (pg_dump is another process; SQLite waits for open transactions).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def backup_dir(settings, tmp_path):
    settings.PDU_BACKUP_DIR = tmp_path / "backups"
    settings.PDU_BACKUP_S3_BUCKET = ""
    return settings.PDU_BACKUP_DIR


@pytest.fixture
def uploaded_file(settings):
    path = settings.MEDIA_ROOT / "documents" / "backup-test-leaflet.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("Drop-in on Tuesdays")
    yield path
    path.unlink()


@pytest.fixture
def admins(settings):
    settings.ADMINS = [("Site team", "site-team@example.org")]
    return settings.ADMINS


def only_backup(backup_dir):
    folders = [folder for folder in backup_dir.iterdir() if folder.name.startswith("pdu-")]
    assert len(folders) == 1, folders
    return folders[0]


def old_backup(backup_dir, days_ago):
    folder = backup_dir / folder_name(timezone.now() - datetime.timedelta(days=days_ago))
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text("{}")
    return folder


def test_a_backup_holds_the_database_the_uploaded_files_and_a_manifest(
    backup_dir, site_tree, uploaded_file
):
    output = io.StringIO()
    call_command("backup_site", stdout=output)

    folder = only_backup(backup_dir)
    assert f"Backup made: {folder}" in output.getvalue()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["database"] == {
        "engine": connection.vendor,
        "file": manifest["database"]["file"],
    }
    assert manifest["media"] == {"included": True, "file": "media.tar.gz"}
    assert manifest["migrations"]["backups"] == "0001_initial"
    assert manifest["versions"]["Django"].startswith("5.")
    assert set(manifest["files"]) == {manifest["database"]["file"], "media.tar.gz"}
    for name, described in manifest["files"].items():
        assert described == {
            "size": (folder / name).stat().st_size,
            "sha256": sha256_of(folder / name),
        }

    with tarfile.open(folder / "media.tar.gz") as archive:
        leaflet = archive.extractfile("./documents/backup-test-leaflet.txt")
        assert leaflet.read() == b"Drop-in on Tuesdays"

    run = BackupRun.objects.get()
    assert run.status == BackupRun.Status.SUCCEEDED
    assert run.location == str(folder)
    assert run.includes_media is True
    assert run.size == sum(described["size"] for described in manifest["files"].values())
    assert run.started_at <= run.finished_at


def test_the_database_copy_holds_the_sites_pages(backup_dir, site_tree):
    call_command("backup_site", verbosity=0)
    folder = only_backup(backup_dir)
    if connection.vendor == "postgresql":
        listing = subprocess.run(
            ["pg_restore", "--list", folder / "database.dump"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "TABLE DATA public wagtailcore_page" in listing
    else:
        copy = sqlite3.connect(folder / "database.sqlite3")
        titles = [row[0] for row in copy.execute("SELECT title FROM wagtailcore_page")]
        copy.close()
        assert "Practice Development Unit" in titles


def test_backups_older_than_the_keeping_period_go_after_a_new_one(backup_dir, site_tree, settings):
    settings.PDU_BACKUP_KEEP_DAYS = 14
    too_old = old_backup(backup_dir, days_ago=15)
    recent = old_backup(backup_dir, days_ago=13)
    something_else = backup_dir / "notes"
    something_else.mkdir()

    call_command("backup_site", verbosity=0)

    assert not too_old.exists()
    assert recent.exists()
    assert something_else.exists()
    assert (backup_dir / BackupRun.objects.get().location.rsplit("/", 1)[-1]).exists()


def test_media_kept_in_a_bucket_are_left_out_and_the_backup_says_so(
    backup_dir, site_tree, settings
):
    settings.AWS_STORAGE_BUCKET_NAME = "pdu-media"
    output = io.StringIO()
    call_command("backup_site", stdout=output)

    folder = only_backup(backup_dir)
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["media"]["included"] is False
    assert "S3 bucket pdu-media" in manifest["media"]["note"]
    assert not (folder / "media.tar.gz").exists()
    assert BackupRun.objects.get().includes_media is False
    assert "not in the backup" in output.getvalue()


def test_a_failed_backup_is_recorded_emailed_and_leaves_nothing_half_made(
    settings, tmp_path, site_tree, admins
):
    # The backup folder cannot be made: a file is in the way.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.PDU_BACKUP_DIR = blocker / "backups"

    with pytest.raises(CommandError, match="The backup failed: NotADirectoryError"):
        call_command("backup_site", verbosity=0)

    run = BackupRun.objects.get()
    assert run.status == BackupRun.Status.FAILED
    assert "NotADirectoryError" in run.error
    assert run.location == ""
    [email] = mail.outbox
    assert email.to == ["site-team@example.org"]
    assert email.subject == "[PDU Hub] Backup failed"
    assert "NotADirectoryError" in email.body


@pytest.fixture
def stubbed_s3(settings, monkeypatch):
    """A real S3 client whose answers are scripted (botocore's Stubber): nothing leaves here."""
    settings.PDU_BACKUP_S3_BUCKET = "pdu-offsite"
    client = boto3.client(
        "s3",
        region_name="eu-west-2",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    monkeypatch.setattr(offsite, "s3_client", lambda: client)
    with Stubber(client) as stubber:
        yield stubber


def expect_upload(stubber, key):
    stubber.add_response(
        "put_object",
        {"ETag": '"x"'},
        {"Bucket": "pdu-offsite", "Key": key, "Body": ANY, "ChecksumAlgorithm": ANY},
    )


def test_each_backup_is_copied_off_site_with_its_manifest_last(backup_dir, site_tree, stubbed_s3):
    folder_to_be = "pdu-backup-2026-11-30T020000Z"
    database_file = "database.dump" if connection.vendor == "postgresql" else "database.sqlite3"
    for name in (database_file, "media.tar.gz", "manifest.json"):
        expect_upload(stubbed_s3, f"{folder_to_be}/{name}")

    output = io.StringIO()
    with freeze_time("2026-11-30 02:00:00"):
        call_command("backup_site", stdout=output)

    stubbed_s3.assert_no_pending_responses()
    run = BackupRun.objects.get()
    assert run.offsite_location == f"s3://pdu-offsite/{folder_to_be}/"
    assert f"Off-site copy: s3://pdu-offsite/{folder_to_be}/" in output.getvalue()


def test_a_failed_off_site_copy_fails_the_backup_and_keeps_older_ones(
    backup_dir, site_tree, stubbed_s3, admins, settings
):
    settings.PDU_BACKUP_KEEP_DAYS = 14
    too_old = old_backup(backup_dir, days_ago=30)
    stubbed_s3.add_client_error("put_object", "AccessDenied", "Access Denied", 403)

    with pytest.raises(CommandError, match="its off-site copy failed"):
        call_command("backup_site", verbosity=0)

    run = BackupRun.objects.get()
    assert run.status == BackupRun.Status.FAILED
    assert "AccessDenied" in run.error
    assert too_old.exists()  # nothing is deleted until a backup has fully worked
    assert len(mail.outbox) == 1
