"""Share links: plain URLs of each network's share endpoint. No script and no widget, so
a reader's visit tells no third party anything until they choose to share."""

from urllib.parse import quote, quote_plus

from django.utils.translation import gettext_lazy as _


def share_links(url, title):
    # Each value is quoted once for all the links (urlencode per link quoted them a dozen
    # times a story page); mailto: wants %20 for spaces, not the + of query strings.
    url_q, title_q, both_q = (quote_plus(value) for value in (url, title, f"{title} {url}"))
    return [
        (
            "email",
            _("E-mail"),
            f"mailto:?subject={quote(title, safe='')}&body={quote(url, safe='')}",
        ),
        ("bluesky", "Bluesky", f"https://bsky.app/intent/compose?text={both_q}"),
        ("mastodon", "Mastodon", f"https://mastodonshare.com/?text={both_q}"),
        ("facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?u={url_q}"),
        ("x", "X", f"https://x.com/intent/post?text={title_q}&url={url_q}"),
        ("telegram", "Telegram", f"https://t.me/share/url?url={url_q}&text={title_q}"),
        ("whatsapp", "WhatsApp", f"https://wa.me/?text={both_q}"),
    ]
