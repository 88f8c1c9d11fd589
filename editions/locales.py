"""The language code of each locale, from the shared cache.

Cards link to their bylines' and partner's pages, each in its snippet's own language (an
outlet not yet translated keeps its source language). Joining the locale table for them
in a listing's query was a third of PostgreSQL's planning of it; the map is read ahead
with what every page reads of the cache (editions.routing), so it costs no round trip, and
kept for the rest of the request (a listing asks for it once a byline).
"""

import functools
import zoneinfo

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale

from config.cache import request_memo
from config.replica import on_primary

LANGUAGES_KEY = "locales:languages"


def language_code(locale_id):
    """The language code of the locale `locale_id`. A locale made since the map was cached
    is looked up, and the map cached again."""
    memo = request_memo()
    codes = memo.get(LANGUAGES_KEY) if memo is not None else None
    if codes is None or locale_id not in codes:
        codes = cache.get(LANGUAGES_KEY) or {}
        if locale_id not in codes:
            with on_primary():  # the shared cache keeps it (config.replica)
                codes = dict(Locale.objects.values_list("pk", "language_code"))
            cache.set(LANGUAGES_KEY, codes, timeout=None)
        if memo is not None:
            memo[LANGUAGES_KEY] = codes
    return codes[locale_id]


@functools.cache
def time_zone(language_code):
    """The zone an edition shows times in (settings.EDITION_TIME_ZONES); TIME_ZONE for the
    languages of partners' originals."""
    name = settings.EDITION_TIME_ZONES.get(language_code, settings.TIME_ZONE)
    return zoneinfo.ZoneInfo(name)


def edition_locales():
    """The editions' locales, in the order settings.EDITION_LANGUAGES lists them."""
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in=settings.EDITION_LANGUAGES)
    }
    return [locales[code] for code in settings.EDITION_LANGUAGES if code in locales]


@receiver([post_save, post_delete], sender=Locale)
def forget_languages(**kwargs):
    if (memo := request_memo()) is not None:
        memo.pop(LANGUAGES_KEY, None)
    transaction.on_commit(lambda: cache.delete(LANGUAGES_KEY))
