"""The language versions of a reader page, for the switcher and the hreflang links."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Alternate:
    language_code: str
    url: str
    full_url: str
    current: bool

    @classmethod
    def for_page(cls, request, page, *, current):
        return cls(
            page.locale.language_code,
            page.get_url(request),
            page.get_full_url(request),
            current,
        )

    @classmethod
    def for_url(cls, request, language_code, url, *, current):
        return cls(language_code, url, request.build_absolute_uri(url), current)
