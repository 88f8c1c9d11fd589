import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_path
from django.utils.translation.trans_real import parse_accept_lang_header


def accepted_languages(accept_language):
    """The header's languages with their quality, best first, and the set of those it
    refuses. A quality of 0 means "not acceptable" (RFC 9110 12.4.2); Django's own choice of
    a language reads it as the least preferred instead. Django's parser drops malformed and
    over-long headers: nothing accepted, nothing refused."""
    accepted, refused = [], set()
    for code, quality in parse_accept_lang_header(accept_language or ""):
        if quality <= 0:
            refused.add(code.split("-")[0].lower())
        else:
            accepted.append((code, quality))
    return accepted, refused


def edition_for(accept_language):
    """The best edition for an Accept-Language header; the default edition if none fits.

    Only editions count: a German reader is not sent to /de/, where only originals live.
    A refused language is never chosen, nor made the fallback while another edition is not
    refused.
    """
    accepted, refused = accepted_languages(accept_language)
    for code, _quality in accepted:
        primary = code.split("-")[0].lower()
        if primary in settings.EDITION_LANGUAGES:
            return primary
    fallbacks = [settings.LANGUAGE_CODE, *settings.EDITION_LANGUAGES]
    return next((code for code in fallbacks if code not in refused), settings.LANGUAGE_CODE)


def edition_redirect(request):
    response = redirect(f"/{edition_for(request.headers.get('Accept-Language'))}/")
    patch_vary_headers(response, ["Accept-Language"])
    return response


def server_error(request):
    """The 500 page in the language of the URL, or the 503 page while the database cannot
    be reached (it recovers by itself: each request connects anew). Neither touches the
    database nor the page tree, since either may be what failed."""
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    unavailable = isinstance(sys.exc_info()[1], OperationalError | InterfaceError)
    with translation.override(language):
        html = render_to_string(
            "500.html",
            {
                "LANGUAGE_CODE": language,
                "LANGUAGE_BIDI": translation.get_language_bidi(),
                "unavailable": unavailable,
            },
        )
    if not unavailable:
        return HttpResponseServerError(html)
    response = HttpResponse(html, status=503)
    response["Retry-After"] = "30"
    patch_cache_control(response, no_store=True)
    return response
