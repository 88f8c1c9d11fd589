"""Machine translators for wagtail-localize's editor.

wagtail-localize ships DeepL and LibreTranslate translators; these subclasses add
what a newsroom needs around them: a configurable DeepL endpoint (a proxy, or a test
server on 127.0.0.1, can stand in for api.deepl.com), and a failed request that is
logged and leaves the segments untranslated instead of showing the translator a 500.
"""

import logging

import requests
from wagtail_localize.machine_translators.deepl import DeepLTranslator as BaseDeepLTranslator
from wagtail_localize.machine_translators.libretranslate import (
    LibreTranslator as BaseLibreTranslator,
)

logger = logging.getLogger(__name__)


class FailSafeMixin:
    def translate(self, source_locale, target_locale, strings):
        try:
            return super().translate(source_locale, target_locale, strings)
        except (requests.RequestException, ValueError, KeyError, TypeError):
            # The editor then says there was nothing to translate; the log says why.
            logger.exception(
                "%s could not translate %d segment(s)", self.display_name, len(strings)
            )
            return {}


class DeepLTranslator(FailSafeMixin, BaseDeepLTranslator):
    def get_api_endpoint(self):
        return self.options.get("API_URL") or super().get_api_endpoint()


class LibreTranslator(FailSafeMixin, BaseLibreTranslator):
    pass
