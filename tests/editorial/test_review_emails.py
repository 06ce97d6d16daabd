"""Review emails leave the editor's request as a queued task; the worker sends them."""

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from editorial.notifications import send_review_email
from tests.roles import client_for

from .admin_actions import create_page

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_task_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_submitting_queues_the_email_instead_of_sending_it(
    site_tree, editor, reviewer, database_task_queue
):
    response, _page = create_page(
        client_for(editor), site_tree, "Queued page", action="action-submit"
    )

    assert response.status_code == 302
    assert mail.outbox == []  # nothing sent while the editor waited
    queued = DBTaskResult.objects.filter(task_path=send_review_email.module_path)
    assert queued.exists()

    # What the worker does with each queued task: run it.
    for result in queued:
        send_review_email.call(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
    assert any(reviewer.email in message.to for message in mail.outbox)
