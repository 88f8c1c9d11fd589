"""Signing up to the daily briefing: double opt-in through Django's test outbox, signed and
expiring links, the honeypot, the rate limit, and a known address revealing nothing."""

import email
import re
import time
from email.policy import default
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core import mail, signing
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from newsletter.models import Subscriber
from newsletter.tokens import CONFIRM, MANAGE, make_token

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit(settings):
    """Each test starts with an empty rate-limit counter."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}
    }
    cache.clear()


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"newsletter:{name}", kwargs=kwargs)


def sign_up(client, email="reader@example.com", edition="en", language="en", **extra):
    data = {"email": email, "edition": edition, "website": "", **extra}
    return client.post(url("signup", language), data)


def link_in(message, name):
    return re.search(rf"https?://[^\s\"]+/newsletter/{name}/[^\s\"]+/", message.body).group(0)


def test_sign_up_confirm_and_unsubscribe(client, tree):
    response = sign_up(client, "Reader@Example.com ", edition="fr")
    assert response.status_code == 302
    assert response["Location"] == url("check_inbox")
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.edition) == ("reader@example.com", "fr")
    assert subscriber.status == Subscriber.Status.PENDING

    [message] = mail.outbox
    assert message.to == ["reader@example.com"]
    assert message.subject == "Confirmez votre abonnement au briefing quotidien"
    assert len(message.alternatives) == 1 and "text/html" in message.alternatives[0][1]
    # As a mail client reads it: French, in both parts (rendered without a request).
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=default)
    assert parsed["Content-Language"] == "fr"
    html = BeautifulSoup(parsed.get_body(("html",)).get_content(), "html.parser")
    assert html.html["lang"] == "fr"
    assert "Confirmer mon abonnement" in html.get_text()
    confirm = link_in(message, "confirm")
    assert "/fr/newsletter/confirm/" in confirm
    assert "reader@example.com" not in confirm  # the token names no address

    # Opening the link (as a mail scanner prefetching it would) confirms nothing...
    page = client.get(confirm)
    assert page.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    form = BeautifulSoup(page.content, "html.parser").select_one("main form[method=post]")
    assert form.button.get_text() == "Confirmer mon abonnement"
    assert "reader@example.com" in page.content.decode()  # says which address
    # ...its one button does.
    page = client.post(confirm)
    assert page.status_code == 200
    assert "Vous êtes abonné" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED and subscriber.confirmed_at

    unsubscribe = url("unsubscribe", "fr", token=make_token(subscriber, MANAGE))
    assert client.get(unsubscribe).status_code == 200  # asks first
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
    assert client.post(unsubscribe).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED and subscriber.unsubscribed_at


def test_one_click_unsubscribe_needs_no_csrf_token(tree):
    subscriber = Subscriber.objects.create(
        email="a@example.com", edition="en", status=Subscriber.Status.CONFIRMED
    )
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        url("unsubscribe", token=make_token(subscriber, MANAGE)),
        {"List-Unsubscribe": "One-Click"},
    )
    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_preferences_change_the_edition(client, tree):
    subscriber = Subscriber.objects.create(
        email="a@example.com", edition="en", status=Subscriber.Status.CONFIRMED
    )
    preferences = url("preferences", token=make_token(subscriber, MANAGE))
    assert client.get(preferences).status_code == 200
    assert client.post(preferences, {"edition": "fr"}).status_code == 200
    assert Subscriber.objects.get().edition == "fr"
    assert client.post(preferences, {"edition": "xx"}).status_code == 200  # form again
    assert Subscriber.objects.get().edition == "fr"


@pytest.mark.parametrize(
    "token",
    [
        "not-a-token",
        signing.dumps(1, salt="another.purpose"),
        signing.dumps("1", salt=CONFIRM),
        "x" * 3000,
    ],
    # Named, not shown: a signed token holds the time it was made, and pytest-xdist's
    # workers, collecting a second apart, would each list a test the other does not know.
    ids=["garbage", "signed-for-another-purpose", "a-string-for-an-id", "oversized"],
)
def test_tampered_links_are_refused_kindly(client, tree, token):
    Subscriber.objects.create(email="a@example.com", edition="en")
    for name in ("confirm", "unsubscribe", "preferences"):
        response = client.get(url(name, token=token))
        assert response.status_code == 400, name
        assert "This link does not work" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_a_management_link_cannot_confirm(client, tree):
    subscriber = Subscriber.objects.create(email="a@example.com", edition="en")
    assert client.get(url("confirm", token=make_token(subscriber, MANAGE))).status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_confirmation_link_expires_after_three_days(client, tree):
    subscriber = Subscriber.objects.create(email="a@example.com", edition="en")
    token = make_token(subscriber, CONFIRM)
    # Django's signer reads the clock with time.time().
    with mock.patch("time.time", return_value=time.time() + 3 * 86400 + 60):
        assert client.get(url("confirm", token=token)).status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    assert client.get(url("confirm", token=token)).status_code == 200


def test_known_address_reveals_nothing(client, tree):
    first = sign_up(client)
    Subscriber.objects.update(status=Subscriber.Status.CONFIRMED)
    again = sign_up(client, edition="fr")
    assert (first.status_code, first["Location"]) == (again.status_code, again["Location"])
    assert Subscriber.objects.count() == 1
    assert Subscriber.objects.get().edition == "en"
    # The same work as for a new address (an e-mail), so the time taken tells nothing
    # either: the subscriber learns nothing changed, in their edition's language, and
    # where to change it. No link that confirms anything.
    note = mail.outbox[1]
    assert note.subject == "You already get our daily briefing"
    assert note.extra_headers["Content-Language"] == "en"
    assert "/newsletter/preferences/" in note.body and "/confirm/" not in note.body
    assert client.get(link_in(note, "preferences")).status_code == 200

    # A pending or unsubscribed address is sent a fresh confirmation, still one row.
    Subscriber.objects.update(status=Subscriber.Status.UNSUBSCRIBED)
    sign_up(client)
    assert len(mail.outbox) == 3
    assert "/newsletter/confirm/" in mail.outbox[2].body
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_honeypot_looks_like_success_and_does_nothing(client, tree):
    response = sign_up(client, website="http://spam.example")
    assert response.status_code == 302
    assert not Subscriber.objects.exists() and not mail.outbox


@pytest.mark.parametrize(
    "email",
    [
        "",
        "not-an-address",
        "a@b",
        "x" * 300 + "@example.com",
        "nul\x00@example.com",
        "<script>@x.y",
    ],
)
def test_bad_addresses_get_the_form_back(client, tree, email):
    response = sign_up(client, email)
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".form-field__error")
    assert soup.select_one("form.newsletter-form input[name=csrfmiddlewaretoken]")
    assert "<script>@x.y" not in response.content.decode()
    assert not Subscriber.objects.exists()


def test_unknown_edition_is_refused(client, tree):
    assert sign_up(client, edition="ru").status_code == 400
    assert client.get(url("signup", "ru")).status_code == 404  # not an edition


def test_rate_limit_per_address(client, tree, settings):
    for n in range(5):
        assert sign_up(client, f"r{n}@example.com").status_code == 302
    limited = sign_up(client, "r9@example.com")
    assert limited.status_code == 429
    assert "Too many sign-ups" in limited.content.decode()
    assert Subscriber.objects.count() == 5
    other = client.post(
        url("signup"),
        {"email": "other@example.com", "edition": "en"},
        REMOTE_ADDR="127.0.0.9",
    )
    assert other.status_code == 302


def test_sign_up_form_checks_csrf(tree):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(url("signup"), {"email": "a@example.com", "edition": "en"})
    assert response.status_code == 403
    assert not Subscriber.objects.exists()


def test_reader_pages_carry_token_free_forms_to_the_full_one(client, tree):
    soup = BeautifulSoup(client.get(tree.fr.home.url).content, "html.parser")
    forms = soup.select("form.signup-form")
    assert len(forms) == 2  # the front page's call-out and the footer
    ids = [tag["id"] for tag in soup.select("[id]")]
    assert len(ids) == len(set(ids))
    footer = soup.select_one(".site-footer form.signup-form")
    assert footer["action"] == url("start", "fr")
    assert footer.select_one("option[selected]")["value"] == "fr"
    assert not soup.select("input[name=csrfmiddlewaretoken]")

    strict = Client(enforce_csrf_checks=True)
    step = strict.post(url("start", "fr"), {"email": "a@example.com", "edition": "fr"})
    assert step.status_code == 200
    full = BeautifulSoup(step.content, "html.parser").select_one("form.newsletter-form")
    assert full.select_one("input[name=csrfmiddlewaretoken]")
    assert full.select_one("input[name=email]")["value"] == "a@example.com"
    assert not Subscriber.objects.exists() and not mail.outbox


def test_a_page_in_a_language_without_an_edition_signs_up_to_an_edition(client, tree):
    soup = BeautifulSoup(client.get(tree.ru.home.url).content, "html.parser")
    footer = soup.select_one(".site-footer form.signup-form")
    # No sign-up in Russian (the originals' language): the first edition's, which answers.
    assert footer["action"] == url("start", "en")
    step = client.post(footer["action"], {"email": "a@example.com", "edition": "en"})
    assert step.status_code == 200
    # The form speaks Russian on a Russian page.
    assert footer.select_one("button").get_text() == "Подписаться"
    assert footer.select_one("label").get_text() == "Адрес электронной почты"


@pytest.fixture
def editor_client(tree, signed_in):
    return signed_in("editor", "eda")


def test_translators_do_not_see_subscribers(french_translator):
    listing = french_translator.get(reverse("wagtailsnippets_newsletter_subscriber:list"))
    assert listing.status_code in (302, 403)


def test_editors_see_export_and_erase_subscribers(editor_client, tree):
    kept = Subscriber.objects.create(
        email="kept@example.com", edition="fr", status=Subscriber.Status.CONFIRMED
    )
    erased = Subscriber.objects.create(email="erase-me@example.com", edition="en")
    listing = editor_client.get(reverse("wagtailsnippets_newsletter_subscriber:list"))
    assert listing.status_code == 200
    assert "kept@example.com" in listing.content.decode()

    export = editor_client.get(
        reverse("wagtailsnippets_newsletter_subscriber:list"), {"export": "csv"}
    )
    rows = b"".join(export.streaming_content).decode().splitlines()
    assert rows[0].lower().startswith("e-mail address,edition,status")
    assert any(row.startswith("kept@example.com,fr,confirmed") for row in rows)

    delete = reverse("wagtailsnippets_newsletter_subscriber:delete", args=(erased.pk,))
    assert editor_client.post(delete).status_code == 302
    assert not Subscriber.objects.filter(email="erase-me@example.com").exists()
    assert not ModelLogEntry.objects.filter(label__contains="erase-me").exists()
    assert Subscriber.objects.filter(pk=kept.pk).exists()


def test_a_mail_server_outage_does_not_break_the_sign_up(client, tree, settings, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == url("check_inbox")
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    assert "was not sent" in caplog.text


def test_behind_a_proxy_each_reader_has_their_own_limit(client, tree, settings):
    settings.TRUSTED_PROXY_COUNT = 1  # every request comes from the proxy's address

    def from_reader(address, email, forged=""):
        return client.post(
            url("signup"),
            {"email": email, "edition": "en", "website": ""},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"{forged}{address}",
        )

    # Six readers, one proxy: none is refused for the others' sign-ups.
    for n in range(6):
        assert from_reader(f"203.0.113.{n + 1}", f"p{n}@example.com").status_code == 302
    # One reader is limited however they dress the header up: the proxy's entry counts.
    for n in range(5):
        assert from_reader("198.51.100.7", f"q{n}@example.com", f"192.0.2.{n}, ").status_code == 302
    assert from_reader("198.51.100.7", "q9@example.com", "192.0.2.99, ").status_code == 429


def test_a_french_subscriber_is_told_in_french_that_nothing_changed(client, tree):
    Subscriber.objects.create(
        email="lectrice@example.com", edition="fr", status=Subscriber.Status.CONFIRMED
    )
    sign_up(client, "lectrice@example.com", edition="en", language="fr")
    [message] = mail.outbox
    # As a mail client reads it: French in both parts, a link to the preferences.
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=default)
    assert parsed["Subject"] == "Vous recevez déjà notre briefing quotidien"
    assert parsed["Content-Language"] == "fr"
    html = BeautifulSoup(parsed.get_body(("html",)).get_content(), "html.parser")
    assert html.html["lang"] == "fr"
    assert html.a.get_text() == "Mes préférences"
    assert "/fr/newsletter/preferences/" in html.a["href"]
    assert "Rien n’a changé" in parsed.get_body(("plain",)).get_content()
    assert Subscriber.objects.get().edition == "fr"


def test_the_sign_up_page_says_what_it_is_to_search_engines(client, tree):
    for language, words in (("en", "Sign up for the daily briefing"), ("fr", "Inscrivez-vous")):
        page = BeautifulSoup(client.get(url("signup", language)).content, "html.parser")
        description = page.select_one("meta[name=description]")["content"]
        assert description.startswith(words), language
        assert page.select_one("meta[property='og:description']")["content"] == description
