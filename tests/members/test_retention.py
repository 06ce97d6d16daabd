"""Personal data is kept no longer than the privacy notice says, by the worker, every day."""

import datetime
import io

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.forms.utils import get_form_types

from editorial.management.commands.run_worker import housekeeping_job
from editorial.scheduling import PeriodicJob, WorkerClock
from members.models import RetentionRun, SavedPage
from members.retention import apply_retention, submission_classes
from tests.editorial.test_worker_end_to_end import wait_until, worker  # noqa: F401
from tests.library.factories import ResourceIndexPageFactory, ResourcePageFactory
from tests.members.accounts import LOGIN_URL
from tests.roles import PASSWORD, make_user

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 1, 3, 0, tzinfo=datetime.UTC)
# The settings' defaults: 3 years (1,095 days) without use, warned 30 days before.
WARN_AFTER = datetime.timedelta(days=1095 - 30)
WARNING = datetime.timedelta(days=30)
DAY = datetime.timedelta(days=1)


def member_last_seen(email, when, **extra):
    """A member who joined, and last signed in, at `when`."""
    with freeze_time(when):
        user = make_user(email, "Members", first_name="Jo", **extra)
        user.last_login = when
        user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def resource_page(site_tree):
    return ResourcePageFactory(parent=ResourceIndexPageFactory(parent=site_tree))


def run_at(moment, capture):
    with freeze_time(moment), capture(execute=True):
        return apply_retention()


# Form submissions


def test_form_submissions_older_than_two_years_are_deleted_from_every_form_type(site_tree):
    classes = submission_classes()
    # Wagtail's own table and each form page type's (the get-involved forms have their own).
    assert FormSubmission in classes
    for content_type in get_form_types():
        model = content_type.model_class()
        assert model().get_submission_class() in classes

    for submission_class in classes:
        with freeze_time(NOW - datetime.timedelta(days=731)):
            submission_class.objects.create(page=site_tree, form_data={"name": "old"})
        with freeze_time(NOW - datetime.timedelta(days=729)):
            submission_class.objects.create(page=site_tree, form_data={"name": "recent"})

    with freeze_time(NOW):
        run = apply_retention()
    assert run.form_submissions_deleted == len(classes)
    for submission_class in classes:
        kept = submission_class.objects.values_list("form_data", flat=True)
        assert [data["name"] for data in kept] == ["recent"]


# Inactive accounts


def test_an_account_unused_for_nearly_three_years_is_warned_once(
    site_tree, django_capture_on_commit_callbacks
):
    idle = member_last_seen("idle@example.org", NOW - WARN_AFTER - DAY)
    active = member_last_seen("active@example.org", NOW - WARN_AFTER + DAY)

    run = run_at(NOW, django_capture_on_commit_callbacks)
    assert run.warnings_sent == 1
    idle.refresh_from_db()
    active.refresh_from_db()
    assert idle.deletion_warning_sent_at == NOW
    assert active.deletion_warning_sent_at is None

    [warning] = mail.outbox
    assert warning.to == ["idle@example.org"]
    assert "will be deleted on Wednesday 1 July 2026" in warning.subject
    assert "sign in before Wednesday 1 July 2026" in warning.body
    assert "http://testserver/accounts/login/" in warning.body
    assert "List-Unsubscribe" in warning.extra_headers

    # Not warned again the next day.
    run = run_at(NOW + DAY, django_capture_on_commit_callbacks)
    assert run.warnings_sent == 0
    assert len(mail.outbox) == 1


def test_an_account_never_signed_in_to_counts_from_the_day_it_was_made(
    site_tree, django_capture_on_commit_callbacks
):
    with freeze_time(NOW - WARN_AFTER - DAY):
        never = make_user("never@example.org", "Members")
    with freeze_time(NOW - DAY):
        make_user("new@example.org", "Members")
    assert never.last_login is None
    run_at(NOW, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["never@example.org"]]


def test_a_warned_account_still_unused_after_thirty_days_is_deleted(
    site_tree, resource_page, django_capture_on_commit_callbacks
):
    idle = member_last_seen(
        "idle@example.org",
        NOW - WARN_AFTER - DAY,
        organisation_type="health",
        work_postcode="NG5 1PB",
    )
    SavedPage.objects.create(user=idle, page=resource_page)
    run_at(NOW, django_capture_on_commit_callbacks)

    run = run_at(NOW + WARNING - DAY, django_capture_on_commit_callbacks)
    assert run.accounts_deleted == 0
    idle.refresh_from_db()
    assert idle.is_active

    run = run_at(NOW + WARNING, django_capture_on_commit_callbacks)
    assert run.accounts_deleted == 1
    idle.refresh_from_db()
    assert idle.email == f"deleted-{idle.pk}@invalid"
    assert not idle.is_active and not idle.has_usable_password()
    assert (idle.first_name, idle.organisation_type, idle.work_postcode) == ("", "health", "NG5")
    assert not EmailAddress.objects.filter(user=idle).exists()
    assert not SavedPage.objects.filter(user=idle).exists()
    # Deleted accounts are not warned or deleted again.
    run = run_at(NOW + WARNING + DAY, django_capture_on_commit_callbacks)
    assert (run.warnings_sent, run.accounts_deleted) == (0, 0)


def test_signing_in_after_the_warning_keeps_the_account(
    client, site_tree, django_capture_on_commit_callbacks
):
    idle = member_last_seen("idle@example.org", NOW - WARN_AFTER - DAY)
    run_at(NOW, django_capture_on_commit_callbacks)

    with freeze_time(NOW + 10 * DAY):
        response = client.post(LOGIN_URL, {"login": "idle@example.org", "password": PASSWORD})
    assert response.status_code == 302
    idle.refresh_from_db()
    assert idle.deletion_warning_sent_at is None

    run = run_at(NOW + WARNING + DAY, django_capture_on_commit_callbacks)
    assert (run.warnings_sent, run.accounts_deleted) == (0, 0)
    idle.refresh_from_db()
    assert idle.is_active and idle.email == "idle@example.org"


@pytest.mark.parametrize(
    "kind",
    [
        {"group_name": "Editors"},
        {"group_name": "Reviewers"},
        {"is_superuser": True},
        {"is_staff": True},
    ],
)
def test_staff_accounts_are_never_warned_or_deleted(
    site_tree, django_capture_on_commit_callbacks, kind
):
    group = kind.pop("group_name", None)
    with freeze_time(NOW - 5 * WARN_AFTER):
        staff = make_user("staff@example.org", group, **kind)
    run_at(NOW, django_capture_on_commit_callbacks)
    run = run_at(NOW + 2 * WARNING, django_capture_on_commit_callbacks)
    assert run.accounts_deleted == 0
    assert mail.outbox == []
    staff.refresh_from_db()
    assert staff.is_active and staff.deletion_warning_sent_at is None


def test_each_run_is_recorded(site_tree):
    with freeze_time(NOW):
        apply_retention()
    run = RetentionRun.objects.get()
    assert run.finished_at == NOW
    assert (run.form_submissions_deleted, run.warnings_sent, run.accounts_deleted) == (0, 0, 0)


def test_the_command_runs_it_once_and_says_what_it_did(
    site_tree, django_capture_on_commit_callbacks
):
    member_last_seen("idle@example.org", timezone.now() - WARN_AFTER - DAY)
    output = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("apply_retention", stdout=output)
    assert "Inactive accounts warned: 1" in output.getvalue()
    assert "Form submissions deleted (older than 730 days): 0" in output.getvalue()
    assert RetentionRun.objects.count() == 1
    assert len(mail.outbox) == 1


# The worker's clock


@pytest.fixture
def clock_shares_the_test_connection(monkeypatch):
    # The real clock closes stale database connections between jobs; under freezegun every
    # connection looks stale, and closing the test's own would end its transaction.
    monkeypatch.setattr("editorial.scheduling.close_old_connections", lambda: None)


def test_the_clock_runs_the_daily_job_once_a_day_even_across_restarts(
    site_tree, clock_shares_the_test_connection
):
    runs = []
    job = housekeeping_job()
    job.action = lambda: runs.append(apply_retention())

    with freeze_time(NOW):
        WorkerClock([job]).run_due_jobs()
    assert len(runs) == 1

    # A restarted worker (a new clock) remembers the run from the database.
    for moment in (NOW + datetime.timedelta(hours=1), NOW + datetime.timedelta(hours=23)):
        with freeze_time(moment):
            WorkerClock([job]).run_due_jobs()
    assert len(runs) == 1

    with freeze_time(NOW + DAY):
        clock = WorkerClock([job])
        clock.run_due_jobs()
        clock.run_due_jobs()
    assert len(runs) == 2


def test_the_clock_also_notices_a_run_made_by_the_command(
    site_tree, clock_shares_the_test_connection
):
    runs = []
    job = housekeeping_job()
    job.action = lambda: runs.append(apply_retention())
    clock = WorkerClock([job])
    with freeze_time(NOW):
        clock.run_due_jobs()
    with freeze_time(NOW + datetime.timedelta(hours=20)):
        call_command("apply_retention", stdout=io.StringIO())
    with freeze_time(NOW + DAY):
        clock.run_due_jobs()
    assert len(runs) == 1  # the command's run, 20 hours in, made it not due yet


def test_the_clock_runs_frequent_jobs_at_their_own_pace_and_retries_failures(
    site_tree, clock_shares_the_test_connection
):
    calls = []
    failures = []

    def flaky():
        failures.append(timezone.now())
        raise RuntimeError("database restarting")

    quick = PeriodicJob("quick", datetime.timedelta(seconds=30), lambda: calls.append(1))
    daily = PeriodicJob("daily", DAY, flaky, retry_after=datetime.timedelta(hours=1))
    clock = WorkerClock([quick, daily])
    for seconds in (0, 10, 30, 45, 60, 3600):
        with freeze_time(NOW + datetime.timedelta(seconds=seconds)):
            clock.run_due_jobs()
    # The quick job at 0, 30, 60 and 3600 seconds; the failing one at 0 and again after an hour,
    # and neither stopped the other.
    assert len(calls) == 4
    assert failures == [NOW, NOW + datetime.timedelta(hours=1)]


@pytest.fixture
def old_submission(site_tree):
    submission = FormSubmission.objects.create(page=site_tree, form_data={"name": "old"})
    FormSubmission.objects.filter(pk=submission.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=800)
    )
    return submission


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_real_worker_runs_the_daily_clear_out(old_submission, worker):  # noqa: F811
    assert wait_until(RetentionRun.objects.exists), "the worker did not run the clear-out"
    assert not FormSubmission.objects.filter(pk=old_submission.pk).exists()
    assert worker.poll() is None, worker.stdout.read()
