"""Restoring a backup (`manage.py restore_site`): the database, then the uploaded files.

Only into an empty database, unless the operator says to replace what is there. Nothing is
changed until the backup has been checked against its manifest and found whole.
"""

from pathlib import Path

from . import database, manifest, media
from .making import backup_root


class RestoreRefusedError(Exception):
    pass


def find_backup(name_or_path):
    """A backup folder given by its path, or by its name in PDU_BACKUP_DIR."""
    for folder in (Path(name_or_path), backup_root() / name_or_path):
        if folder.is_dir():
            return folder
    raise RestoreRefusedError(f"There is no backup at {name_or_path} (nor in {backup_root()}).")


def check_it_fits(contents):
    """Refuse a backup made on another kind of database, or by a newer version of the site."""
    if contents["database"]["engine"] != database.engine():
        raise RestoreRefusedError(
            f"This backup is of a {contents['database']['engine']} database, and this site uses "
            f"{database.engine()}: set DATABASE_URL to a database of the same kind."
        )
    newer = manifest.unknown_migrations(contents)
    if newer:
        raise RestoreRefusedError(
            "This backup was made by a newer version of the site (this code lacks the database "
            f"changes {', '.join(newer)}). Deploy that version first, then restore."
        )


def check_target_is_empty(restore_media, replace_existing):
    if replace_existing:
        return
    tables = database.table_names()
    if tables:
        raise RestoreRefusedError(
            f"The database already has {len(tables)} tables: restore into an empty database, or "
            "add --replace-existing to delete everything in it first."
        )
    if restore_media and media.has_files(media.media_root()):
        raise RestoreRefusedError(
            f"The uploaded files folder (MEDIA_ROOT, {media.media_root()}) already has files: "
            "restore into an empty one, or add --replace-existing to write over them."
        )


def restore_backup(folder, *, replace_existing=False, report=print):
    contents = manifest.read_and_check(folder)
    check_it_fits(contents)
    backup_has_media = contents["media"]["included"]
    restore_media = backup_has_media and not media.media_in_bucket()
    check_target_is_empty(restore_media, replace_existing)

    if database.table_names():
        report("Deleting everything in the database first (--replace-existing)...")
        database.drop_all_tables()
    report(f"Restoring the database from {folder.name}...")
    database.restore(folder / contents["database"]["file"])
    if restore_media:
        report(f"Restoring uploaded files into {media.media_root()}...")
        media.restore(folder / contents["media"]["file"])
    elif backup_has_media:
        report(
            "This site keeps uploaded files in an S3 bucket, so the files in the backup were not "
            f"restored; they are in {folder / contents['media']['file']}."
        )
    else:
        report(contents["media"]["note"])
