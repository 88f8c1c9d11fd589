"""The reader pages of an edition, one of each type, found by following links from its front
page as a reader would: what bench/audit audits and bench/screens photographs."""

import urllib.error
import urllib.request
from urllib.parse import urlencode, urljoin

from bs4 import BeautifulSoup


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return BeautifulSoup(response.read(), "html.parser")
    except urllib.error.HTTPError:
        return None


def first_link(soup, selector, base):
    anchor = soup.select_one(selector) if soup else None
    return urljoin(base, anchor["href"]) if anchor else None


def discover(base_url, edition):
    """The edition's page of each type, found by following links as a reader would; the
    types an edition lacks (the Russian tree has no briefings) are left out."""
    home = urljoin(base_url, f"/{edition}/")
    soup = fetch(home)
    if soup is None:
        return {}
    story = first_link(soup, ".story-card__headline a", home)
    story_soup = fetch(story) if story else None
    topic = first_link(soup, ".focus-topics a", home) or first_link(
        story_soup, ".topic-tags a", home
    )
    pages = {
        "home": home,
        "section": first_link(soup, ".site-header nav:not(.language-switcher) a", home),
        "topic index": first_link(soup, "[aria-labelledby=focus-heading] > p > a", home),
        "topic": topic,
        "story": story,
        "video": first_link(soup, ".story-card--video .story-card__headline a", home),
        "briefing": first_link(soup, "[aria-labelledby=briefing-heading] a", home),
        "author": first_link(story_soup, "a.byline[href*='/']", story or home),
        "partner": first_link(story_soup, "a[href*='/partners/']", story or home),
    }
    # A briefing's address is its index's and its own slug.
    pages["briefing index"] = urljoin(pages["briefing"], "../") if pages["briefing"] else None
    if story_soup is not None and soup.select_one("form.search-form"):
        word = max(story_soup.h1.get_text().split(), key=len).strip(".,:;«»“”\"'?!")
        action = urljoin(home, soup.select_one("form.search-form")["action"])
        pages["search"] = action + "?" + urlencode({"q": word})
    pages["newsletter"] = urljoin(home, "newsletter/") if edition in ("en", "fr") else None
    pages["not found"] = urljoin(home, "no-such-page/")
    return {kind: url for kind, url in pages.items() if url}
