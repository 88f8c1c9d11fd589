from django import template
from django.utils.safestring import mark_safe

from stories import cards

register = template.Library()


@register.simple_tag(takes_context=True)
def story_cards(context, stories, heading_level=2, layout="grid"):
    """The cards of a listing's stories and briefings (stories.cards), each kept by its
    revision; `stories` may hold cards the listing found kept (`fragments.Kept`). `layout`
    is "grid", "lead" (the first larger) or "compact" (a rail's)."""
    if layout not in cards.LAYOUTS:
        raise template.TemplateSyntaxError(f"story_cards: no layout {layout!r}")
    html = cards.render(context.get("request"), stories, heading_level, layout)
    return mark_safe("".join(html))  # noqa: S308 -- each card made by our template
