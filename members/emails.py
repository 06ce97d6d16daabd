"""Email leaves through the worker, so a slow or broken mail server never holds up a page.

Every message to someone with an account carries a personal unsubscribe link: in the headers mail
programs read (RFC 2369 and the one-click RFC 8058) and as a line at the foot of the message.
"""

import re
from email.utils import parseaddr

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.utils.html import format_html
from django.utils.translation import gettext
from django_tasks_db import DatabaseBackend

from task_health.retries import retrying_task

from .tokens import unsubscribe_url


def message_to_dict(message):
    return {
        "subject": message.subject,
        "body": message.body,
        "content_subtype": message.content_subtype,
        "from_email": message.from_email,
        "to": list(message.to),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        # A plain EmailMessage (allauth's HTML-only emails) has no alternatives.
        "alternatives": [
            [content, mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [
            [name, content, mimetype]
            for name, content, mimetype in message.attachments
            if isinstance(content, str)
        ],
    }


@retrying_task()
def deliver_email(message):
    """Send one message built by `message_to_dict`; a mail server that is down is tried again."""
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        reply_to=message["reply_to"],
        headers=message["headers"],
    )
    # Messages queued before this key existed are plain text.
    email.content_subtype = message.get("content_subtype", "plain")
    for content, mimetype in message["alternatives"]:
        email.attach_alternative(content, mimetype)
    for name, content, mimetype in message["attachments"]:
        email.attach(name, content, mimetype)
    email.send()


def accounts_by_address(addresses):
    """The accounts that `addresses` belong to, keyed by lower-case address.

    An address counts if it is the account's sign-in address or one of its other addresses
    (a new address waiting to be confirmed, for example).
    """
    wanted = {bare_address(address) for address in addresses} - {""}
    if not wanted:
        return {}
    by_address = {}
    matches = Q()
    for address in wanted:
        matches |= Q(email__iexact=address)
    for user in get_user_model().objects.filter(matches):
        by_address[user.email.lower()] = user
    for email_address in EmailAddress.objects.filter(matches).select_related("user"):
        by_address.setdefault(email_address.email.lower(), email_address.user)
    return {address: user for address, user in by_address.items() if address in wanted}


def bare_address(address):
    """ "Jo <Jo@Example.org>" -> "jo@example.org"."""
    return parseaddr(address or "")[1].strip().lower()


def footer_text(url):
    return gettext("To stop emails about events and news from the PDU Hub, open %(url)s") % {
        "url": url
    }


def footer_html(url):
    return format_html(
        '<p>{} <a href="{}">{}</a></p>',
        gettext("Do not want emails about events and news from the PDU Hub?"),
        url,
        gettext("Stop emails"),
    )


def with_html_footer(html, url):
    footer = footer_html(url)
    closing_body = re.search(r"</body\s*>", html, flags=re.IGNORECASE)
    if closing_body:
        return f"{html[: closing_body.start()]}{footer}{html[closing_body.start() :]}"
    return f"{html}\n{footer}"


def add_unsubscribe_link(data, user):
    """Add `user`'s unsubscribe headers and footer to a message dict from `message_to_dict`."""
    url = unsubscribe_url(user)
    data["headers"]["List-Unsubscribe"] = f"<{url}>"
    data["headers"]["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    if data["content_subtype"] == "html":
        data["body"] = with_html_footer(data["body"], url)
    else:
        data["body"] = f"{data['body'].rstrip()}\n\n--\n{footer_text(url)}\n"
    data["alternatives"] = [
        [with_html_footer(content, url) if mimetype == "text/html" else content, mimetype]
        for content, mimetype in data["alternatives"]
    ]
    return data


def personalised_messages(message):
    """One message dict per recipient with an account (each gets their own link), or as is."""
    data = message_to_dict(message)
    accounts = accounts_by_address(data["to"])
    if not accounts:
        return [data]
    messages = []
    others = [address for address in data["to"] if bare_address(address) not in accounts]
    if others:
        messages.append({**data, "to": others})
    for address in data["to"]:
        user = accounts.get(bare_address(address))
        if user is not None:
            copy = {**data, "to": [address], "headers": dict(data["headers"])}
            messages.append(add_unsubscribe_link(copy, user))
    return messages


def send_later(message):
    """Queue `message` (an EmailMessage) for the worker, as part of the current transaction.

    The database queue stores the task in the same transaction as the change the message is
    about, so both are saved or neither is: a booking is never kept without its confirmation
    email, nor an email sent about a booking that was not kept. A queue outside the database
    (the tests' immediate one sends at once) waits for the transaction to commit instead.
    """
    for data in personalised_messages(message):
        if isinstance(deliver_email.get_backend(), DatabaseBackend):
            deliver_email.enqueue(data)
        else:
            transaction.on_commit(lambda data=data: deliver_email.enqueue(data))
