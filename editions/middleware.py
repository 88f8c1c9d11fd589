"""The two middlewares that route a reader's request to an edition: Django's locale
middleware made to redirect only to what exists, and Wagtail's page routing from the
cached edition home (editions.routing)."""

import re

from django.conf import settings
from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.deprecation import MiddlewareMixin
from wagtail.models import Page
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION
from wagtail.views import serve as wagtail_serve

from config.cache import read_ahead
from config.security import admin_prefix

from .locales import LANGUAGES_KEY, time_zone
from .pages import VIEW_RESTRICTIONS_KEY
from .routing import KEY, site_and_home
from .views import accepted_languages

_LANGUAGE_SHAPED_PREFIX = re.compile(r"^/([a-z]{2}(?:[-_][a-z0-9]{2,4})?)(?:/|$)", re.IGNORECASE)


class EditionLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 is redirected only to what exists.

    Django redirects any 404 without a language prefix to the same path under the
    reader's language when that path resolves, and Wagtail's catch-all URL makes every path
    resolve, so /e/ would bounce to /en/e/, a 404 with an address that looks meant. A path
    that is not found is redirected only when the prefixed path is one of the site's own
    views or a live page; a prefix shaped like a language we do not publish in is a 404.
    """

    def process_request(self, request):
        self.choose_language(request)
        # Times in the edition's zone; the admin's are its users' (Wagtail's own choice).
        if not request.path_info.startswith(admin_prefix()):
            timezone.activate(time_zone(request.LANGUAGE_CODE))

    def choose_language(self, request):
        # Django would choose a language the reader refused (q=0) for a path without a
        # prefix: it sees only the header's languages it accepts.
        header = request.META.get("HTTP_ACCEPT_LANGUAGE")
        if header is None:
            return super().process_request(request)
        accepted, _refused = accepted_languages(header)
        request.META["HTTP_ACCEPT_LANGUAGE"] = ", ".join(f"{c};q={q}" for c, q in accepted)
        try:
            return super().process_request(request)
        finally:
            request.META["HTTP_ACCEPT_LANGUAGE"] = header

    def process_response(self, request, response):
        timezone.deactivate()
        if response.status_code == 404 and not self.prefixed_path_exists(request):
            return response
        return super().process_response(request, response)

    def prefixed_path_exists(self, request):
        path = request.path_info
        if translation.get_language_from_path(path):
            return True  # Django redirects nothing that already has its language
        match = _LANGUAGE_SHAPED_PREFIX.match(path)
        if match and match.group(1).lower() not in {code for code, _name in settings.LANGUAGES}:
            return False
        urlconf = getattr(request, "urlconf", None)
        try:
            view = resolve(f"/{translation.get_language()}{path}", urlconf)
        except Resolver404:
            return True  # Django will not redirect either
        if view.url_name != "wagtail_serve":
            return True
        # Wagtail's route for this request, found for the active language's home page.
        request.__dict__.pop("_wagtail_route_for_request", None)
        return Page.route_for_request(request, path) is not None


class EditionRoutingMiddleware(MiddlewareMixin):
    """Routes Wagtail's page requests from the cached home page: Wagtail's serve view then
    finds the route already made (it caches it on the request, as Page.route_for_request
    does), and the site with it."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        # What every page reads of the cache, but its edition's: its links' root paths,
        # and whether it may be private.
        read_ahead(
            KEY,
            (SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION),
            VIEW_RESTRICTIONS_KEY,
            LANGUAGES_KEY,
        )
        found = site_and_home(request)
        if found is None:
            return None  # Wagtail's serve answers 404, as without a site
        request._wagtail_site, home = found
        if home is None:
            raise Http404("No edition home page in this language")
        if hasattr(home, "read_ahead"):  # a HomePage: not so a site root of another type
            home.read_ahead(request._wagtail_site)
        (path,) = view_args
        try:
            route = home.route(request, [component for component in path.split("/") if component])
        except Http404:
            route = None
        request._wagtail_route_for_request = route
        return None
