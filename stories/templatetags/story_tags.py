from django import template

from pagecache import fragments
from stories.cards import card

register = template.Library()


@register.simple_tag(takes_context=True)
def story_card(context, story, heading_level=2):
    """A story's or briefing's card, kept by its revision (stories.cards); `story` may be
    one a listing found kept (`fragments.Kept`)."""
    if isinstance(story, fragments.Kept):
        return story.html
    return card(context.get("request"), story, heading_level)
