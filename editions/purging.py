"""What a reader page's change purges. For the page cache, the tags of what changed: every
cached response showing it goes. For a CDN, which is purged by address, the pages that show
it: the page in every language, its parents' listings, the sitemaps, and what its own type
adds (ReaderPage.purged_with: a story's section, topics, authors' and partner's pages, the
edition's front page and their feeds).

Changes that are not a page's (pictures, sites, languages, privacy) are pagecache.signals';
authors' and partners' are stories'."""

import os

from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from pagecache import tags
from pagecache.purge import purge

from .pages import ReaderPage

FEEDS = ("feed/rss/", "feed/atom/")


def site_root_url():
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url if site else ""


def with_feeds(url):
    return [url, *(url + feed for feed in FEEDS)] if url else []


def sitemap_urls(root, language_codes, editions=()):
    urls = [f"{root}/sitemap.xml"]
    urls += [f"{root}/sitemap-{code}.xml" for code in language_codes]
    urls += [f"{root}/sitemap-news-{code}.xml" for code in editions]
    return urls


def page_changed(page, *, parents=(), moved_from=None):
    """`page` was published, unpublished (as Wagtail does before deleting a live page) or
    moved. Pages never published were never shown."""
    page = page.specific
    translations = list(
        Page.objects.filter(translation_key=page.translation_key).select_related("locale")
    )
    languages = {t.locale.language_code for t in translations}
    shown = {tags.page(page.pk), tags.translations(page.translation_key), tags.SITEMAPS}
    shown.update(tags.sitemap(code) for code in languages)
    shown.update(tags.children(parent.pk) for parent in parents)
    urls = [t.get_full_url() for t in translations if t.live or t.pk == page.pk]
    urls += [moved_from] + [parent.get_full_url() for parent in parents]
    root = site_root_url()
    purged = page.purged_with(parents, root)
    shown |= purged.shown
    urls += purged.urls
    if moved_from is not None:
        # Every page below a moved page has a new address, and so does every card of it.
        shown.update(tags.page(pk) for pk in page.get_descendants().values_list("pk", flat=True))
    shown.update(tags.sitemap(f"news-{code}") for code in purged.news_editions)
    urls += sitemap_urls(root, languages, purged.news_editions)
    purge(shown, urls)


@receiver(page_published)
@receiver(page_unpublished)
def on_publish_or_unpublish(sender, instance, **kwargs):
    if isinstance(instance, ReaderPage):
        parent = instance.get_parent()
        page_changed(instance, parents=[parent] if parent else [])


@receiver(post_page_move)
def on_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    page = instance.specific
    if not isinstance(page, ReaderPage) or not page.live:
        return
    before, after = kwargs["url_path_before"], kwargs["url_path_after"]
    page_changed(
        page,
        parents=[parent_page_before, parent_page_after],
        moved_from=moved_from_url(page, before, after),
    )


def moved_from_url(page, url_path_before, url_path_after):
    """The full address the page had before it moved (the tails of the two url_paths differ;
    the edition's prefix and host are the same)."""
    url = page.get_full_url()
    if url is None:
        return None
    common = len(os.path.commonprefix([url_path_before, url_path_after]))
    return url[: len(url) - (len(url_path_after) - common)] + url_path_before[common:]
