"""The email the team gets for each submission, sent by the worker (members.emails)."""

import datetime

from django import forms
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from members.emails import send_later


def answer_text(value):
    """One answer as plain text: lists joined, yes/no for ticks, dates written the site's way."""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if value in (None, "", []):
        return _("(not answered)")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, datetime.datetime):
        return date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


def submission_text(page, form, user=None):
    lines = [_('Someone sent the form "%(title)s" on the PDU Hub.') % {"title": page.title}, ""]
    if user is not None and user.is_authenticated:
        lines += [_("Sent by the signed-in member %(email)s.") % {"email": user.email}, ""]
    for field in form:
        if field.name in form.cleaned_data:
            lines.append(f"{field.label}: {answer_text(form.cleaned_data[field.name])}")
    submissions_url = reverse("wagtailforms:list_submissions", args=[page.pk])
    lines += [
        "",
        _("Every submission, and a spreadsheet of them: %(url)s")
        % {"url": f"{settings.WAGTAILADMIN_BASE_URL}{submissions_url}"},
    ]
    return "\n".join(lines)


def reply_address(form):
    """The first email address the person gave, so the team can simply reply."""
    for name, field in form.fields.items():
        if isinstance(field, forms.EmailField):
            address = form.cleaned_data.get(name)
            if address:
                return address
    return None


def send_submission_email(page, form, user=None):
    """Queue the team's email about `form` (valid) sent on `page`, to the page's addresses."""
    recipients = [address.strip() for address in page.to_address.split(",") if address.strip()]
    if not recipients:
        return
    reply_to = reply_address(form)
    send_later(
        EmailMultiAlternatives(
            subject=page.subject or _("New submission: %(title)s") % {"title": page.title},
            body=submission_text(page, form, user),
            from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
            to=recipients,
            reply_to=[reply_to] if reply_to else [],
        )
    )
