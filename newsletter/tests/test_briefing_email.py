"""The briefing e-mail and `send_briefing`: both parts, absolute links, one-click unsubscribe
headers, batches, reruns that send nobody anything twice, a real SMTP server, the admin's
send button, and the greeting a new briefing is offered."""

import datetime
import email
import io
import re
import socket
import threading
from email.policy import default
from unittest import mock

import pytest
from aiosmtpd.controller import Controller
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.rich_text import RichText

from newsletter.models import Delivery, Subscriber
from stories.factories import BriefingPageFactory, StoryPageFactory
from stories.models import Greeting, StoryPage
from tests.support import newsroom_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def briefing(tree):
    story = StoryPageFactory(parent=tree.section, title="The town that lost its ferry")
    item = {"headline": "Varensk ferry halted", "text": RichText("<p>Details.</p>")}
    return BriefingPageFactory(
        parent=tree.briefing_index,
        title="In the News: Tuesday",
        body=[
            (
                "greeting",
                {
                    "word": "Tere hommikust",
                    "language": "Estonian",
                    "footnote": "Spoken by the sea.",
                },
            ),
            ("paragraph", RichText(f'<p>Good morning. <a href="{story.url}">Our story</a>.</p>')),
            ("news_item", {**item, "story": story}),
            ("newsletter_cta", {"heading": "Not in e-mails", "text": ""}),
        ],
    )


def subscribers(count, edition="en", status=Subscriber.Status.CONFIRMED):
    return [
        Subscriber.objects.create(
            email=f"{edition}{n}{'' if status == 'confirmed' else status}@example.com",
            edition=edition,
            status=status,
        )
        for n in range(count)
    ]


def send(briefing, *args):
    out = io.StringIO()
    call_command("send_briefing", str(briefing.pk), *args, stdout=out)
    return out.getvalue()


def test_briefing_email_has_both_parts_absolute_links_and_unsubscribe_headers(briefing):
    [subscriber] = subscribers(1)
    send(briefing)
    [message] = mail.outbox
    assert message.to == [subscriber.email]
    assert message.subject == "In the News: Tuesday"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith("http://localhost/en/newsletter/unsubscribe/")

    text = message.body
    # The greeting, marked; its footnote at the end, after the news.
    assert "Tere hommikust*" in text
    assert text.index("Varensk ferry halted") < text.index("* Spoken by the sea.")
    assert "Varensk ferry halted" in text
    assert "http://localhost/en/world-affairs/" in text  # the story, absolute
    assert unsubscribe in text
    assert "Not in e-mails" not in text

    [(html, kind)] = message.alternatives
    assert kind == "text/html"
    assert "<style" not in html and 'style="' in html  # CSS inlined for mail clients
    assert 'href="/' not in html  # every link absolute, rich text links included
    assert unsubscribe in html


def test_each_edition_gets_its_own_briefing(briefing, translate_page):
    subscribers(2, "en")
    subscribers(3, "fr")
    subscribers(1, "en", status=Subscriber.Status.PENDING)
    subscribers(1, "en", status=Subscriber.Status.UNSUBSCRIBED)
    assert "2 subscriber(s)" in send(briefing, "--dry-run")
    assert not mail.outbox
    send(briefing)
    assert sorted(m.to[0] for m in mail.outbox) == ["en0@example.com", "en1@example.com"]

    translate_page(StoryPage.objects.get(title="The town that lost its ferry"), "fr")
    french = translate_page(briefing, "fr")  # its news item now links the French story
    mail.outbox.clear()
    send(french)
    assert len(mail.outbox) == 3
    assert "/fr/newsletter/unsubscribe/" in mail.outbox[0].extra_headers["List-Unsubscribe"]
    assert "\n* [fr] Spoken by the sea.\n" in mail.outbox[0].body  # the translated footnote
    # French puts a space before a colon: the colon belongs in the translated message.
    for label in ("Lire l’article", "Le lire sur le site", "Changer d’édition", "Se désabonner"):
        assert re.search(rf"^{label} : http://\S+$", mail.outbox[0].body, re.M), label
    parsed = email.message_from_bytes(mail.outbox[0].message().as_bytes(), policy=default)
    assert parsed["Content-Language"] == "fr"
    html = parsed.get_body(("html",)).get_content()
    assert BeautifulSoup(html, "html.parser").html["lang"] == "fr"


def test_running_twice_sends_nobody_anything_twice(briefing):
    subscribers(5)
    assert "sent 5; 0 had it already" in send(briefing, "--batch-size", "2")
    assert "sent 0; 5 had it already" in send(briefing)
    assert len(mail.outbox) == 5
    assert Delivery.objects.filter(sent_at__isnull=False).count() == 5


def test_a_send_that_fails_halfway_resumes_without_duplicates(briefing):
    people = subscribers(6)
    real_send = mail.EmailMessage.send
    calls = {"n": 0}

    def flaky(message, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise ConnectionResetError("SMTP server went away")
        return real_send(message, *args, **kwargs)

    with mock.patch.object(mail.EmailMessage, "send", flaky), pytest.raises(ConnectionResetError):
        send(briefing, "--batch-size", "2")
    assert len(mail.outbox) == 3
    assert Delivery.objects.count() == 3, "the failed one's claim is released"

    assert "sent 3; 3 had it already" in send(briefing, "--batch-size", "2")
    received = sorted(m.to[0] for m in mail.outbox)
    assert received == sorted(p.email for p in people), "everyone exactly once"


def test_a_briefing_goes_to_the_mail_server_not_the_queue(briefing, settings):
    # Each delivery is recorded once the server took the message: the queue would take
    # anything, and a worker's failure would be recorded as sent.
    settings.EMAIL_BACKEND = "config.mail.QueuedEmailBackend"
    subscribers(2)
    assert "sent 2" in send(briefing)
    assert len(mail.outbox) == 2
    assert not DBTaskResult.objects.exists()


def test_a_delivery_in_doubt_is_never_resent(briefing):
    [subscriber] = subscribers(1)
    Delivery.objects.create(subscriber=subscriber, briefing=briefing)  # a run killed mid-send
    assert "sent 0; 0 had it already; 1 in doubt" in send(briefing)
    assert not mail.outbox


def test_unpublished_or_unknown_briefings_are_refused(briefing):
    briefing.unpublish()
    with pytest.raises(CommandError, match="not published"):
        send(briefing)
    with pytest.raises(CommandError, match="No briefing"):
        call_command("send_briefing", "/en/in-the-news/nothing-here/", stdout=io.StringIO())


def test_briefing_by_address(briefing):
    subscribers(1)
    call_command("send_briefing", briefing.url, stdout=io.StringIO())
    assert len(mail.outbox) == 1


class Inbox:
    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 -- aiosmtpd's name
        with self.lock:
            self.messages.append(envelope)
        return "250 Message accepted for delivery"


def test_send_through_a_real_smtp_server(briefing, settings):
    inbox = Inbox()
    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = port
        settings.DEFAULT_FROM_EMAIL = "briefing@meridian.example"
        subscribers(2)
        assert "sent 2" in send(briefing)
    finally:
        controller.stop()

    assert sorted(e.rcpt_tos[0] for e in inbox.messages) == ["en0@example.com", "en1@example.com"]
    received = email.message_from_bytes(inbox.messages[0].content)
    assert received["Subject"] == "In the News: Tuesday"
    assert received["From"] == "briefing@meridian.example"
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unfolded = "".join(received["List-Unsubscribe"].split())
    assert unfolded.startswith("<http://localhost/en/newsletter/unsubscribe/")
    parts = {part.get_content_type(): part for part in received.walk()}
    assert "Varensk ferry halted" in parts["text/plain"].get_payload(decode=True).decode()
    html = parts["text/html"].get_payload(decode=True).decode()
    assert "Tere hommikust" in html and 'style="' in html


def test_moderator_sends_from_the_admin_and_editors_cannot(client, briefing):
    subscribers(2)
    url = reverse("newsletter_send_briefing", args=(briefing.pk,))
    edit = reverse("wagtailadmin_pages:edit", args=(briefing.pk,))

    client.force_login(newsroom_user("editor", "eda"))
    assert "Send to subscribers" not in client.get(edit).content.decode()
    client.post(url)
    assert not mail.outbox

    client.force_login(newsroom_user("moderator", "mo"))
    assert "Send to subscribers" in client.get(edit).content.decode()
    assert "2 confirmed subscribers" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "was sent to 2 subscriber(s)" in response.content.decode()
    assert len(mail.outbox) == 2
    client.post(url)
    assert len(mail.outbox) == 2, "a second click sends nothing"


def test_a_new_briefing_is_offered_a_greeting_not_used_for_a_month(admin_client, tree, locales):
    for word in ("Habari", "Tere hommikust", "Kaixo"):
        Greeting.objects.create(
            word=word, language="Somewhere", footnote="Spoken somewhere.", locale=locales["en"]
        )
    Greeting.objects.create(word="Bonjour", language="français", footnote="…", locale=locales["fr"])

    def briefing_with(word, days_ago):
        BriefingPageFactory(
            parent=tree.briefing_index,
            date=datetime.date.today() - datetime.timedelta(days=days_ago),
            body=[("greeting", {"word": word, "language": "x", "footnote": "y"})],
        )

    briefing_with("Habari", 1)
    for day in range(2, 31):
        briefing_with(f"Other {day}", day)
    briefing_with("Tere hommikust", 40)  # more than 30 briefings ago: fair game again
    assert Greeting.offered_for(locales["en"].pk).word == "Tere hommikust"

    url = reverse(
        "wagtailadmin_pages:add", args=("stories", "briefingpage", tree.briefing_index.pk)
    )
    form = admin_client.get(url).content.decode()
    assert "Tere hommikust" in form and "Kaixo" not in form  # one greeting, the first free

    for word in ("Tere hommikust", "Kaixo"):
        Greeting.objects.filter(word=word).delete()
    assert Greeting.offered_for(locales["en"].pk) is None
    assert admin_client.get(url).status_code == 200  # no greeting left: an empty body


def test_reader_signs_up_confirms_receives_and_leaves_in_one_click(client, briefing):
    client.post(
        reverse("newsletter:signup"), {"email": "ines@example.com", "edition": "en", "website": ""}
    )
    [confirmation] = mail.outbox
    confirm = re.search(r"http://\S+/newsletter/confirm/\S+/", confirmation.body).group(0)
    client.post(confirm)  # the button on the page the link opens
    send(briefing)
    briefing_mail = mail.outbox[-1]
    assert briefing_mail.to == ["ines@example.com"]

    # The mail client's one-click unsubscribe: a POST to the header's address, no form.
    one_click = briefing_mail.extra_headers["List-Unsubscribe"].strip("<>")
    response = Client(enforce_csrf_checks=True).post(
        one_click, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    later = BriefingPageFactory(parent=briefing.get_parent(), title="In the News: Wednesday")
    assert "sent 0" in send(later)
    assert len(mail.outbox) == 2
