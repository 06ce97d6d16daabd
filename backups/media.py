"""Uploaded files (images, documents, recordings) in a backup: a tar.gz of MEDIA_ROOT.

When uploads live in an S3 bucket instead, the bucket is their home: backups leave them there
(turn on the bucket's versioning to keep deleted and overwritten files; docs/operations.md).
"""

import tarfile
from pathlib import Path

from django.conf import settings

ARCHIVE_NAME = "media.tar.gz"


def media_in_bucket():
    return bool(settings.AWS_STORAGE_BUCKET_NAME)


def media_root():
    return Path(settings.MEDIA_ROOT)


def has_files(folder):
    return folder.is_dir() and any(path.is_file() for path in folder.rglob("*"))


def archive(path):
    """Write every file under MEDIA_ROOT into the tar.gz at `path`."""
    root = media_root()
    # Light compression: recordings and images are compressed already, and a big site's media
    # would otherwise keep the worker busy for many minutes.
    with tarfile.open(path, "w:gz", compresslevel=1) as tar:
        if root.is_dir():
            tar.add(root, arcname=".")


def restore(path):
    """Unpack the archive at `path` into MEDIA_ROOT."""
    root = media_root()
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path, "r:gz") as tar:
        # The "data" filter refuses links and paths that would land outside MEDIA_ROOT.
        tar.extractall(root, filter="data")
