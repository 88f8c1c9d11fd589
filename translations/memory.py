"""Translation memory for a synced translation: what changed in the original, and how the
passage was translated before.

wagtail-localize keys a translation by the source text, so a sentence edited by three words
comes back untranslated after a sync, as if it were new. Its previous translation is still
there, under the same place in the page (the segment's context) and the old wording; here it
is offered back, with the old and new wording of the original side by side, word by word.
"""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.strings import StringValue

# The "tool" a translation taken from the previous one is marked with (wagtail-localize's
# editor shows it beside the segment) until the translator edits it.
PREVIOUS = "Previous translation"
WORDS = re.compile(r"\w+|[^\w\s]+|\s+")


@dataclass(frozen=True)
class Change:
    """A segment of `translation` whose original wording changed since it was translated."""

    segment: StringSegment
    before: str  # the original's wording when it was translated
    now: str  # the original's wording now
    previous: str  # the translation of `before`
    taken: bool  # the previous translation was taken as it is, and not edited since

    @property
    def diff(self):
        return word_diff(self.before, self.now)


def text(data):
    return StringValue(data).render_text()


@dataclass(frozen=True)
class Memory:
    changes: list  # [Change], in the page's order
    untranslated: set  # ids of the string segments with no translation yet

    @property
    def to_do(self):
        """Segments needing the translator: untranslated, or taken from before unedited."""
        return self.untranslated | {c.segment.pk for c in self.changes if c.taken}


def recall(translation):
    """What the memory holds for `translation` (two queries)."""
    segments = list(
        StringSegment.objects.filter(source=translation.source)
        .select_related("string", "context")
        .order_by("order")
    )
    translations = StringTranslation.objects.filter(
        locale=translation.target_locale,
        context_id__in=[segment.context_id for segment in segments],
    ).select_related("translation_of")
    wanted = {(segment.string_id, segment.context_id) for segment in segments}
    current, earlier = {}, {}
    for found in translations.order_by("updated_at"):
        key = (found.translation_of_id, found.context_id)
        if key in wanted:
            current[key] = found
        else:
            earlier[found.context_id] = found  # the latest, by the ordering
    changes, untranslated = [], set()
    for segment in segments:
        now = current.get((segment.string_id, segment.context_id))
        if now is None:
            untranslated.add(segment.pk)
        before = earlier.get(segment.context_id)
        if before is None or (now is not None and now.tool_name != PREVIOUS):
            continue
        changes.append(
            Change(
                segment=segment,
                before=text(before.translation_of.data),
                now=text(segment.string.data),
                previous=text(before.data),
                taken=now is not None,
            )
        )
    return Memory(changes=changes, untranslated=untranslated)


def use_previous(change, translation, user):
    """Take `change`'s previous translation for the new wording, marked as taken from it."""
    StringTranslation.objects.update_or_create(
        translation_of_id=change.segment.string_id,
        context_id=change.segment.context_id,
        locale=translation.target_locale,
        defaults={
            "data": StringValue.from_plaintext(change.previous).data,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "tool_name": PREVIOUS,
            "last_translated_by": user,
            "has_error": False,
            "field_error": "",
        },
    )


def word_diff(before, now):
    """(before, now) as HTML, the words that went marked <del> and those that came <ins>."""
    old, new = WORDS.findall(before), WORDS.findall(now)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    old_parts, new_parts = [], []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        removed, added = "".join(old[a1:a2]), "".join(new[b1:b2])
        if op == "equal":
            old_parts.append(("{}", removed))
            new_parts.append(("{}", added))
            continue
        if removed:
            old_parts.append(("<del>{}</del>", removed))
        if added:
            new_parts.append(("<ins>{}</ins>", added))
    return join(old_parts), join(new_parts)


def join(parts):
    return format_html_join("", "{}", ((format_html(template, part),) for template, part in parts))
