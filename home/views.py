from django.conf import settings
from django.shortcuts import redirect
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header


def edition_for(accept_language):
    """The best edition for an Accept-Language header; the default edition if none fits.

    Only editions count: a German reader is not sent to /de/, where only originals live.
    Django's parser drops malformed and over-long headers, which then fall back too.
    """
    for code, _quality in parse_accept_lang_header(accept_language or ""):
        primary = code.split("-")[0].lower()
        if primary in settings.EDITION_LANGUAGES:
            return primary
    return settings.LANGUAGE_CODE


def edition_redirect(request):
    response = redirect(f"/{edition_for(request.headers.get('Accept-Language'))}/")
    patch_vary_headers(response, ["Accept-Language"])
    return response
