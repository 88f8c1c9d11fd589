"""Machine translation for the translation editor and the sync form.

wagtail-localize ships DeepL and LibreTranslate translators; the subclasses here add what
a newsroom needs around them: a configurable DeepL endpoint (a proxy, or a test server on
127.0.0.1, can stand in for api.deepl.com), and a failed request that is logged and leaves
the segments untranslated instead of showing the translator a 500.

`machine_translate` replaces wagtail-localize's own step, which sends every untranslated
segment to the machine: names and credits came back mangled ("Ilya Sorin" as "Sorin Ilya")
and the slug stayed a transliteration. Those segments are left to the translator (the
slug follows the translated headline, see translations.slugs).
"""

import logging
from collections import defaultdict

import requests
from django.db import transaction
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.deepl import DeepLTranslator as BaseDeepLTranslator
from wagtail_localize.machine_translators.libretranslate import (
    LibreTranslator as BaseLibreTranslator,
)
from wagtail_localize.models import StringSegment, StringTranslation

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


# Segments a machine must not translate, by the field (the first part of the segment's
# path) of each kind of object, for every kind ("*"), and by the last part of a block's
# path: names, credits and the slug.
NOT_FOR_MACHINES = {
    "*": {"slug"},
    "stories.author": {"name"},
    "stories.partneroutlet": {"name", "attribution_template"},
}
NOT_FOR_MACHINES_IN_BLOCKS = {"credit", "attribution"}


def for_machines(model_label, path):
    """May a machine translate the segment at `path` of an object of `model_label`?"""
    parts = path.split(".")
    skipped = NOT_FOR_MACHINES["*"] | NOT_FOR_MACHINES.get(model_label, set())
    return parts[0] not in skipped and parts[-1] not in NOT_FOR_MACHINES_IN_BLOCKS


def machine_translate(translation, user):
    """Fill `translation`'s untranslated segments by machine, but for names, credits and the
    slug. Returns the number of segments filled (0 when no machine is configured, or it
    cannot translate this pair of languages, or failed)."""
    translator = get_machine_translator()
    source = translation.source
    locale = translation.target_locale
    if translator is None or not translator.can_translate(source.locale, locale):
        return 0
    model_label = source.specific_content_type.model_class()._meta.label_lower
    done = set(
        StringTranslation.objects.filter(
            locale=locale, translation_of__segments__source=source
        ).values_list("translation_of_id", "context_id")
    )
    wanted = defaultdict(list)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        key = (segment.string_id, segment.context_id)
        if key in done or not for_machines(model_label, segment.context.path):
            continue
        wanted[segment.string.as_value()].append(key)
    if not wanted:
        return 0
    results = translator.translate(source.locale, locale, list(wanted))
    filled = 0
    with transaction.atomic():
        for string, keys in wanted.items():
            result = results.get(string)
            if result is None or result.data is None:
                continue
            for string_id, context_id in keys:
                StringTranslation.objects.get_or_create(
                    translation_of_id=string_id,
                    locale=locale,
                    context_id=context_id,
                    defaults={
                        "data": result.data,
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                        "tool_name": translator.display_name,
                        "last_translated_by": user,
                    },
                )
                filled += 1
    return filled
