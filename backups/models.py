from django.db import models
from django.utils.translation import gettext_lazy as _


class BackupRun(models.Model):
    """One backup, made or failed (backups/making.py).

    Failures stay visible here as well as in the email to ADMINS; /healthz reports the latest
    success, and the worker's clock reads it to know when the next daily backup is due.
    """

    class Status(models.TextChoices):
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    # The backup's folder on the server, and its off-site copy (s3://bucket/folder/) if any.
    location = models.CharField(_("location"), max_length=500, blank=True)
    offsite_location = models.CharField(_("off-site copy"), max_length=500, blank=True)
    # False when uploaded files live in an S3 bucket, which is their home (and their backup).
    includes_media = models.BooleanField(_("includes uploaded files"), default=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-finished_at"]
        get_latest_by = "finished_at"
        verbose_name = _("backup")

    def __str__(self):
        return f"Backup {self.status} at {self.finished_at:%Y-%m-%d %H:%M}"
