"""E-mail off the request that sends it: Wagtail's notifications to moderators and editors,
password resets and newsletter sign-ups go to the task queue, and the worker delivers them
through EMAIL_DELIVERY_BACKEND (SMTP in production), retrying while the mail server is
down. A request that sends mail no longer waits on the mail server, nor fails with it.

The message is enqueued once the request's transaction commits (a notification of a change
rolled back is never sent), with its Message-ID fixed, so that a retry after a server took
it but did not say so is recognisably the same message."""

import base64
import logging
import smtplib
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import make_msgid
from django.db import transaction
from django_tasks import task

from .retry import retry_later

logger = logging.getLogger(__name__)


def delivery_connection(**kwargs):
    """A connection to the mail server itself, for code that must know whether a message
    was taken (the newsletter's sending, which records each delivery)."""
    return get_connection(settings.EMAIL_DELIVERY_BACKEND, **kwargs)


def as_data(message):
    """The message as the JSON a task's arguments must be."""
    headers = dict(message.extra_headers)
    headers.setdefault("Message-ID", make_msgid(domain=message_id_domain()))
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": headers,
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", ())
        ],
        "attachments": [attachment(item) for item in message.attachments],
    }


def message_id_domain():
    # Not Django's default, the machine's name: it asks DNS, and names a host, not the site.
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def attachment(item):
    filename, content, mimetype = item
    if isinstance(content, str):
        content = content.encode()
    return [filename, base64.b64encode(content).decode("ascii"), mimetype]


def from_data(data):
    message = EmailMultiAlternatives(
        data["subject"],
        data["body"],
        data["from_email"],
        data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


@task()
def deliver(data, attempt=1):
    try:
        delivery_connection().send_messages([from_data(data)])
    except (smtplib.SMTPException, OSError) as error:
        logger.warning(
            "Mail server refused %s (attempt %d): %s", data["headers"]["Message-ID"], attempt, error
        )
        retry_later(deliver, data, attempt=attempt, error=error)


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        sending = [message for message in email_messages if message.recipients()]
        for message in sending:
            data = as_data(message)
            transaction.on_commit(lambda data=data: deliver.enqueue(data))
        return len(sending)
