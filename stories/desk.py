"""Where each story stands in each edition: the data behind the translation desk.

Statuses for many stories are computed in a fixed number of queries (three, plus one
per edition), however many stories are listed.
"""

from dataclasses import dataclass

from django.db.models import Case, Count, Exists, IntegerField, Max, OuterRef, Sum, Value, When
from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
)

ORIGINAL = "original"
MISSING = "missing"
IN_PROGRESS = "in_progress"
OUT_OF_DATE = "out_of_date"
UP_TO_DATE = "up_to_date"


@dataclass(frozen=True)
class EditionStatus:
    state: str
    page_id: int | None = None
    translation_id: int | None = None
    percent: int | None = None


def _progress(source_ids, locale_id):
    """{source_id: (total, translated)} for one target locale, in one query."""
    translated = Exists(
        StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=locale_id,
            has_error=False,
        )
    )
    rows = (
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(
            total=Count("pk"),
            done=Sum(
                Case(When(translated, then=Value(1)), default=Value(0), output_field=IntegerField())
            ),
        )
    )
    return {row["source_id"]: (row["total"], row["done"] or 0) for row in rows}


def edition_statuses(stories, locales):
    """{(story.pk, locale.pk): EditionStatus} for original `stories` in `locales`."""
    keys = {story.translation_key for story in stories}
    locale_ids = [locale.pk for locale in locales]
    pages = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(translation_key__in=keys, locale_id__in=locale_ids).values(
            "id", "translation_key", "locale_id", "live"
        )
    }
    translations = {
        (row["source__object_id"], row["source__locale_id"], row["target_locale_id"]): row
        for row in Translation.objects.filter(
            source__object_id__in=keys, target_locale_id__in=locale_ids
        ).values("id", "source_id", "source__object_id", "source__locale_id", "target_locale_id")
    }
    source_ids = {row["source_id"] for row in translations.values()}
    last_synced = {
        (row["source_id"], row["locale_id"]): row["last"]
        for row in TranslationLog.objects.filter(source_id__in=source_ids)
        .values("source_id", "locale_id")
        .annotate(last=Max("created_at"))
    }
    progress = {locale_id: _progress(source_ids, locale_id) for locale_id in locale_ids}

    statuses = {}
    for story in stories:
        for locale_id in locale_ids:
            statuses[story.pk, locale_id] = _status(
                story, locale_id, pages, translations, last_synced, progress
            )
    return statuses


def _status(story, locale_id, pages, translations, last_synced, progress):
    if story.locale_id == locale_id:
        return EditionStatus(ORIGINAL, page_id=story.pk)
    page = pages.get((story.translation_key, locale_id))
    if page is None:
        return EditionStatus(MISSING)
    translation = translations.get((story.translation_key, story.locale_id, locale_id))
    if translation is None:  # made by hand rather than through wagtail-localize
        return EditionStatus(UP_TO_DATE if page["live"] else IN_PROGRESS, page_id=page["id"])
    total, done = progress[locale_id].get(translation["source_id"], (0, 0))
    percent = 100 * done // total if total else 100
    common = {"page_id": page["id"], "translation_id": translation["id"], "percent": percent}
    if done < total or not page["live"]:
        return EditionStatus(IN_PROGRESS, **common)
    synced = last_synced.get((translation["source_id"], locale_id))
    if story.last_published_at and synced and story.last_published_at > synced:
        return EditionStatus(OUT_OF_DATE, **common)
    return EditionStatus(UP_TO_DATE, **common)
