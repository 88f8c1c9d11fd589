"""What each change purges. For the page cache, the tags of what changed: every cached
response showing it goes. For a CDN, which is purged by address, the pages that show it:
the page in every language, the listings it joins or leaves (its section, topics, authors'
and partner's pages, the edition's front page), their feeds and the sitemaps."""

import os

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import SEARCH_PATH, HomePage, MagazineSettings
from home.pages import ReaderPage
from stories.models import (
    Author,
    BriefingPage,
    PartnerOutlet,
    SectionPage,
    StoryPage,
    TopicPage,
    edition_url,
)

from . import tags
from .purge import purge

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
    editions = []
    if isinstance(page, (HomePage, SectionPage)):
        shown.add(tags.edition(page.locale_id))  # the menu and the tagline on every page
    if isinstance(page, TopicPage):
        urls += with_feeds(page.get_full_url())
    if isinstance(page, BriefingPage):
        shown.add(tags.briefings(page.locale_id))
    if isinstance(page, StoryPage):
        story_shown, story_urls = story_listings(page, parents, root)
        shown |= story_shown
        urls += story_urls
        editions = [page.locale.language_code]
    if moved_from is not None:
        # Every page below a moved page has a new address, and so does every card of it.
        shown.update(tags.page(pk) for pk in page.get_descendants().values_list("pk", flat=True))
    shown.update(tags.sitemap(f"news-{code}") for code in editions)
    urls += sitemap_urls(root, languages, editions)
    purge(shown, urls)


def story_listings(story, parents, root):
    """The listings a story is on, or joins or leaves: its section's, its topics', its
    authors' and partner's, and its edition's (front page, feeds, search, news sitemap)."""
    home = HomePage.objects.filter(path=story.path[: 2 * Page.steplen]).first()
    topic_ids = list(story.story_topics.values_list("topic_id", flat=True))
    # An author's page lists the stories of its own language (a translated story may still
    # credit an untranslated author, and is not on that author's page).
    authors = list(Author.objects.filter(bylines__page=story, locale=story.locale_id).distinct())
    shown = {tags.stories_of("page", parent.pk) for parent in parents}
    shown.update(tags.stories_of("page", topic_id) for topic_id in topic_ids)
    shown.update(tags.stories_of("author", author.pk) for author in authors)
    urls = [url for parent in parents for url in with_feeds(parent.get_full_url())]
    for topic in TopicPage.objects.filter(pk__in=topic_ids):
        urls += with_feeds(topic.get_full_url())
    urls += [root + author.url for author in authors]
    if story.partner_id and story.partner.locale_id == story.locale_id:
        shown.add(tags.stories_of("partner", story.partner_id))
        urls.append(root + story.partner.url)
    if home is not None:
        shown.add(tags.stories_of("page", home.pk))
        urls += with_feeds(home.get_full_url())
        urls.append(root + edition_url(story.locale.language_code, SEARCH_PATH))
    return shown, urls


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


@receiver([post_save, post_delete], sender=Author)
def on_author_change(instance, **kwargs):
    if kwargs.get("raw"):
        return  # rows loaded as they were (restore_site), which rebuilds the rest
    root = site_root_url()
    translations = Author.objects.filter(translation_key=instance.translation_key)
    purge({tags.snippet(instance)}, [root + t.url for t in translations])


@receiver([post_save, post_delete], sender=PartnerOutlet)
def on_partner_change(instance, **kwargs):
    if kwargs.get("raw"):
        return  # rows loaded as they were (restore_site), which rebuilds the rest
    root = site_root_url()
    translations = PartnerOutlet.objects.filter(translation_key=instance.translation_key)
    purge({tags.snippet(instance)}, [root + t.url for t in translations])


@receiver([post_save, post_delete], sender=get_image_model())
def on_image_change(instance, **kwargs):
    if kwargs.get("raw"):
        return  # rows loaded as they were (restore_site), which rebuilds the rest
    using = ReferenceIndex.get_references_to(instance).group_by_source_object()
    urls = [obj.get_full_url() for obj, _refs in using if isinstance(obj, Page) and obj.live]
    purge({tags.image(instance.pk)}, urls)


@receiver([post_save, post_delete], sender=MagazineSettings)
@receiver([post_save, post_delete], sender=Site)
@receiver([post_save, post_delete], sender=Locale)
def on_site_change(**kwargs):
    # Shown on every page: the cache starts again. The CDN is told of the front pages; its
    # other copies follow within their s-maxage.
    if kwargs.get("raw"):
        return  # rows loaded as they were (restore_site), which rebuilds the rest
    purge({tags.SITE}, [home.get_full_url() for home in HomePage.objects.live()])


@receiver([post_save, post_delete], sender=PageViewRestriction)
def on_privacy_change(instance, **kwargs):
    # A page made private must leave every cache at once, with everything below it.
    if kwargs.get("raw"):
        return  # rows loaded as they were (restore_site), which rebuilds the rest
    page = Page.objects.filter(pk=instance.page_id).first()
    pages = Page.objects.filter(path__startswith=page.path) if page else []
    purge({tags.SITE}, [page.get_full_url() for page in pages])
