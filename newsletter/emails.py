"""The e-mails the sign-up sends, in the subscriber's edition language."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .tokens import CONFIRM, MANAGE, make_token


def absolute(request, name, subscriber, purpose):
    path = reverse(name, kwargs={"token": make_token(subscriber, purpose)})
    return request.build_absolute_uri(path)


def send_signup_email(request, subscriber):
    """What a sign-up sends: the link to confirm, or, to an address already confirmed, a
    note that nothing changed and where its preferences are. Either way one e-mail, made
    the same way, so how long a sign-up takes does not tell a stranger whether an address
    already subscribes."""
    if subscriber.status == subscriber.Status.CONFIRMED:
        name, link = "already_subscribed", ("preferences_url", "newsletter:preferences", MANAGE)
    else:
        name, link = "confirm", ("confirm_url", "newsletter:confirm", CONFIRM)
    key, url_name, purpose = link
    with translation.override(subscriber.edition):
        context = {
            "language": subscriber.edition,
            key: absolute(request, url_name, subscriber, purpose),
        }
        subject = render_to_string(f"newsletter/emails/{name}_subject.txt", context).strip()
        message = EmailMultiAlternatives(
            subject,
            render_to_string(f"newsletter/emails/{name}.txt", context),
            to=[subscriber.email],
            headers={"Content-Language": subscriber.edition},
        )
        message.attach_alternative(
            render_to_string(f"newsletter/emails/{name}.html", context), "text/html"
        )
    message.send()
