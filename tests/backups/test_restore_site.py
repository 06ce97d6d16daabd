"""The restore drill (docs/operations.md): the demo site backed up, restored into a brand-new
database and media folder, serves the same pages and files from there. And what restore refuses."""

import json
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from backups.models import BackupRun
from tests.subprocess_django import run_python

from .drill import (
    pages_to_compare,
    restore_elsewhere,
    serve_elsewhere,
    serve_here,
    site_environment,
)

CHANGE_THE_SITE = """
import django
django.setup()
from django.db import connection
from django.utils import timezone
from backups.models import BackupRun
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE upgrade_leftover (id integer)")
BackupRun.objects.create(started_at=timezone.now(), finished_at=timezone.now(), status="failed")
"""

LOOK_AT_THE_SITE = """
import django
django.setup()
from django.db import connection
from backups.models import BackupRun
print(f"tables-from-the-upgrade:{'upgrade_leftover' in connection.introspection.table_names()}")
print(f"backups-recorded:{BackupRun.objects.count()}")
"""


@pytest.fixture
def backup_dir(settings, tmp_path):
    settings.PDU_BACKUP_DIR = tmp_path / "backups"
    return settings.PDU_BACKUP_DIR


def back_up_the_demo_site():
    call_command("load_demo_content", verbosity=0)
    compare = pages_to_compare()
    before = serve_here(compare["pages"], compare["document"])
    assert all(status == 200 for status, _title in before["pages"].values()), before
    assert before["document"][0] == 200
    call_command("backup_site", verbosity=0)
    return compare, before, BackupRun.objects.get().location


def restore_and_serve(location, database_url, media_root, compare, before):
    restored = restore_elsewhere(location, database_url, media_root)
    assert restored.returncode == 0, restored.stderr
    assert "Restored pdu-backup-" in restored.stdout

    after = serve_elsewhere(compare["pages"], compare["document"], database_url, media_root)
    assert after == before

    # Restoring again over the restored site is refused, and changes nothing.
    again = restore_elsewhere(location, database_url, media_root)
    assert again.returncode != 0
    assert "Nothing was restored: The database already has" in again.stderr
    assert serve_elsewhere(compare["pages"], compare["document"], database_url, media_root) == (
        before
    )


@pytest.fixture
def brand_new_database(tmp_path):
    """An empty database of the kind the tests run on: a new SQLite file, or a new PostgreSQL
    database on the same server (so CI's SQLite pass and PostgreSQL pass each do one drill)."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"pdu_restore_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    settings_dict = connection.settings_dict
    password = f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else ""
    host = f"{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}"
    yield f"postgres://{settings_dict['USER']}{password}@{host}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_a_backup_restored_into_a_brand_new_database_serves_the_same_site(
    backup_dir, tmp_path, site_tree, brand_new_database
):
    compare, before, location = back_up_the_demo_site()
    restore_and_serve(location, brand_new_database, tmp_path / "restored-media", compare, before)


@pytest.mark.django_db(transaction=True)
def test_replace_existing_puts_back_the_backup_over_a_changed_site(
    backup_dir, tmp_path, site_tree, brand_new_database
):
    """The roll-back after a failed upgrade: the backup restored over a database in use."""
    call_command("backup_site", verbosity=0)
    location = BackupRun.objects.get().location
    media_root = tmp_path / "media"
    assert restore_elsewhere(location, brand_new_database, media_root).returncode == 0
    # Since then the site changed: a table the old code knows nothing about, and new content.
    changed = run_python(
        CHANGE_THE_SITE, "pdu_site.settings.dev", site_environment(brand_new_database, media_root)
    )
    assert changed.returncode == 0, changed.stderr

    replaced = restore_elsewhere(location, brand_new_database, media_root, "--replace-existing")
    assert replaced.returncode == 0, replaced.stderr
    assert "Deleting everything in the database first" in replaced.stdout
    looked = run_python(
        LOOK_AT_THE_SITE, "pdu_site.settings.dev", site_environment(brand_new_database, media_root)
    )
    assert looked.returncode == 0, looked.stderr
    # As it was when backed up: the backup is made before its own run is recorded.
    assert looked.stdout.split() == ["tables-from-the-upgrade:False", "backups-recorded:0"]


@pytest.mark.django_db(transaction=True)
def test_restoring_into_a_database_with_tables_is_refused(backup_dir, site_tree):
    call_command("backup_site", verbosity=0)
    location = BackupRun.objects.get().location
    with pytest.raises(CommandError, match=r"already has \d+ tables: restore into an empty"):
        call_command("restore_site", location, verbosity=0)
    assert BackupRun.objects.count() == 1  # the database is untouched


@pytest.mark.django_db(transaction=True)
def test_a_damaged_backup_is_refused_before_anything_changes(backup_dir, site_tree, tmp_path):
    call_command("backup_site", verbosity=0)
    folder = backup_dir / BackupRun.objects.get().location.rsplit("/", 1)[-1]
    media_archive = folder / "media.tar.gz"
    media_archive.write_bytes(media_archive.read_bytes()[:-10])

    restored = restore_elsewhere(
        folder, f"sqlite:///{tmp_path / 'new.sqlite3'}", tmp_path / "new-media"
    )
    assert restored.returncode != 0
    assert "media.tar.gz does not match its checksum" in restored.stderr
    assert not (tmp_path / "new-media").exists()


@pytest.mark.django_db
def test_a_backup_is_found_by_its_name_and_an_unknown_one_is_refused(backup_dir, site_tree):
    with pytest.raises(CommandError, match="There is no backup at pdu-backup-1999"):
        call_command("restore_site", "pdu-backup-1999-01-01T000000Z", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_a_backup_from_a_newer_version_of_the_site_is_refused(
    backup_dir, site_tree, tmp_path, brand_new_database
):
    call_command("backup_site", verbosity=0)
    folder = backup_dir / BackupRun.objects.get().location.rsplit("/", 1)[-1]
    manifest_file = folder / "manifest.json"
    contents = json.loads(manifest_file.read_text())
    contents["migrations"]["events"] = "0099_from_a_later_release"
    contents["migrations"]["an_app_since_removed"] = "0003_anything"
    manifest_file.write_text(json.dumps(contents))

    restored = restore_elsewhere(folder, brand_new_database, tmp_path / "new-media")
    assert restored.returncode != 0
    assert "made by a newer version of the site" in restored.stderr
    assert "events.0099_from_a_later_release" in restored.stderr
    assert "an_app_since_removed" not in restored.stderr
