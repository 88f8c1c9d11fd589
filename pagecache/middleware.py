from django.conf import settings
from django.utils.cache import patch_cache_control

from config.readers import is_anonymous_read

from . import store
from .purge import replay_due
from .recording import Record, record_of

# The query parameters reader pages read: listings' "page" (stories.pagination, and the
# canonical link of seo_tags), search's "q" (home.models), the sitemaps' "p" (Django's
# sitemap view). Every other one is dropped from an anonymous read before the cache or the
# view sees it: tracking parameters that newsletters and social networks add would make
# every shared link a miss, and junk ones (?x=1, ?x=2, ...) a new entry each, evicting the
# pages readers want. A reader view that comes to read another parameter adds it here.
QUERY_PARAMETERS = {"page", "q", "p"}
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
        if not (settings.PAGE_CACHE_ENABLED and is_anonymous_read(request)):
            return self.finish(request, self.get_response(request))
        keep_only_read_parameters(request)
        url = request.build_absolute_uri()
        replay_due()  # a purge the cache missed is applied before the cache answers
        cached, generation = store.fetch(url)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        if not store.claim(url):
            cached = store.wait_for(url)
            if cached is not None:
                cached["X-Page-Cache"] = "waited"
                return cached
            return self.make(request, url, generation)
        try:
            return self.make(request, url, generation)
        finally:
            store.release(url)

    def make(self, request, url, generation):
        request._page_cache = Record(generation)
        response = self.get_response(request)
        if self.is_shareable(request, response):
            make_public(response)
            if request.method == "GET":
                store.store(url, response, record_of(request))
            response["X-Page-Cache"] = "miss"
            return response
        return self.finish(request, response)

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


def keep_only_read_parameters(request):
    names = [name for name in request.GET if name not in QUERY_PARAMETERS]
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
