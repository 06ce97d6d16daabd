"""Injecting database faults into real requests, and reading what the database queue holds."""

import signal
from contextlib import contextmanager
from unittest import mock

from django.core.management import call_command
from django.db import OperationalError
from django.test import Client
from django_tasks_db.models import DBTaskResult

from members.emails import deliver_email

SORRY = "Sorry, there is a problem with the site"
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def database_went_away():
    return OperationalError("server closed the connection unexpectedly")


@contextmanager
def failing_save(model, error=None):
    """Every save of `model` raises `error` (the database failing at that step) while inside."""
    with mock.patch.object(model, "save", side_effect=error or database_went_away()):
        yield


def browser(user=None):
    """A client that shows the error page, as a browser would, instead of raising."""
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def queued_emails_to(address):
    """The messages waiting in the database queue for the worker to send to `address`."""
    results = DBTaskResult.objects.filter(task_path=deliver_email.module_path)
    return [
        result.args_kwargs["args"][0]
        for result in results
        if address in result.args_kwargs["args"][0]["to"]
    ]


def run_worker_until_idle():
    """What a restarted worker does first: run every task that is due, then (here) stop."""
    # The worker takes over Ctrl+C and SIGTERM for a graceful stop; give them back afterwards.
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        call_command("run_worker", "--batch", "--no-clock", "--no-startup-delay", verbosity=0)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
