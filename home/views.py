import datetime

from django.db import DatabaseError
from django.http import JsonResponse
from django.utils import timezone
from django.utils.log import log_response
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from backups.making import last_successful_backup_at
from task_health.heartbeat import last_heartbeat_at

# The clock beats every 30 seconds; a daily backup may start an hour or two late after a failure.
HEARTBEAT_LATE_AFTER = datetime.timedelta(minutes=2)
BACKUP_LATE_AFTER = datetime.timedelta(hours=26)


def freshness(last, late_after, now):
    """ "ok", "late" (nothing for longer than `late_after`) or "never", and when, in UTC."""
    if last is None:
        return "never", None
    status = "late" if now - last > late_after else "ok"
    return status, last.astimezone(datetime.UTC).isoformat(timespec="seconds")


@never_cache
@require_safe
def healthz(request):
    """For load balancers and monitoring: 200 when the database answers, 503 when it does not.

    It also says how the worker and the backups are doing, for monitoring to alert on; those
    never change the status code (a stopped worker does not take the site down). Two small
    queries, which are also the database check; the body never carries paths or errors.
    """
    try:
        last_heartbeat = last_heartbeat_at()
        last_backup = last_successful_backup_at()
    except DatabaseError:
        response = JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
        # A warning, not the error Django logs for a 503: monitoring polls this every few
        # seconds, and an outage must not send an email (or a Sentry event) for every poll.
        log_response(
            "Health check: the database is unreachable",
            response=response,
            request=request,
            level="warning",
        )
        return response
    now = timezone.now()
    worker_status, heartbeat_time = freshness(last_heartbeat, HEARTBEAT_LATE_AFTER, now)
    backup_status, backup_time = freshness(last_backup, BACKUP_LATE_AFTER, now)
    return JsonResponse(
        {
            "status": "ok",
            "database": "ok",
            "worker": {"status": worker_status, "last_heartbeat": heartbeat_time},
            "backup": {"status": backup_status, "last_success": backup_time},
        }
    )
