"""Translate a page or snippet through wagtail-localize, as its editor would.

The demo loader and the tests fill a translation the way a translator does in
wagtail-localize's editor: the object's source is extracted into segments, each
segment gets a string translation, and the translation is saved (and published).
Going through TranslationSource, not copying pages by hand, is what retargets
bylines, topics and partner outlets to their translated versions.
"""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
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

from stories.choosers import cross_language_links
from stories.localize import per_edition_fields
from stories.models import StoryPage


class MissingStringsError(ValueError):
    pass


def translate(instance, language_code, strings, *, edition_fields=None, publish=True):
    """Translate `instance` into `language_code`.

    `strings` maps each source text (plain text, as the editor shows it) to its
    translation, or is a function from source text to translation. Every
    translatable segment must be covered: a missing one raises MissingStringsError
    instead of publishing source-language text as a translation. `edition_fields` sets
    the fields a page's translation sets for itself (its translator's credit).
    Returns the translated object (for pages, the specific page).
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
    if not isinstance(instance, Page):
        translation.save_target(publish=True)  # snippets have no drafts
    else:
        if not instance.has_translation(locale):
            translation.save_target(publish=False)  # makes the page, as a draft
        if edition_fields:
            set_edition_fields(translation, edition_fields)
        if publish:
            publish_translation(translation)
        else:
            save_draft(translation)
    translated = instance.get_translation(locale)
    return translated.specific if hasattr(translated, "specific") else translated


def save_draft(translation, user=None, *, linking_its_own_language=False):
    """Save `translation` as a new draft revision of its page, from the source as last
    synced and the segments translated so far; readers keep seeing what was published.
    Returns the revision.

    wagtail-localize's own `save_target(publish=False)` writes the translated fields into the
    page itself before it makes the revision, and a live page's own row is what readers are
    served: an unreviewed translation, with the original's text in every untranslated
    segment, was live at once. Here the page gets a revision only, as Wagtail's "Save
    draft" does, carrying the fields each edition sets for itself (stories.localize) from
    its latest revision.

    `linking_its_own_language` refuses (ValidationError) a draft that would link to topics,
    authors or a partner of another language: a sync may leave the original's own there
    until they are translated, but a translation sent for review or published may not.
    """
    source = translation.source
    page = translation.get_target_instance().specific
    if page.alias_of_id:  # wagtail-localize turns an alias into a page of its own
        translation.save_target(user=user, publish=False)
        return Page.objects.get(pk=page.pk).latest_revision
    draft = source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    if (
        linking_its_own_language
        and isinstance(draft, StoryPage)
        and (problems := cross_language_links(draft, translation.target_locale))
    ):
        raise ValidationError(problems)
    latest = page.get_latest_revision_as_object()
    for name in per_edition_fields(type(page)):
        setattr(draft, name, getattr(latest, name))
    draft.slug = find_available_slug(
        draft.get_parent(), slugify(draft.slug), ignore_page_id=draft.pk
    )
    revision = draft.save_revision(user=user)
    source.sync_view_restrictions(source.as_instance(), draft)
    TranslationLog.objects.create(
        source=source, locale=translation.target_locale, revision=revision
    )
    return revision


def publish_translation(translation, user=None):
    """Publish `translation` as `save_draft` builds it: for those who may publish it."""
    target = translation.get_target_instance()
    if not isinstance(target, Page):
        translation.save_target(user=user, publish=True)
        return None
    revision = save_draft(translation, user=user, linking_its_own_language=True)
    revision.publish(user=user)
    return revision


def set_edition_fields(translation, values, user=None):
    """Set fields the translation's page sets for itself (its translator's credit) in a new
    draft revision, from its latest one. Returns the revision."""
    page = translation.get_target_instance().specific
    draft = page.get_latest_revision_as_object()
    allowed = per_edition_fields(type(page))
    for name, value in values.items():
        if name in allowed:
            setattr(draft, name, value)
    return draft.save_revision(user=user)


class KeepExistingTranslationsCreator(TranslationCreator):
    """wagtail-localize's Translate action, minus its overwriting of related objects.

    Submitting a story also submits the topics, authors and partner it points at, one
    level deep. Upstream does that even when the related object already exists in the
    target language, translated from another source: a Russian story pulled into French
    replaced the French topic "Drones" (made from English) with the Russian text and
    republished it. Related objects are only submitted for the languages they lack, and
    the rest keep their translation (compare wagtail-localize#878).

    Upstream also starts a new translation from the text the original had when it was
    first translated into any language, however it changed since: a new translation
    starts from the original's current text here (the source is synced first).
    """

    def create_translations(self, instance, include_related_objects=True):
        if include_related_objects:  # the object the translator chose: as upstream
            self.sync_source(instance)
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
            self.sync_source(instance)
            return super().create_translations(instance, include_related_objects)
        finally:
            self.target_locales = chosen

    def sync_source(self, instance):
        if instance.translation_key in self.seen_objects:
            return
        source = TranslationSource.objects.get_for_instance_or_none(instance)
        if source is not None:
            source.update_from_db()
