"""The e-mails the sign-up sends, in the subscriber's edition language."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .tokens import CONFIRM, make_token


def absolute(request, name, subscriber, purpose):
    path = reverse(name, kwargs={"token": make_token(subscriber, purpose)})
    return request.build_absolute_uri(path)


def send_confirmation(request, subscriber):
    with translation.override(subscriber.edition):
        context = {
            "language": subscriber.edition,
            "confirm_url": absolute(request, "newsletter:confirm", subscriber, CONFIRM),
        }
        subject = render_to_string("newsletter/emails/confirm_subject.txt", context).strip()
        message = EmailMultiAlternatives(
            subject,
            render_to_string("newsletter/emails/confirm.txt", context),
            to=[subscriber.email],
            headers={"Content-Language": subscriber.edition},
        )
        message.attach_alternative(
            render_to_string("newsletter/emails/confirm.html", context), "text/html"
        )
    message.send()
