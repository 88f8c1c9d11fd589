"""Signing up (double opt-in), confirming, unsubscribing and changing the edition.

Reader pages are cached for everyone, so the forms they carry (footer, story block, front
page) hold no CSRF token: they post to `start`, which changes nothing and shows the
sign-up page, whose own form has the token. Signed links authenticate the rest.
"""

import functools
import logging
import smtplib

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from .emails import send_signup_email
from .forms import PreferencesForm, SignupForm
from .models import Subscriber
from .tokens import CONFIRM, CONFIRM_MAX_AGE, MANAGE, read_token

logger = logging.getLogger(__name__)


def in_an_edition(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.LANGUAGE_CODE not in settings.EDITION_LANGUAGES:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def message_page(request, heading, text, status=200):
    return render(
        request, "newsletter/message_page.html", {"heading": heading, "text": text}, status=status
    )


def subscribe(request, email, edition):
    """The same for a new address and a known one, in what the reader sees and in the work
    done (its time): a confirmed subscriber keeps their edition and is told by e-mail that
    nothing changed, where others get the link to confirm."""
    subscriber, created = Subscriber.objects.get_or_create(
        email=email, defaults={"edition": edition}
    )
    if not created:
        if subscriber.status != Subscriber.Status.CONFIRMED:
            subscriber.edition = edition
            subscriber.status = Subscriber.Status.PENDING
        # Written even when nothing changes: a new address costs an INSERT, and a known
        # one without a write answered a millisecond sooner, enough to tell them apart.
        subscriber.save(update_fields=["edition", "status"])
    try:
        send_signup_email(request, subscriber)
    except (smtplib.SMTPException, OSError):
        # The mail server is down or refuses: the reader is told, as always, that an e-mail
        # is on its way if the address can take one; signing up again sends it anew.
        logger.exception("The sign-up e-mail to subscriber %s was not sent", subscriber.pk)


@never_cache
@in_an_edition
@ratelimit(key="ip", rate=settings.NEWSLETTER_SIGNUP_RATE, method="POST", block=False)
def signup(request):
    if request.method != "POST":
        return render(request, "newsletter/signup_page.html", {"form": SignupForm()})
    form = SignupForm(request.POST)
    if getattr(request, "limited", False):
        form.is_valid()
        form.add_error(None, _("Too many sign-ups from your connection. Please try again later."))
        return render(request, "newsletter/signup_page.html", {"form": form}, status=429)
    if not form.is_valid():
        return render(request, "newsletter/signup_page.html", {"form": form}, status=400)
    if not form.is_bot:
        subscribe(request, form.cleaned_data["email"], form.cleaned_data["edition"])
    return redirect("newsletter:check_inbox")


@csrf_exempt  # changes nothing: it only hands the reader to the sign-up form above
@never_cache
@in_an_edition
@require_POST
def start(request):
    form = SignupForm(request.POST)
    form.is_valid()  # show what is wrong with the address, if anything
    return render(request, "newsletter/signup_page.html", {"form": form, "confirming": True})


@never_cache
@in_an_edition
def check_inbox(request):
    return message_page(
        request,
        _("Check your inbox"),
        _(
            "If the address can receive our briefing, an e-mail is on its way with a link "
            "to confirm your subscription. The link works for three days."
        ),
    )


def subscriber_from(token, purpose, max_age=None):
    subscriber_id = read_token(token, purpose, max_age=max_age)
    return Subscriber.objects.filter(pk=subscriber_id).first() if subscriber_id else None


def invalid_link(request):
    return message_page(
        request,
        _("This link does not work"),
        _("It may have expired or been cut short. You can sign up again below."),
        status=400,
    )


@csrf_exempt  # the signed link is the key, as for unsubscribing; no cookie is needed
@never_cache
@in_an_edition
def confirm(request, token):
    """The e-mail's link opens a page with one button; only its POST subscribes. Mail
    scanners and link checkers fetch links with GET, and must not confirm for the reader."""
    subscriber = subscriber_from(token, CONFIRM, max_age=CONFIRM_MAX_AGE)
    if subscriber is None:
        return invalid_link(request)
    if subscriber.status == Subscriber.Status.PENDING:
        if request.method != "POST":
            return render(request, "newsletter/confirm_page.html", {"subscriber": subscriber})
        subscriber.confirm()
    return message_page(
        request,
        _("You are subscribed"),
        _("The daily briefing will reach you every morning. Every e-mail has a link to stop it."),
    )


@csrf_exempt  # RFC 8058 one-click unsubscribe posts without a form; the signed link is the key
@never_cache
@in_an_edition
def unsubscribe(request, token):
    subscriber = subscriber_from(token, MANAGE)
    if subscriber is None:
        return invalid_link(request)
    if request.method == "POST":
        if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
            subscriber.unsubscribe()
        return message_page(
            request,
            _("You are unsubscribed"),
            _("You will not receive the briefing any more. You can sign up again at any time."),
        )
    return render(request, "newsletter/unsubscribe_page.html", {"subscriber": subscriber})


@never_cache
@in_an_edition
def preferences(request, token):
    subscriber = subscriber_from(token, MANAGE)
    if subscriber is None:
        return invalid_link(request)
    form = PreferencesForm(request.POST or None, instance=subscriber)
    if request.method == "POST" and form.is_valid():
        form.save()
        return message_page(
            request,
            _("Your preferences are saved"),
            _("You will receive the briefing in the edition you chose."),
        )
    return render(
        request,
        "newsletter/preferences_page.html",
        {"form": form, "subscriber": subscriber, "token": token},
    )
