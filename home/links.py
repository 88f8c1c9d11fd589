"""Links to reader pages: absolute addresses, and the language versions of a page.

Absolute URLs are built from the request's host, as Django's sitemaps and feeds build
theirs, so canonical, hreflang, feed, sitemap and structured-data links always agree.
"""

from dataclasses import dataclass


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
    may link to, so nothing links to a missing translation."""
    return (
        page.get_translations(inclusive=True)
        .live()
        .public()
        .select_related("locale")
        .order_by("locale__language_code")
    )


def page_alternates(request, page, translations=None):
    translations = live_translations(page) if translations is None else translations
    return [
        Alternate.for_page(request, translation, current=translation.pk == page.pk)
        for translation in translations
    ]
