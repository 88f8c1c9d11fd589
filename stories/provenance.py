"""How readers are told where a story came from: the partner's original, and the original
a translation was made from."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, DateTimeField
from django.db.models.expressions import RawSQL
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationLog, TranslationSource

# Whole sentences, because languages decline the name ("Traduit du russe",
# "Traduit de l’arabe"). A language missing here falls back to the generic line.
TRANSLATED_FROM = {
    "en": gettext_lazy("Translated from English."),
    "fr": gettext_lazy("Translated from French."),
    "ru": gettext_lazy("Translated from Russian."),
    "uk": gettext_lazy("Translated from Ukrainian."),
    "de": gettext_lazy("Translated from German."),
    "pt": gettext_lazy("Translated from Portuguese."),
    "es": gettext_lazy("Translated from Spanish."),
    "it": gettext_lazy("Translated from Italian."),
    "pl": gettext_lazy("Translated from Polish."),
    "ar": gettext_lazy("Translated from Arabic."),
}


def translated_from(language_code):
    if language_code in TRANSLATED_FROM:
        return str(TRANSLATED_FROM[language_code])
    try:
        name = get_language_info(language_code)["name_translated"]
    except KeyError:
        return ""
    return _("Translated from %(language)s.") % {"language": name}


@dataclass(frozen=True)
class Original:
    """The original a translated page was made from, as readers need it."""

    page: Page  # the original, live on the site
    updated_since: bool  # published again after this translation was last made or synced


def with_original_marks(translations, page):
    """`page`'s translations (a queryset of base pages), each marked with whether `page` was
    translated from it (`is_original`) and when the version of `page` readers see was made
    or synced from it (`last_synced`): a draft synced since, still waiting for review, does
    not make the published translation any less out of date.

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
            f" WHERE {from_it} AND l.locale_id = %s"
            # Revisions are numbered in the order they are made: a later one is a draft.
            f" AND (l.revision_id IS NULL OR l.revision_id <= %s))",
            [page.locale_id, page.live_revision_id or 0],
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
