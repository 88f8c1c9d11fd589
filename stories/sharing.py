"""Share links: plain URLs of each network's share endpoint. No script and no widget, so
a reader's visit tells no third party anything until they choose to share."""

from urllib.parse import quote, urlencode

from django.utils.translation import gettext_lazy as _


def share_links(url, title):
    both = f"{title} {url}"
    return [
        # mailto: wants %20 for spaces, not the + of query strings.
        (
            "email",
            _("E-mail"),
            "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote),
        ),
        ("bluesky", "Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": both})),
        ("mastodon", "Mastodon", "https://mastodonshare.com/?" + urlencode({"text": both})),
        (
            "facebook",
            "Facebook",
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        ),
        ("x", "X", "https://x.com/intent/post?" + urlencode({"text": title, "url": url})),
        (
            "telegram",
            "Telegram",
            "https://t.me/share/url?" + urlencode({"url": url, "text": title}),
        ),
        ("whatsapp", "WhatsApp", "https://wa.me/?" + urlencode({"text": both})),
    ]
