"""E-mail through the task queue: a request that sends mail only enqueues it, once its
transaction commits; the worker delivers it, and tries again later while the mail server
is down, as the same message."""

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import WorkflowState

from config import mail as queued
from newsroom.tests.test_workflow import add_story
from tests.support import DATABASE_QUEUE, newsroom_user, work_the_queue

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(settings):
    settings.TASKS = DATABASE_QUEUE
    settings.EMAIL_BACKEND = "config.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def deliveries(status=None):
    found = DBTaskResult.objects.filter(task_path=queued.deliver.module_path)
    return found.filter(status=status) if status else found


def test_a_submission_notifies_the_moderators_through_the_worker(
    client, tree, queue, django_capture_on_commit_callbacks
):
    moderator = newsroom_user("moderator", "mo")
    client.force_login(newsroom_user("editor", "eda"))
    with django_capture_on_commit_callbacks(execute=True):
        add_story(client, tree, "action-submit")
    assert WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()
    assert not mail.outbox, "the editor's request only enqueued it"
    [waiting] = deliveries()
    assert waiting.status == "READY"

    work_the_queue()
    [message] = mail.outbox
    assert message.to == [moderator.email]
    assert "Ferry halted" in message.subject
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"  # Wagtail's header kept
    assert deliveries("SUCCESSFUL").count() == 1


def test_mail_of_a_change_rolled_back_is_never_sent(queue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        mail.send_mail("Not sent", "Body", "desk@meridian.example", ["someone@example.com"])
    assert len(callbacks) == 1  # enqueued only if the transaction commits
    assert not deliveries().exists()


def test_the_message_arrives_as_it_was_made(queue, django_capture_on_commit_callbacks):
    message = mail.EmailMultiAlternatives(
        "Caf\u00e9 au lait",
        "Texte",
        "desk@meridian.example",
        ["a@example.com"],
        cc=["b@example.com"],
        bcc=["c@example.com"],
        reply_to=["desk@example.com"],
        headers={"Content-Language": "fr"},
    )
    message.attach_alternative("<p>Texte</p>", "text/html")
    message.attach("notes.txt", "Une note", "text/plain")
    with django_capture_on_commit_callbacks(execute=True):
        message.send()
    work_the_queue()
    [sent] = mail.outbox
    assert (sent.subject, sent.body, sent.from_email) == (
        "Caf\u00e9 au lait",
        "Texte",
        message.from_email,
    )
    assert (sent.to, sent.cc, sent.bcc, sent.reply_to) == (
        message.to,
        message.cc,
        message.bcc,
        message.reply_to,
    )
    assert sent.alternatives[0][:2] == ("<p>Texte</p>", "text/html")
    assert sent.attachments[0][:2] == ("notes.txt", "Une note")
    assert sent.extra_headers["Content-Language"] == "fr"
    assert sent.extra_headers["Message-ID"].endswith("@testserver>")


def test_a_mail_server_down_is_tried_again_later_as_the_same_message(
    queue, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    settings.TASK_ATTEMPTS = 3
    with django_capture_on_commit_callbacks(execute=True):
        mail.send_mail("Approved", "Your story is live.", "desk@example.com", ["eda@example.com"])

    work_the_queue()
    [first] = deliveries("SUCCESSFUL")  # it did its part: it enqueued the next attempt
    [second] = deliveries("READY")
    assert second.args_kwargs["kwargs"]["attempt"] == 2
    assert second.run_after > first.finished_at, "later, not at once"
    assert second.args_kwargs["args"] == first.args_kwargs["args"], "the same Message-ID"

    DBTaskResult.objects.update(run_after=timezone.now())  # the time comes
    work_the_queue()  # attempt 2 fails and enqueues attempt 3
    DBTaskResult.objects.update(run_after=timezone.now())
    work_the_queue()  # attempt 3, the last, fails for good
    assert deliveries("FAILED").count() == 1
    assert not deliveries("READY").exists()

    # The server is back: a new message goes out on its first attempt.
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        mail.send_mail("Approved", "Again.", "desk@example.com", ["eda@example.com"])
    work_the_queue()
    assert len(mail.outbox) == 1
