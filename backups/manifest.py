"""The manifest.json in each backup: what it holds, what made it, and each file's checksum.

A restore checks the files against it first, so a damaged or incomplete backup is refused
before anything is changed.
"""

import hashlib
import importlib.metadata
import json
import platform

from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

MANIFEST_NAME = "manifest.json"
FORMAT = 1
# Versions worth knowing when restoring onto a server that has been upgraded since.
PACKAGES = ["Django", "wagtail", "wagtail-localize", "django-allauth", "django-tasks-db"]


class BackupInvalidError(Exception):
    """The backup is incomplete, damaged or not a backup of this site."""


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def describe_file(path):
    return {"size": path.stat().st_size, "sha256": sha256_of(path)}


def latest_migrations():
    """The last migration applied in each app, e.g. {"events": "0012_event_capacity"}."""
    latest = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        latest[app] = name
    return latest


def versions():
    found = {"python": platform.python_version()}
    for package in PACKAGES:
        try:
            found[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            continue
    return found


def write(folder, *, created_at, database_engine, database_file, media):
    """Describe the backup's files (already in `folder`) in its manifest.json."""
    files = {
        path.name: describe_file(path)
        for path in sorted(folder.iterdir())
        if path.name != MANIFEST_NAME
    }
    manifest = {
        "format": FORMAT,
        "site": "PDU Hub",
        "created_at": created_at.isoformat(),
        "finished_at": timezone.now().isoformat(),
        "database": {"engine": database_engine, "file": database_file},
        "media": media,
        "migrations": latest_migrations(),
        "versions": versions(),
        "files": files,
    }
    (folder / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def read_and_check(folder):
    """The manifest, once every file it lists is present with the right size and checksum."""
    try:
        manifest = json.loads((folder / MANIFEST_NAME).read_text())
    except FileNotFoundError:
        raise BackupInvalidError(f"{folder} has no {MANIFEST_NAME}: it is not a backup.") from None
    except ValueError:
        raise BackupInvalidError(f"{folder / MANIFEST_NAME} is damaged.") from None
    if manifest.get("site") != "PDU Hub" or manifest.get("format") != FORMAT:
        raise BackupInvalidError(f"{folder} is not a backup this version of the site can read.")
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.is_file():
            raise BackupInvalidError(f"{name} is missing from the backup.")
        if describe_file(path) != expected:
            raise BackupInvalidError(
                f"{name} does not match its checksum: the backup is damaged or incomplete."
            )
    return manifest


def unknown_migrations(manifest):
    """Migrations in the backup that this code does not have: it came from a newer version.

    Apps the code no longer has, and migrations since squashed into one, are not counted.
    """
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    for squashed in loader.replacements.values():
        known.update(squashed.replaces)
    apps = {app for app, _name in known}
    return sorted(
        f"{app}.{name}"
        for app, name in manifest.get("migrations", {}).items()
        if app in apps and (app, name) not in known
    )
