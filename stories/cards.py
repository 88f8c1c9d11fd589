"""Story and briefing cards, each kept by its story's revision (pagecache.fragments), and
found kept for a whole listing at once."""

from django.template.loader import get_template

from pagecache import fragments, tags


def card(request, story, heading_level):
    """The card of `story`: kept, else made and kept, with what listings' structured data
    reads of a story besides it (KeptCard)."""
    return fragments.cached(
        request,
        "card",
        card_parts(story.pk, story.live_revision_id, heading_level),
        lambda: get_template("stories/includes/story_card.html").render(
            {"story": story, "heading_level": heading_level, "request": request}
        ),
        shows=tags.for_cards([story]),
        describe=lambda: {"title": story.title, "url": story.get_url(request)},
    )


def card_parts(pk, revision_id, heading_level):
    return [pk, revision_id, heading_level]


class KeptCard(fragments.Kept):
    """A card found kept: what listings' structured data reads of a story besides it."""

    @property
    def title(self):
        return self.data["title"]

    def get_url(self, request=None):
        return self.data["url"]


def kept_cards(request, cards, heading_level):
    """{id: KeptCard} of the cards of `cards` ((id, revision id) pairs) kept in the cache,
    found in one read."""
    keys = {
        pk: fragments.key(request, "card", card_parts(pk, revision_id, heading_level))
        for pk, revision_id in cards
    }
    found, _ = fragments.read(request, keys.values(), kept=KeptCard)
    # A card kept by an earlier release may lack what listings read besides its HTML.
    return {
        pk: found[key] for pk, key in keys.items() if key in found and "title" in found[key].data
    }
