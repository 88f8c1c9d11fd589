"""The daily briefing as an e-mail: HTML with its CSS inlined (mail clients drop <style>) and
a plain-text part, in the briefing's language, with absolute links and one-click unsubscribe."""

import re

import css_inline
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .tokens import MANAGE, make_token

_RELATIVE_HREF = re.compile(r'href="/(?!/)')


def briefing_context(briefing):
    """What every subscriber's copy shares: rendered once per send."""
    root_url = briefing.get_site().root_url
    localized = briefing.localized_stories()
    blocks = []
    for block in briefing.body:
        if block.block_type == "news_item":
            chosen = block.value.get("story")
            story = localized.get(chosen.translation_key) if chosen else None
            url = root_url + story.url if story else ""
            blocks.append((block.block_type, block.value, url))
        elif block.block_type in ("greeting", "paragraph", "heading"):
            blocks.append((block.block_type, block.value, ""))
    return {
        "briefing": briefing,
        "blocks": blocks,
        "root_url": root_url,
        "briefing_url": root_url + briefing.url,
    }


def briefing_message(briefing, subscriber, shared, connection=None):
    root_url = shared["root_url"]
    language = briefing.locale.language_code
    with translation.override(language):
        token = make_token(subscriber, MANAGE)
        context = {
            **shared,
            "language": language,
            "unsubscribe_url": root_url + reverse("newsletter:unsubscribe", args=[token]),
            "preferences_url": root_url + reverse("newsletter:preferences", args=[token]),
        }
        text = render_to_string("newsletter/emails/briefing.txt", context)
        html = render_to_string("newsletter/emails/briefing.html", context)
    html = css_inline.inline(_RELATIVE_HREF.sub(f'href="{root_url}/', html))
    message = EmailMultiAlternatives(
        briefing.title,
        text,
        to=[subscriber.email],
        connection=connection,
        headers={
            "Content-Language": language,
            # RFC 8058: mail clients offer one click, which POSTs to this address.
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message
