"""Links to reader pages: absolute addresses, the routes under an edition's home page, and
the language versions of a page.

Absolute URLs are built from the request's host, as Django's sitemaps and feeds build
theirs, so canonical, hreflang, feed, sitemap and structured-data links always agree.
"""

import functools
import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify

from editions.pages import reader_pages

# Marks that stand between words ("Istorii/Important", "Q&A", "Kyiv|Lviv"): a hyphen in an
# address, where Django's slugify would drop them and run the words together.
WORD_SEPARATORS = re.compile(r"[/\\|·•:;,+&=_–—]+")


def slug_of(text, *, allow_unicode=False):
    """The address form of a name or headline: words joined by hyphens, whatever marks
    separated them; other punctuation dropped."""
    return slugify(WORD_SEPARATORS.sub(" ", text), allow_unicode=allow_unicode)


# Routes of an edition's home page (home.HomePage): /<language>/authors/<slug>/ and so on.
AUTHORS_PATH = "authors"
PARTNERS_PATH = "partners"
SEARCH_PATH = "search"

# What a link to a page's version needs: its address, its language, and when it was last
# published (whether a translation has fallen behind its original).
LINK_FIELDS = ("url_path", "translation_key", "last_published_at", "locale__language_code")


@functools.cache
def _edition_prefix(language_code):
    # Fixed by the URLconf; cached because every byline on every card asks for it.
    with translation.override(language_code):
        return reverse("wagtail_serve", args=[""])


def edition_url(language_code, *parts):
    """/<language>/<parts>/: the address of a route under an edition's home page."""
    return _edition_prefix(language_code) + "".join(f"{part}/" for part in parts)


def absolute_url(request, page):
    return request.build_absolute_uri(page.get_url(request))


@dataclass(frozen=True)
class Alternate:
    language_code: str
    url: str
    full_url: str
    current: bool

    @classmethod
    def for_page(cls, request, page, *, current):
        return cls(
            page.locale.language_code, page.get_url(request), absolute_url(request, page), current
        )

    @classmethod
    def for_url(cls, request, language_code, url, *, current):
        return cls(language_code, url, request.build_absolute_uri(url), current)


def live_translations(page):
    """The page in every language it is live in, itself included: what a language switcher
    may link to, so nothing links to a missing translation. As base pages with what a link
    needs (its address and language): the page type's own table, a story's body included,
    would be read for every version."""
    return (
        reader_pages()
        .filter(translation_key=page.translation_key)
        .live()
        .public()
        .select_related("locale")
        .only(*LINK_FIELDS)
        .order_by("locale__language_code")
    )


def page_alternates(request, page, translations=None):
    translations = live_translations(page) if translations is None else translations
    return [
        Alternate.for_page(request, translation, current=translation.pk == page.pk)
        for translation in translations
    ]
