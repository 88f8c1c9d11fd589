import re

from django.conf import settings
from django.utils.cache import patch_cache_control

from config.security import admin_prefix

from . import store
from .purge import replay_due
from .recording import Record, record_of

# Added by newsletters and social networks; no view reads them, and keeping them in the key
# would make every shared link a cache miss.
TRACKING_PARAMETER = re.compile(r"^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid)$")
NOT_SHARED = ("private", "no-store", "no-cache")


class PageCacheMiddleware:
    """Answers anonymous reads of reader pages from the shared cache, before sessions, users
    or the page tree are looked at, and keeps the responses views call `cacheable` for.

    Everything else leaves marked `private, no-store` unless it says otherwise: pages for
    signed-in users, responses that set a cookie (a CSRF token, a session), previews and the
    admin (under the admin's prefix, never answered from here)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (settings.PAGE_CACHE_ENABLED and self.is_anonymous_read(request)):
            return self.finish(request, self.get_response(request))
        drop_tracking_parameters(request)
        url = request.build_absolute_uri()
        replay_due()  # a purge the cache missed is applied before the cache answers
        cached, generation = store.fetch(url)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        request._page_cache = Record(generation)
        response = self.get_response(request)
        if self.is_shareable(request, response):
            make_public(response)
            if request.method == "GET":
                store.store(url, response, record_of(request))
            response["X-Page-Cache"] = "miss"
            return response
        return self.finish(request, response)

    def is_anonymous_read(self, request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and "Authorization" not in request.headers
            and not request.path_info.startswith(admin_prefix())
        )

    def is_shareable(self, request, response):
        record = record_of(request)
        return (
            record is not None
            and record.public
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(word in response.get("Cache-Control", "") for word in NOT_SHARED)
        )

    def finish(self, request, response):
        record = record_of(request)
        if "Cache-Control" not in response or (record is not None and record.public):
            # Never shared: a view that said its page is public, but whose response this
            # time carries a cookie or a private header, is private after all.
            response.headers.pop("Cache-Control", None)
            patch_cache_control(response, private=True, no_store=True)
        return response


def drop_tracking_parameters(request):
    names = [name for name in request.GET if TRACKING_PARAMETER.match(name)]
    if names:
        query = request.GET.copy()
        for name in names:
            del query[name]
        request.GET = query
        request.META["QUERY_STRING"] = query.urlencode()


def make_public(response):
    response.headers.pop("Cache-Control", None)
    patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        # The CDN keeps pages longer than browsers do: it is purged when they change, and
        # serves a stale copy for a moment while it fetches the new one.
        patch_cache_control(
            response,
            s_maxage=settings.PAGE_CACHE_CDN_MAX_AGE,
            stale_while_revalidate=settings.PAGE_CACHE_STALE_WHILE_REVALIDATE,
        )
    # Every anonymous reader gets the same page; signed-in readers never reach the cache.
    vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
    kept = [v for v in vary if v.lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        response.headers.pop("Vary", None)
