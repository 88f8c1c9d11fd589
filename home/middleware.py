import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware

_LANGUAGE_SHAPED_PREFIX = re.compile(r"^/([a-z]{2}(?:[-_][a-z0-9]{2,4})?)(?:/|$)", re.IGNORECASE)


class EditionLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except for paths under a language we do not publish in.

    Django redirects any 404 without a language prefix to the same path under the
    reader's language, and Wagtail's catch-all URL makes every such path look valid,
    so /xx/ would bounce to /en/xx/. A prefix shaped like a language code that is not
    one of ours is a plain 404 instead.
    """

    def process_response(self, request, response):
        if response.status_code == 404:
            match = _LANGUAGE_SHAPED_PREFIX.match(request.path_info)
            known = {code.lower() for code, _name in settings.LANGUAGES}
            if match and match.group(1).lower() not in known:
                return response
        return super().process_response(request, response)
