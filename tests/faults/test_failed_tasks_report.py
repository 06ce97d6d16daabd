"""Only site administrators see the failed background tasks and may try one again."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from members.emails import deliver_email
from task_health.retries import RetryScheduled
from tests.roles import client_for

from .helpers import DATABASE_QUEUE

pytestmark = pytest.mark.django_db

REPORT_TITLE = "Background tasks that failed"


@pytest.fixture(autouse=True)
def database_task_queue(settings):
    settings.TASKS = DATABASE_QUEUE


def failed_email(to, error, attempt=5):
    """A queued email whose last try failed with `error`, as the worker records it."""
    message = {
        "subject": "You have a place",
        "body": "See you on Tuesday.",
        "from_email": "team@example.org",
        "to": [to],
        "reply_to": [],
        "headers": {},
        "alternatives": [],
        "attachments": [],
    }
    queued = deliver_email.enqueue(message, attempt=attempt)
    result = DBTaskResult.objects.get(pk=queued.id)
    result.claim("worker-1")
    result.set_failed(error)
    return result


@pytest.fixture
def gave_up(site_tree):
    return failed_email("jo@example.org", ConnectionRefusedError(111, "Connection refused"))


@pytest.fixture
def will_retry(site_tree):
    return failed_email("sam@example.org", RetryScheduled("Try 1 of 5 failed"), attempt=1)


def refused(response):
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def report_rows(response):
    rows = BeautifulSoup(response.content, "html.parser").select("tbody tr")
    return [[cell.get_text(" ", strip=True) for cell in row.find_all("td")] for row in rows]


def test_an_administrator_sees_tasks_that_gave_up_but_not_those_still_trying(
    administrator, gave_up, will_retry
):
    client = client_for(administrator)

    assert (
        reverse("task_health_failed") in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    response = client.get(reverse("task_health_failed"))

    assert response.status_code == 200
    [row] = report_rows(response)
    assert row[0] == "Sending an email"
    assert row[1] == "To jo@example.org: You have a place"
    assert row[3] == "ConnectionRefusedError: [Errno 111] Connection refused"
    assert row[4] == "5"
    assert "sam@example.org" not in response.content.decode()


def test_editors_and_reviewers_neither_see_the_report_nor_may_try_again(
    editor, reviewer, administrator, gave_up
):
    try_again = reverse("task_health_try_again", args=[gave_up.pk])
    for person in (editor, reviewer):
        client = client_for(person)
        # Their admin has a Reports menu (the editorial reports), without this one.
        home = client.get(reverse("wagtailadmin_home")).content.decode()
        assert reverse("editorial_scheduled_content") in home
        assert reverse("task_health_failed") not in home
        # Wagtail's answer to an admin page someone may not open: back to the dashboard.
        assert refused(client.get(reverse("task_health_failed")))
        assert refused(client.post(try_again))
        gave_up.refresh_from_db()
        assert gave_up.status == TaskResultStatus.FAILED

    # The administrator may: the task is queued afresh, all its tries again.
    response = client_for(administrator).post(try_again, follow=True)

    assert response.status_code == 200
    assert "is queued again" in response.content.decode()
    assert not DBTaskResult.objects.filter(pk=gave_up.pk).exists()
    [queued] = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    assert queued.task_path == deliver_email.module_path
    assert queued.args_kwargs["args"][0]["to"] == ["jo@example.org"]
    assert queued.args_kwargs["kwargs"] == {}
    assert report_rows(response) == []


def test_trying_again_is_a_post_only_action(administrator, gave_up):
    client = client_for(administrator)
    assert client.get(reverse("task_health_try_again", args=[gave_up.pk])).status_code == 405
    gave_up.refresh_from_db()
    assert gave_up.status == TaskResultStatus.FAILED
