"""The language code of each locale, from the shared cache.

Cards link to their bylines' and partner's pages, each in its snippet's own language (an
outlet not yet translated keeps its source language). Joining the locale table for them
in a listing's query was a third of PostgreSQL's planning of it; the map is read ahead
with what every page reads of the cache (home.editions), so it costs no round trip, and
kept for the rest of the request (a listing asks for it once a byline).
"""

from contextvars import ContextVar

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale

LANGUAGES_KEY = "locales:languages"
# The map as this request found it; None outside requests (commands), which read it anew.
_in_request = ContextVar("locale_languages_in_this_request", default=None)


@receiver(request_started)
def _start(**kwargs):
    _in_request.set({})


@receiver(request_finished)
def _finish(**kwargs):
    _in_request.set(None)


def language_code(locale_id):
    """The language code of the locale `locale_id`. A locale made since the map was cached
    is looked up, and the map cached again."""
    memo = _in_request.get()
    codes = memo.get(LANGUAGES_KEY) if memo is not None else None
    if codes is None or locale_id not in codes:
        codes = cache.get(LANGUAGES_KEY) or {}
        if locale_id not in codes:
            codes = dict(Locale.objects.values_list("pk", "language_code"))
            cache.set(LANGUAGES_KEY, codes, timeout=None)
        if memo is not None:
            memo[LANGUAGES_KEY] = codes
    return codes[locale_id]


@receiver([post_save, post_delete], sender=Locale)
def forget_languages(**kwargs):
    if (memo := _in_request.get()) is not None:
        memo.clear()
    transaction.on_commit(lambda: cache.delete(LANGUAGES_KEY))
