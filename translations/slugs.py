"""A translated page's slug follows its translated headline, until a person sets it or
the page is published.

The slug is a segment like any other: left alone, the translation kept the original's, a
transliteration of Russian in a French address. Whenever the headline's translation
changes, the slug's is made from it, marked as made from the headline; once a translator
edits the slug themselves, it is theirs and is left alone. Once the translation has been
published its address is out in the world (shared, indexed), and a later headline edit
leaves it as it is.
"""

from wagtail.coreutils import string_to_ascii
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.strings import StringValue

from editions.links import slug_of

FROM_THE_HEADLINE = "Headline"  # the "tool" wagtail-localize's editor names
MAX_LENGTH = 80


def slug_for(headline):
    slug = slug_of(string_to_ascii(headline))[:MAX_LENGTH]
    return slug.rsplit("-", 1)[0] if len(slug) == MAX_LENGTH and "-" in slug else slug


def follow_headline(translation):
    """Make the slug of `translation` from its headline, unless a person chose the slug."""
    source = translation.source
    if not issubclass(source.specific_content_type.model_class(), Page):
        return
    published = Page.objects.filter(
        translation_key=source.object_id,
        locale=translation.target_locale,
        first_published_at__isnull=False,
    )
    if published.exists():
        return
    segments = {
        segment.context.path: segment
        for segment in StringSegment.objects.filter(
            source=source, context__path__in=("title", "slug")
        ).select_related("context")
    }
    if len(segments) < 2:
        return
    locale = translation.target_locale
    translated = {
        path: StringTranslation.objects.filter(
            translation_of_id=segment.string_id, context_id=segment.context_id, locale=locale
        ).first()
        for path, segment in segments.items()
    }
    headline, slug = translated["title"], translated["slug"]
    if headline is None or (slug is not None and slug.tool_name != FROM_THE_HEADLINE):
        return
    wanted = slug_for(StringValue(headline.data).render_text())
    if not wanted or (slug is not None and StringValue(slug.data).render_text() == wanted):
        return
    StringTranslation.objects.update_or_create(
        translation_of_id=segments["slug"].string_id,
        context_id=segments["slug"].context_id,
        locale=locale,
        defaults={
            "data": StringValue.from_plaintext(wanted).data,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
            "tool_name": FROM_THE_HEADLINE,
            "has_error": False,
            "field_error": "",
        },
    )
