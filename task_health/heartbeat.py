"""The worker's heartbeat: its clock notes the time in the database on every tick.

A worker that has stopped (or whose clock is stuck) stops beating, and /healthz says "late".
"""

import datetime

from django.utils import timezone

from editorial.scheduling import PeriodicJob

from .models import WorkerHeartbeat

HEARTBEAT_ID = 1


def record_heartbeat():
    now = timezone.now()
    if not WorkerHeartbeat.objects.filter(pk=HEARTBEAT_ID).update(beat_at=now):
        WorkerHeartbeat.objects.create(pk=HEARTBEAT_ID, beat_at=now)


def last_heartbeat_at():
    return WorkerHeartbeat.objects.filter(pk=HEARTBEAT_ID).values_list("beat_at", flat=True).first()


def heartbeat_job(interval_seconds):
    # As often as the clock ticks, so a missing beat means a missing tick.
    return PeriodicJob(
        "worker heartbeat", datetime.timedelta(seconds=interval_seconds), record_heartbeat
    )
