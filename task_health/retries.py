"""Background tasks that try again later when they fail, waiting longer each time.

django-tasks runs a task once and records a failure. A task made with `retrying_task` instead
queues itself again (`run_after` = now + a growing delay, the attempt number in its keyword
arguments) until it has had `attempts` tries. Each failed try stays in the queue's table as
failed: the ones followed by another try raise `RetryScheduled`, so the staff report
(task_health/failures.py) lists only the tasks that gave up.
"""

import datetime
import functools
import logging

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

ATTEMPT_ARGUMENT = "attempt"
DEFAULT_ATTEMPTS = 5
# One minute, then 5, 25 and 125: a mail server back within about two and a half hours loses
# nothing, and a lasting fault is reported the same afternoon.
FIRST_DELAY = datetime.timedelta(minutes=1)
DELAY_GROWTH = 5


class RetryScheduled(Exception):  # noqa: N818 (an outcome, recorded as the task's error)
    """This try failed and another is queued; the original error is its cause."""


def delay_before(attempt):
    """How long to wait after failed try number `attempt` (1, 2, ...)."""
    return FIRST_DELAY * DELAY_GROWTH ** (attempt - 1)


def retrying_task(*, attempts=DEFAULT_ATTEMPTS, **task_options):
    """Like django-tasks' `@task()`, but a failure is tried again later, up to `attempts` tries.

    Only a queue that can hold a task until later (the database queue) retries; elsewhere (the
    tests' immediate queue) a failure is final, as with a plain task.
    """

    def decorate(function):
        @functools.wraps(function)
        def run(*args, attempt=1, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception as error:
                if attempt >= attempts or not retrying.get_backend().supports_defer:
                    raise
                retry_at = timezone.now() + delay_before(attempt)
                retrying.using(run_after=retry_at).enqueue(
                    *args, **kwargs, **{ATTEMPT_ARGUMENT: attempt + 1}
                )
                logger.warning(
                    "%s failed (try %d of %d): %s; trying again at %s",
                    retrying.name,
                    attempt,
                    attempts,
                    error,
                    retry_at.isoformat(timespec="seconds"),
                )
                raise RetryScheduled(
                    f"Try {attempt} of {attempts} failed; the next is at {retry_at.isoformat()}"
                ) from error

        retrying = task(**task_options)(run)
        return retrying

    return decorate
