"""The off-site copy: each backup uploaded to an S3-compatible bucket (PDU_BACKUP_S3_BUCKET).

A copy somewhere else survives the loss of the server. Credentials and region come from boto3's
usual places (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION, or the machine's
role); PDU_BACKUP_S3_ENDPOINT_URL names a provider other than AWS. How long copies are kept is
the bucket's lifecycle rule (docs/operations.md).
"""

from django.conf import settings

from .manifest import MANIFEST_NAME


def enabled():
    return bool(settings.PDU_BACKUP_S3_BUCKET)


def s3_client():
    import boto3

    return boto3.client("s3", endpoint_url=settings.PDU_BACKUP_S3_ENDPOINT_URL or None)


def upload(folder):
    """Upload every file in the backup's folder under a prefix of its own name; returns where."""
    bucket = settings.PDU_BACKUP_S3_BUCKET
    client = s3_client()
    # The manifest last: a copy cut short has none, so it is never taken for a whole backup.
    for path in sorted(folder.iterdir(), key=lambda path: (path.name == MANIFEST_NAME, path.name)):
        client.upload_file(str(path), bucket, f"{folder.name}/{path.name}")
    return f"s3://{bucket}/{folder.name}/"
