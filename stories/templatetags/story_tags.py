from django import template
from django.template.loader import get_template

from pagecache import fragments, tags

register = template.Library()


@register.simple_tag(takes_context=True)
def story_card(context, story, heading_level=2):
    """A story's or briefing's card, kept by its revision (pagecache.fragments); `story` may
    be one a listing found kept (`fragments.Kept`)."""
    if isinstance(story, fragments.Kept):
        return story.html
    request = context.get("request")
    return fragments.cached(
        request,
        "card",
        card_parts(story.pk, story.live_revision_id, heading_level),
        lambda: get_template("stories/includes/story_card.html").render(
            {"story": story, "heading_level": heading_level, "request": request}
        ),
        shows=tags.for_cards([story]),
        data={"title": story.title, "url": story.get_url(request)},
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
        pk: fragments.key(request, "card", card_parts(pk, rev, heading_level)) for pk, rev in cards
    }
    found, _ = fragments.read(request, keys.values())
    # A card kept by an earlier release may lack what listings read besides its HTML.
    return {
        pk: KeptCard(found[key].entry)
        for pk, key in keys.items()
        if key in found and "title" in found[key].data
    }
