from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from stories import cards

register = template.Library()


@register.simple_tag(takes_context=True)
def story_cards(context, stories, heading_level=2, layout="grid", notes=None):
    """The cards of a listing's stories and briefings (stories.cards), each kept by its
    revision; `stories` may hold cards the listing found kept (`fragments.Kept`). `layout`
    is "grid", "lead" (the first larger) or "compact" (a rail's). `notes`, one HTML line a
    card (a search result's snippet), are shown under the cards, which are kept without
    them."""
    if layout not in cards.LAYOUTS:
        raise template.TemplateSyntaxError(f"story_cards: no layout {layout!r}")
    html = cards.render(context.get("request"), stories, heading_level, layout)
    if notes is not None:
        html = [
            format_html(
                '<div class="card-with-note">{}{}</div>',
                mark_safe(card),  # noqa: S308 -- made by our template
                format_html('<p class="card-note">{}</p>', note) if note else "",
            )
            for card, note in zip(html, notes, strict=True)
        ]
    return mark_safe("".join(html))  # noqa: S308 -- each card made by our template
