"""wagtail-localize's translation editor, as the desk needs it.

Its React editor takes its whole state from one JSON document (the "props"), built by
wagtail-localize's view for anyone who may edit the page. `for_desk` rewrites that document
for the user in front of it, before the template hands it over:

- actions the user may not take are not offered (publish, unpublish, delete, convert to
  alias: see translations.permissions), so a translator's biggest button is never a
  destructive one; the template gives them their own footer, "Submit for review" first;
- a translation waiting in review is shown locked (read-only) to all but its reviewers;
- topics, authors and the partner are named as readers of the target edition will see them,
  not in the original's language;
- on request, only the segments that need the translator are listed (untranslated, or taken
  from the previous translation and not checked since), and the passages that changed in
  the original since they were translated are offered with their previous translation
  (translations.memory).
"""

import json
from dataclasses import dataclass, field

from django.utils.text import capfirst
from wagtail.models import Page

from . import memory
from .permissions import may_publish, review_lock


@dataclass
class DeskEditor:
    props: str  # the JSON the React editor reads
    changes: list = field(default_factory=list)  # [(label, memory.Change)]
    to_do: int = 0  # segments needing the translator
    only_to_do: bool = False


def for_desk(props, user, instance, translation, *, only_to_do=False):
    """The editor for `user`: its props rewritten, and what the translation memory holds."""
    data = json.loads(props)
    # A snippet has no drafts: "publishing" its translation saves it, which whoever may
    # edit it in this language may do.
    if isinstance(instance, Page) and not may_publish(user, instance):
        for name in ("canPublish", "canUnpublish", "canDelete"):
            data["perms"][name] = False
        data["links"]["convertToAliasUrl"] = None
    if review_lock(user, instance):
        data["object"]["isLocked"] = True
    names_in_target_language(data["segments"])
    recalled = memory.recall(translation)
    strings = {s["id"]: s for s in data["segments"] if s["type"] == "string"}
    if only_to_do:
        data["segments"] = [s for s in strings.values() if s["id"] in recalled.to_do]
    return DeskEditor(
        props=json.dumps(data),
        changes=[
            (label(strings.get(change.segment.pk)), change)
            for change in recalled.changes
            if change.segment.pk in strings
        ],
        to_do=len(recalled.to_do & set(strings)),
        only_to_do=only_to_do,
    )


def label(segment):
    """Where a segment is, as the editor names it: "Body › Image › Caption"."""
    location = segment["location"]
    parts = [location.get("field"), location.get("blockId") and location.get("subField")]
    return " › ".join(capfirst(str(part)) for part in parts if part)


def names_in_target_language(segments):
    """Related objects (topics, bylines' authors, the partner) under the name they have in
    the target language, when they have one there. Their edit links lead to that version,
    in the translation's own language, which whoever may edit the translation may open."""
    for segment in segments:
        if segment["type"] == "related_object" and segment.get("source") and segment.get("dest"):
            segment["source"]["title"] = segment["dest"]["title"]
