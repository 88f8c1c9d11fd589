"""Who is an anonymous reader: the requests the page cache may answer and keep
(pagecache.middleware), and whose queries may go to a read replica (config.replica)."""

from importlib import import_module

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core import signing

from .security import admin_prefix


def is_anonymous_read(request):
    """A GET or HEAD outside the admin, without credentials: no session, no messages
    cookie, no Authorization header. Decided once a request (a real session costs a
    lookup in the session store)."""
    decided = getattr(request, "_anonymous_read", None)
    if decided is None:
        decided = request._anonymous_read = decide(request)
    return decided


def decide(request):
    if request.method not in ("GET", "HEAD") or "Authorization" in request.headers:
        return False
    if request.path_info.startswith(admin_prefix()):
        return False
    forget_bogus_cookies(request)
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def forget_bogus_cookies(request):
    """A session cookie with no session behind it, or a messages cookie not signed by this
    site, is what a client sends to be answered cold every time: the request is read as
    the anonymous one it is. A real session costs one lookup in the session store."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if key is not None:
        store = import_module(settings.SESSION_ENGINE).SessionStore()
        if not (len(key) <= 64 and key.isalnum() and store.exists(key)):
            del request.COOKIES[settings.SESSION_COOKIE_NAME]
    value = request.COOKIES.get(CookieStorage.cookie_name)
    if value is not None:
        try:
            signing.get_cookie_signer(salt=CookieStorage.key_salt).unsign(value)
        except signing.BadSignature:
            del request.COOKIES[CookieStorage.cookie_name]
