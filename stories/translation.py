"""Translate a page or snippet through wagtail-localize, as its editor would.

The demo loader and the tests fill a translation the way a translator does in
wagtail-localize's editor: the object's source is extracted into segments, each
segment gets a string translation, and the translation is saved (and published).
Going through TranslationSource, not copying pages by hand, is what retargets
bylines, topics and partner outlets to their translated versions.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, DateTimeField
from django.db.models.expressions import RawSQL
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.strings import StringValue


class MissingStringsError(ValueError):
    pass


def translate(instance, language_code, strings, *, publish=True):
    """Translate `instance` into `language_code`.

    `strings` maps each source text (plain text, as the editor shows it) to its
    translation, or is a function from source text to translation. Every
    translatable segment must be covered: a missing one raises MissingStringsError
    instead of publishing source-language text as a translation. Returns the
    translated object (for pages, the specific page).
    """
    locale = Locale.objects.get(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        # Pick up the current content of the original, as “Sync translated pages” does.
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )

    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    lookup = strings if callable(strings) else strings.get
    missing = []
    for segment in segments:
        text = StringValue(segment.string.data).render_text()
        translated = lookup(text)
        if translated is None:
            missing.append(f"{segment.context.path}: {text!r}")
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": StringValue.from_plaintext(translated).data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    if missing:
        raise MissingStringsError(
            f"No {language_code} text for {len(missing)} segment(s) of {instance!r}: "
            + "; ".join(missing)
        )
    translation.save_target(publish=publish)
    translated = instance.get_translation(locale)
    return translated.specific if hasattr(translated, "specific") else translated


@dataclass(frozen=True)
class Original:
    """The original a translated page was made from, as readers need it."""

    page: Page  # the original, live on the site
    updated_since: bool  # published again after this translation was last made or synced


def with_original_marks(translations, page):
    """`page`'s translations (a queryset of base pages), each marked with whether `page` was
    translated from it (`is_original`) and when `page` was last made or synced from it.

    Written as SQL, not as Exists/Subquery of wagtail-localize's models: Django took longer
    to build and compile those two subqueries (1.4 ms a story page) than PostgreSQL took to
    plan and run the whole query."""
    version = connection.ops.quote_name(Page._meta.db_table)
    from_it = f"s.object_id = {version}.translation_key AND s.locale_id = {version}.locale_id"
    sources = TranslationSource._meta.db_table
    return translations.annotate(
        is_original=RawSQL(
            f"EXISTS (SELECT 1 FROM {Translation._meta.db_table} t"
            f" JOIN {sources} s ON t.source_id = s.id"
            f" WHERE {from_it} AND t.target_locale_id = %s)",
            [page.locale_id],
            output_field=BooleanField(),
        ),
        last_synced=RawSQL(
            f"(SELECT max(l.created_at) FROM {TranslationLog._meta.db_table} l"
            f" JOIN {sources} s ON l.source_id = s.id"
            f" WHERE {from_it} AND l.locale_id = %s)",
            [page.locale_id],
            output_field=DateTimeField(),
        ),
    )


def original_of(marked_translations):
    """The live original among translations marked by `with_original_marks`, or None when
    the page is not a translation (or its original is not live)."""
    original = next((t for t in marked_translations if t.is_original), None)
    if original is None:
        return None
    published, synced = original.last_published_at, original.last_synced
    return Original(page=original, updated_since=bool(published and synced and published > synced))


class KeepExistingTranslationsCreator(TranslationCreator):
    """wagtail-localize's Translate action, minus its overwriting of related objects.

    Submitting a story also submits the topics, authors and partner it points at, one
    level deep. Upstream does that even when the related object already exists in the
    target language, translated from another source: a Russian story pulled into French
    replaced the French topic "Drones" (made from English) with the Russian text and
    republished it. Related objects are only submitted for the languages they lack, and
    the rest keep their translation (compare wagtail-localize#878).
    """

    def create_translations(self, instance, include_related_objects=True):
        if include_related_objects:  # the object the translator chose: as upstream
            return super().create_translations(instance, include_related_objects)
        existing = set(
            type(instance)
            .objects.filter(translation_key=instance.translation_key)
            .values_list("locale_id", flat=True)
        )
        chosen = self.target_locales
        self.target_locales = [locale for locale in chosen if locale.pk not in existing]
        if not self.target_locales:
            self.seen_objects.add(instance.translation_key)
            self.target_locales = chosen
            return None
        try:
            return super().create_translations(instance, include_related_objects)
        finally:
            self.target_locales = chosen
