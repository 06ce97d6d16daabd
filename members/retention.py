"""Keeping personal data no longer than the privacy notice says.

Once a day the worker (and `manage.py apply_retention` on demand):
- deletes form submissions older than PDU_FORM_SUBMISSION_RETENTION_DAYS, from every form page type;
- emails members whose account has not been used for PDU_INACTIVE_ACCOUNT_RETENTION_DAYS minus
  PDU_INACTIVE_ACCOUNT_WARNING_DAYS, once, saying it will be deleted unless they sign in;
- deletes (anonymises) the accounts warned at least PDU_INACTIVE_ACCOUNT_WARNING_DAYS ago that are
  still unused. Signing in clears the warning (members/signals.py).
Staff accounts are never touched: administrators manage those.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat, timezone, translation
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.forms.utils import get_form_types

from .account_kinds import member_accounts
from .deletion import delete_account
from .emails import send_later
from .models import RetentionRun
from .tokens import absolute_url

logger = logging.getLogger(__name__)

WRITTEN_DATE = "l j F Y"  # Tuesday 3 March 2026


def days(number):
    return datetime.timedelta(days=number)


def submission_classes():
    """Every model that stores form submissions: Wagtail's own and any a form page type uses."""
    classes = [FormSubmission]
    for content_type in get_form_types():
        model = content_type.model_class()
        if model is None:  # a page type whose code has gone
            continue
        submission_class = model().get_submission_class()
        if submission_class not in classes:
            classes.append(submission_class)
    return classes


def delete_old_form_submissions(now):
    cutoff = now - days(settings.PDU_FORM_SUBMISSION_RETENTION_DAYS)
    deleted = 0
    for submission_class in submission_classes():
        _total, by_model = submission_class.objects.filter(submit_time__lt=cutoff).delete()
        deleted += by_model.get(submission_class._meta.label, 0)
    return deleted


def active_members_last_seen():
    """Active member accounts, each with when it was last signed in to (or made, if never)."""
    return (
        member_accounts()
        .filter(is_active=True)
        .annotate(last_seen=Coalesce("last_login", "date_joined"))
    )


def accounts_to_warn(now):
    retention = settings.PDU_INACTIVE_ACCOUNT_RETENTION_DAYS
    warning = settings.PDU_INACTIVE_ACCOUNT_WARNING_DAYS
    return active_members_last_seen().filter(
        last_seen__lt=now - days(retention - warning), deletion_warning_sent_at__isnull=True
    )


def accounts_to_delete(now):
    return active_members_last_seen().filter(
        deletion_warning_sent_at__lte=now - days(settings.PDU_INACTIVE_ACCOUNT_WARNING_DAYS),
        # Not used since the warning either (signing in clears it, but be sure).
        last_seen__lt=F("deletion_warning_sent_at"),
    )


def warning_message(user, now):
    deletion_day = timezone.localdate(now + days(settings.PDU_INACTIVE_ACCOUNT_WARNING_DAYS))
    last_seen = timezone.localdate(user.last_login or user.date_joined)
    context = {
        "user": user,
        "last_seen": dateformat.format(last_seen, WRITTEN_DATE),
        "deletion_day": dateformat.format(deletion_day, WRITTEN_DATE),
        "login_url": absolute_url(reverse("account_login")),
    }
    with translation.override(user.email_language):
        subject = render_to_string("members/emails/inactive_account_warning_subject.txt", context)
        body = render_to_string("members/emails/inactive_account_warning_message.txt", context)
    return EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )


def warn_inactive_accounts(now):
    warned = 0
    for user in accounts_to_warn(now).iterator():
        with transaction.atomic():
            user.deletion_warning_sent_at = now
            user.save(update_fields=["deletion_warning_sent_at"])
            send_later(warning_message(user, now))
        warned += 1
    return warned


def delete_inactive_accounts(now):
    deleted = 0
    for user in list(accounts_to_delete(now)):
        try:
            delete_account(user)
        except Exception:
            # One account that cannot be deleted must not stop the others; the next run retries.
            logger.exception("Could not delete inactive account %s", user.pk)
        else:
            deleted += 1
    return deleted


def apply_retention(now=None):
    """Run every retention rule once and record the run; returns the RetentionRun."""
    now = now or timezone.now()
    run = RetentionRun(
        accounts_deleted=delete_inactive_accounts(now),
        warnings_sent=warn_inactive_accounts(now),
        form_submissions_deleted=delete_old_form_submissions(now),
    )
    run.finished_at = timezone.now()
    run.save()
    logger.info(
        "Retention: %s form submissions deleted, %s inactive accounts warned, %s deleted",
        run.form_submissions_deleted,
        run.warnings_sent,
        run.accounts_deleted,
    )
    return run


def last_retention_run_at():
    """When the clear-out last finished, or None if it never has (read by the worker's clock)."""
    return RetentionRun.objects.values_list("finished_at", flat=True).first()
