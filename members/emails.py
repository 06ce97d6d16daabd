"""Email leaves through the worker, so a slow or broken mail server never holds up a page."""

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django_tasks import task


def message_to_dict(message):
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [[content, mimetype] for content, mimetype in message.alternatives],
        "attachments": [
            [name, content, mimetype]
            for name, content, mimetype in message.attachments
            if isinstance(content, str)
        ],
    }


@task()
def deliver_email(message):
    """Send one message built by `message_to_dict`."""
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        reply_to=message["reply_to"],
        headers=message["headers"],
    )
    for content, mimetype in message["alternatives"]:
        email.attach_alternative(content, mimetype)
    for name, content, mimetype in message["attachments"]:
        email.attach(name, content, mimetype)
    email.send()


def send_later(message):
    """Queue `message` (an EmailMessage) for the worker once the current transaction commits."""
    data = message_to_dict(message)
    transaction.on_commit(lambda: deliver_email.enqueue(data))
