"""Sitemaps: one per language tree with hreflang alternates, and a Google News sitemap of
each edition's last two days."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Subquery
from django.utils import timezone
from django.utils.functional import cached_property

from editions.pages import reader_pages
from stories.models import NEWEST_FIRST, BriefingPage, StoryPage

NEWS_WINDOW = datetime.timedelta(days=2)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs per sitemap


def page_path(page):
    """The page's address without scheme and host (the sitemap view adds the request's)."""
    return page.get_url_parts()[2]


class AlternatesMixin:
    """xhtml:link alternates for every live translation of each page, and an x-default,
    fetched in one query per sitemap page."""

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        keys = {url["item"].translation_key for url in urls}
        translations = defaultdict(list)
        for translation in (
            reader_pages()
            .filter(translation_key__in=keys)
            .live()
            .public()
            .select_related("locale")
            .order_by("locale__language_code")
        ):
            translations[translation.translation_key].append(translation)
        for url in urls:
            versions = translations[url["item"].translation_key]
            if len(versions) < 2:
                continue
            url["alternates"] = [
                {
                    "lang_code": version.locale.language_code,
                    "location": f"{protocol}://{domain}{page_path(version)}",
                }
                for version in versions
            ]
            default = next(
                (
                    alternate
                    for alternate in url["alternates"]
                    if alternate["lang_code"] == settings.LANGUAGE_CODE
                ),
                url["alternates"][0],
            )
            url["alternates"].append({**default, "lang_code": "x-default"})
        return urls


class LanguageSitemap(AlternatesMixin, Sitemap):
    """Every live, public page of one language's tree."""

    limit = 10_000  # keeps the alternates query's IN list within every database's limits

    def __init__(self, language_code):
        self.language_code = language_code

    def items(self):
        story = StoryPage.objects.filter(pk=OuterRef("pk"))
        return (
            reader_pages()
            .live()
            .public()
            .filter(locale__language_code=self.language_code, depth__gte=2)
            .annotate(
                story_published=Subquery(story.values("published_at")),
                story_updated=Subquery(story.values("updated_at")),
            )
            .order_by("path")
        )

    def location(self, page):
        return page_path(page)

    def lastmod(self, page):
        if page.story_published or page.story_updated:
            return StoryPage.last_modified_from(
                page.story_published, page.first_published_at, page.story_updated
            )
        # As Wagtail's own sitemap: a page made live without a revision (an import, a
        # script) still has a date Google can use.
        return page.last_published_at or page.latest_revision_created_at or page.first_published_at

    def get_latest_lastmod(self):
        # For the index: Django's default loads every page of the language to find it.
        latest = self.items().aggregate(
            published=Max("last_published_at"), revised=Max("latest_revision_created_at")
        )
        return max(filter(None, latest.values()), default=None)


class NewsSitemap(Sitemap):
    """Google News: one edition's stories and briefings of the last two days, newest first."""

    limit = NEWS_LIMIT

    def __init__(self, language_code, publication_name):
        self.language_code = language_code
        self.publication_name = publication_name

    def items(self):
        return self.recent

    @cached_property
    def recent(self):
        # Made once a request (sitemaps_for): the index asks for its size and its date.
        recent = {
            "locale__language_code": self.language_code,
            "published_at__gte": timezone.now() - NEWS_WINDOW,
        }
        pages = [
            page
            for model in (StoryPage, BriefingPage)
            for page in model.objects.live()
            .public()
            .filter(**recent)
            .order_by(*NEWEST_FIRST)[:NEWS_LIMIT]
        ]
        pages.sort(key=lambda page: (page.published_at, page.pk), reverse=True)
        return pages[:NEWS_LIMIT]

    def location(self, story):
        return page_path(story)

    def lastmod(self, page):
        return page.last_modified

    def get_latest_lastmod(self):
        return max(filter(None, (page.last_modified for page in self.items())), default=None)

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            story = url["item"]
            url["news"] = {
                "publication": self.publication_name,
                "language": self.language_code,
                "date": story.published_at,
                "title": story.title,
            }
        return urls
