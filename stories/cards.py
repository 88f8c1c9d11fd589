"""Story and briefing cards, each kept by its story's revision (pagecache.fragments), and
found kept for a whole listing at once.

A card comes in three variants: `lead` (the listing's first story, larger, its picture
fetched first), `grid` (a cell of a listing's grid) and `compact` (a rail's line: a
thumbnail, the kicker, headline and date). A listing's layout says which each card is."""

from django.template.loader import get_template

import pagecache
from pagecache import fragments, tags

from . import pictures

# The widths a card's picture is shown at, as the stylesheet lays cards out (site.css,
# "Story cards"): the page's column is at most 72rem less its margins (1 to 2rem a side).
SIZES = {
    # The whole column on phones; beside its text, three fifths of it, on wider screens.
    "lead": "(min-width: 48rem) calc((min(100vw, 72rem) - 4rem) * 0.6), calc(100vw - 2rem)",
    # One, two or three to a row.
    "grid": (
        "(min-width: 64rem) calc((min(100vw, 72rem) - 8rem) / 3), "
        "(min-width: 40rem) calc((100vw - 6rem) / 2), calc(100vw - 2rem)"
    ),
    "compact": "6rem",
}
LAYOUTS = ("lead", "grid", "compact")


def variant(layout, index):
    """The variant of a listing's `index`th card: `layout` is a variant for every card,
    "lead" for a larger first card, or a list of variants, one a card."""
    if not isinstance(layout, str):
        return layout[index]
    if layout == "lead":
        return "lead" if index == 0 else "grid"
    return layout


def render(request, stories, heading_level=2, layout="grid"):
    """The HTML of each card of `stories` (pages, or cards a listing found kept), in order.
    Those kept in the cache are read in one trip; the pictures of those to make are read
    in one more (pictures.prefetch), however many cards."""
    stories = list(stories)
    pages = [(i, story) for i, story in enumerate(stories) if not isinstance(story, fragments.Kept)]
    keys, found, generation = {}, {}, None  # keys by the card's place in the listing
    if pages and fragments.enabled(request):
        keys = {
            i: card_key(request, s.pk, s.live_revision_id, heading_level, variant(layout, i))
            for i, s in pages
        }
        found, generation = fragments.read(request, keys.values(), kept=KeptCard)
    to_make = [(i, story) for i, story in pages if keys.get(i) not in found]
    pictures.prefetch([(story.lead_image, "card") for _, story in to_make])
    html = [story.html if isinstance(story, fragments.Kept) else None for story in stories]
    for i, story in pages:
        key = keys.get(i)
        if key in found:
            html[i] = found[key].html
        else:
            html[i] = make(request, story, heading_level, variant(layout, i), key, generation)
    return html


def make(request, story, heading_level, card_variant, key=None, generation=None):
    """The card made, and kept under `key` when given, with what listings' structured data
    reads of a story besides it (KeptCard)."""

    def html():
        return get_template("stories/includes/story_card.html").render(
            {
                "story": story,
                "heading_level": heading_level,
                "variant": card_variant,
                "sizes": SIZES[card_variant],
                "request": request,
            }
        )

    shows = tags.for_cards([story])
    if key is None:
        pagecache.tag_response(request, *shows)
        return html()
    return fragments.make_and_keep(
        request,
        key,
        generation,
        html,
        shows=shows,
        describe=lambda: {"title": story.title, "url": story.get_url(request)},
    )


def card_key(request, pk, revision_id, heading_level, card_variant):
    return fragments.key(request, "card", [pk, revision_id, heading_level, card_variant])


class KeptCard(fragments.Kept):
    """A card found kept: what listings' structured data reads of a story besides it."""

    @property
    def title(self):
        return self.data["title"]

    def get_url(self, request=None):
        return self.data["url"]


def kept_cards(request, cards, heading_level, layout="grid"):
    """{id: KeptCard} of the cards of `cards` ((id, revision id) pairs, in the listing's
    order) kept in the cache, found in one read."""
    keys = {
        pk: card_key(request, pk, revision_id, heading_level, variant(layout, index))
        for index, (pk, revision_id) in enumerate(cards)
    }
    found, _ = fragments.read(request, keys.values(), kept=KeptCard)
    # A card kept by an earlier release may lack what listings read besides its HTML.
    return {
        pk: found[key] for pk, key in keys.items() if key in found and "title" in found[key].data
    }
