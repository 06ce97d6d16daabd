"""A background task that fails is tried again later, waiting longer each time, then recorded as
failed where site administrators see it and can try it again.

The real worker runs the real tasks from the database queue; the mail server is "down" because
nothing listens on the port the site sends to.
"""

import datetime
import socket

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.files.base import ContentFile
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from freezegun import freeze_time
from wagtail.documents import get_document_model

from library.tasks import extract_document_text
from library.text_extraction import EXTRACTED, NOT_EXTRACTED, PENDING
from members.emails import deliver_email, send_later
from task_health.failures import RETRY_SCHEDULED, failed_for_good
from task_health.retries import delay_before
from tests.roles import client_for

from .helpers import DATABASE_QUEUE, run_worker_until_idle

pytestmark = pytest.mark.django_db(transaction=True)

ADDRESS = "jo@example.org"


@pytest.fixture(autouse=True)
def database_task_queue(settings):
    settings.TASKS = DATABASE_QUEUE


def unused_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = unused_port()


def queue_email():
    send_later(
        EmailMultiAlternatives(
            "You have a place", "See you on Tuesday.", "team@example.org", [ADDRESS]
        )
    )


def results_of(task, **filters):
    return DBTaskResult.objects.filter(task_path=task.module_path, **filters).order_by(
        "enqueued_at"
    )


def waiting_retry(task):
    [retry] = results_of(task, status=TaskResultStatus.READY)
    return retry


def test_the_waits_between_tries_grow():
    assert [delay_before(attempt) for attempt in (1, 2, 3, 4)] == [
        datetime.timedelta(minutes=minutes) for minutes in (1, 5, 25, 125)
    ]


def test_an_email_the_mail_server_refuses_is_tried_five_times_then_reported(
    site_tree, mail_server_down, administrator, settings
):
    queue_email()
    first_try = timezone.now()
    run_worker_until_idle()

    retry = waiting_retry(deliver_email)
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert first_try + delay_before(1) <= retry.run_after <= timezone.now() + delay_before(1)
    [first] = results_of(deliver_email, status=TaskResultStatus.FAILED)
    assert first.exception_class_path == RETRY_SCHEDULED
    assert "ConnectionRefusedError" in first.traceback  # the cause is kept with each try
    assert not failed_for_good().exists()  # not given up yet, so not reported

    run_worker_until_idle()  # too early: the retry waits for its time
    assert waiting_retry(deliver_email).pk == retry.pk

    for attempt in (2, 3, 4, 5):
        retry = waiting_retry(deliver_email)
        assert retry.args_kwargs["kwargs"] == {"attempt": attempt}
        with freeze_time(retry.run_after + datetime.timedelta(seconds=1)):
            run_worker_until_idle()
            if attempt < 5:
                later = waiting_retry(deliver_email).run_after
                assert later == timezone.now() + delay_before(attempt)

    assert not results_of(deliver_email, status=TaskResultStatus.READY).exists()
    assert results_of(deliver_email, status=TaskResultStatus.FAILED).count() == 5
    assert mail.outbox == []
    [gave_up] = failed_for_good()
    assert gave_up.exception_class_path == "builtins.ConnectionRefusedError"

    # The administrator sees it, with what it was, the error and the tries made.
    admin = client_for(administrator)
    report = admin.get(reverse("task_health_failed"))
    assert report.status_code == 200
    [row] = BeautifulSoup(report.content, "html.parser").select("tbody tr")
    cells = [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
    assert cells[0] == "Sending an email"
    assert cells[1] == f"To {ADDRESS}: You have a place"
    assert cells[3].startswith("ConnectionRefusedError")
    assert cells[4] == "5"  # tries

    # The mail server is back; "Try again" queues it afresh and the worker sends it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = admin.post(reverse("task_health_try_again", args=[gave_up.pk]))
    assert response.status_code == 302
    run_worker_until_idle()

    assert [message.to for message in mail.outbox] == [[ADDRESS]]
    assert not failed_for_good().exists()
    report = admin.get(reverse("task_health_failed"))
    assert "No background tasks have failed" in report.content.decode()


def make_text_document(filename, content):
    return get_document_model().objects.create(
        title="Hostel notes", file=ContentFile(content, name=filename)
    )


def test_a_document_is_read_on_a_later_try_when_storage_was_unreachable(site_tree, monkeypatch):
    def unreachable(self, *args, **kwargs):
        raise ConnectionRefusedError("storage is not answering")

    document = make_text_document("notes.txt", b"Hostel managers share what works")
    with monkeypatch.context() as storage_down:
        storage_down.setattr(get_document_model(), "open_file", unreachable)
        run_worker_until_idle()

    document.refresh_from_db()
    assert document.text_status == PENDING
    retry = waiting_retry(extract_document_text)
    assert retry.args_kwargs == {"args": [document.pk], "kwargs": {"attempt": 2}}

    with freeze_time(retry.run_after + datetime.timedelta(seconds=1)):
        run_worker_until_idle()

    document.refresh_from_db()
    assert document.text_status == EXTRACTED
    assert "Hostel managers" in document.extracted_text
    assert not failed_for_good().exists()


def test_a_damaged_document_is_not_retried_its_document_says_why(site_tree):
    document = make_text_document("broken.pdf", b"%PDF-1.4 this is not really a PDF")
    run_worker_until_idle()

    document.refresh_from_db()
    assert document.text_status == NOT_EXTRACTED
    assert document.text_status_reason  # shown to editors on the document's edit page
    assert not results_of(extract_document_text, status=TaskResultStatus.READY).exists()
    assert not failed_for_good().exists()
