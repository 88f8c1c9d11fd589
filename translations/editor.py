"""wagtail-localize's translation editor, as the desk needs it.

Its React editor takes its whole state from one JSON document (the "props"), built by
wagtail-localize's view for anyone who may edit the page. `for_desk` rewrites that document
for the user in front of it, before the template hands it over:

- actions the user may not take are not offered (publish, unpublish, delete, convert to
  alias: see translations.permissions), so a translator's biggest button is never a
  destructive one; the template gives them their own footer, "Submit for review" first;
- a translation waiting in review is shown locked (read-only) to all but its reviewers;
- topics, authors and the partner are named as readers of the target edition will see them,
  not in the original's language.
"""

import json

from wagtail.models import Page

from .permissions import may_publish, review_lock


def for_desk(props, user, instance):
    """The editor's props (a JSON string) rewritten for `user`; returns a JSON string."""
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
    return json.dumps(data)


def names_in_target_language(segments):
    """Related objects (topics, bylines' authors, the partner) under the name they have in
    the target language, when they have one there. Their edit links lead to that version,
    in the translation's own language, which whoever may edit the translation may open."""
    for segment in segments:
        if segment["type"] == "related_object" and segment.get("source") and segment.get("dest"):
            segment["source"]["title"] = segment["dest"]["title"]
