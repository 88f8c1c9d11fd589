"""The names a cached response is purged by: what it shows."""

SITE = "site"  # every response: the magazine's settings, privacy, the templates
SITEMAPS = "sitemaps"  # the sitemap index


def page(page_id):
    """A page's title, address or presence: its own page, its cards, links and labels."""
    return f"page:{page_id}"


def translations(translation_key):
    """Which languages a page is live in: the language switcher and hreflang links of every
    one of its versions."""
    return f"translations:{translation_key}"


def edition(locale_id):
    """An edition's frame around every page: its home page's tagline, its menu of sections."""
    return f"edition:{locale_id}"


def stories_of(kind, pk):
    """Which stories a listing lists: a topic's, a section's or an edition's ("page", with
    the listing page's id), an author's or a partner's."""
    return f"stories:{kind}:{pk}"


def children(page_id):
    """Which pages are below a page: the topic index's topics, the briefings."""
    return f"children:{page_id}"


def briefings(locale_id):
    """Which briefing is an edition's latest (the front page says)."""
    return f"briefings:{locale_id}"


def snippet(obj):
    """An author or partner outlet in one language: bylines, cards, their reader page."""
    return f"{obj._meta.model_name}:{obj.pk}"


def image(image_id):
    return f"image:{image_id}" if image_id is not None else None


def sitemap(section):
    """A language's sitemap ("en") or an edition's news sitemap ("news-en")."""
    return f"sitemap:{section}"


def for_cards(stories):
    """What story cards show: each story, its focus topic, its authors, its partner and its
    picture. Reads only what `StoryPageQuerySet.for_cards` fetched."""
    shown = set()
    for story in stories:
        if getattr(story, "pk", None) is None:
            continue  # a card found kept, which tagged the response as it was found
        shown.add(page(story.pk))
        if story.focus_topic is not None:
            shown.add(page(story.focus_topic.pk))
        shown.update(snippet(byline.signer) for byline in story.bylines.all())
        if story.partner is not None:
            shown.add(snippet(story.partner))
        if story.lead_image_id is not None:
            shown.add(image(story.lead_image_id))
    return shown
