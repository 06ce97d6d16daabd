"""Tasks left "running" by a worker that stopped part-way (killed, out of memory, a restart).

django-tasks-db marks a task RUNNING when a worker takes it and only a worker that finishes it
changes that, so the task would wait forever. The worker's clock (run_worker) puts such tasks
back in the queue once they have been running far longer than any task takes. A task that has
stopped its worker again and again is marked failed instead, where administrators see it
(task_health/failures.py), rather than stopping every worker in turn.
"""

import datetime
import logging

from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from editorial.scheduling import PeriodicJob

logger = logging.getLogger(__name__)

# Far longer than the slowest task (reading a document stops after two minutes).
STALLED_AFTER = datetime.timedelta(minutes=30)
MAX_RUNS = 3
CHECK_EVERY = datetime.timedelta(minutes=5)


class WorkerStoppedError(Exception):
    """Recorded as the error of a task whose worker kept stopping while running it."""


WORKER_STOPPED = f"{WorkerStoppedError.__module__}.{WorkerStoppedError.__qualname__}"


def recover_stalled_tasks():
    """Requeue, or give up on, tasks running for longer than STALLED_AFTER. Returns the counts."""
    now = timezone.now()
    requeued = given_up = 0
    stalled = DBTaskResult.objects.running().filter(started_at__lt=now - STALLED_AFTER)
    for result in stalled:
        # Only if nothing has touched it meanwhile (a slow worker finishing after all).
        unchanged = DBTaskResult.objects.filter(
            pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
        )
        if len(result.worker_ids) >= MAX_RUNS:
            given_up += unchanged.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=WORKER_STOPPED,
                traceback=(
                    f"{WORKER_STOPPED}: The worker stopped while running this task "
                    f"{len(result.worker_ids)} times, so it is not tried again."
                ),
            )
        else:
            requeued += unchanged.update(status=TaskResultStatus.READY)
    if requeued or given_up:
        logger.warning(
            "Tasks left running by a stopped worker: %d queued again, %d given up",
            requeued,
            given_up,
        )
    return {"requeued": requeued, "given_up": given_up}


def stalled_tasks_job():
    return PeriodicJob("stalled task recovery", CHECK_EVERY, recover_stalled_tasks)
