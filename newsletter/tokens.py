"""Signed links in the newsletter's e-mails. A token names the subscriber and what the link
is for (its salt), never the address; confirmation links expire, unsubscribe and
preference links work for as long as the subscriber exists."""

from django.core import signing

CONFIRM = "newsletter.confirm"
MANAGE = "newsletter.manage"
CONFIRM_MAX_AGE = 60 * 60 * 24 * 3  # three days


def make_token(subscriber, purpose):
    return signing.dumps(subscriber.pk, salt=purpose)


def read_token(token, purpose, max_age=None):
    """The subscriber id in a token, or None if it is tampered with, expired or malformed."""
    try:
        value = signing.loads(token, salt=purpose, max_age=max_age)
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None
    return value if isinstance(value, int) else None
