from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """When the worker's clock last ticked (one row), so /healthz can tell it has stopped."""

    beat_at = models.DateTimeField(_("last heartbeat"))

    class Meta:
        verbose_name = _("worker heartbeat")

    def __str__(self):
        return f"Worker heartbeat at {self.beat_at:%Y-%m-%d %H:%M:%S}"
