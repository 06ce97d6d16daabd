"""A worker that crashed and is started again later picks up everything queued meanwhile, and a
task it was running when it was killed is not stuck "running" for ever."""

import datetime

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from editorial.scheduling import WorkerClock
from members.emails import deliver_email, send_later
from task_health.failures import attempts, error_summary, failed_for_good
from task_health.recovery import MAX_RUNS, STALLED_AFTER, stalled_tasks_job

from .helpers import DATABASE_QUEUE, run_worker_until_idle

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def database_task_queue(settings):
    settings.TASKS = DATABASE_QUEUE


def queue_email(to):
    send_later(EmailMultiAlternatives("Reminder", "See you tomorrow.", "team@example.org", [to]))


def emails():
    return DBTaskResult.objects.filter(task_path=deliver_email.module_path)


def killed_while_running(result, started_ago, runs=1):
    """What a worker killed part-way leaves behind: the task claimed and never finished."""
    worker_ids = [f"killed-worker-{run}" for run in range(runs)]
    DBTaskResult.objects.filter(pk=result.pk).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - started_ago,
        worker_ids=worker_ids,
    )


def clock_tick():
    WorkerClock([stalled_tasks_job()]).run_due_jobs()


def test_tasks_queued_while_the_worker_was_down_are_done_when_it_starts(site_tree):
    for person in ("a", "b", "c"):
        queue_email(f"{person}@example.org")

    assert mail.outbox == []  # the worker is down: nothing sent, nothing lost
    assert set(emails().values_list("status", flat=True)) == {TaskResultStatus.READY}

    run_worker_until_idle()

    assert sorted(message.to[0] for message in mail.outbox) == [
        "a@example.org",
        "b@example.org",
        "c@example.org",
    ]
    assert set(emails().values_list("status", flat=True)) == {TaskResultStatus.SUCCESSFUL}


def test_a_task_left_running_by_a_killed_worker_is_queued_again_and_done(site_tree):
    queue_email("jo@example.org")
    killed_while_running(emails().get(), started_ago=STALLED_AFTER + datetime.timedelta(minutes=1))

    # A new worker alone never takes a task marked running: without the clock it would wait
    # for ever.
    run_worker_until_idle()
    assert emails().get().status == TaskResultStatus.RUNNING
    assert mail.outbox == []

    clock_tick()
    assert emails().get().status == TaskResultStatus.READY
    run_worker_until_idle()

    assert [message.to for message in mail.outbox] == [["jo@example.org"]]
    result = emails().get()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert len(result.worker_ids) == 2  # the killed worker's run and the new one


def test_a_task_still_running_within_the_limit_is_left_alone(site_tree):
    queue_email("jo@example.org")
    killed_while_running(emails().get(), started_ago=STALLED_AFTER - datetime.timedelta(minutes=5))

    clock_tick()

    assert emails().get().status == TaskResultStatus.RUNNING


def test_a_task_that_keeps_stopping_its_worker_is_given_up_and_reported(site_tree):
    queue_email("jo@example.org")
    killed_while_running(emails().get(), started_ago=datetime.timedelta(hours=2), runs=MAX_RUNS)

    clock_tick()
    run_worker_until_idle()

    assert mail.outbox == []
    [failed] = failed_for_good()
    assert failed.status == TaskResultStatus.FAILED
    assert attempts(failed) == MAX_RUNS
    assert "The worker stopped while running this task 3 times" in error_summary(failed)
