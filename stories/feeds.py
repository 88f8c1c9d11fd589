"""RSS and Atom feeds of the stories a page lists: an edition's home, a topic, a section."""

import mimetypes

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

import pagecache
from editions.links import absolute_url, edition_url
from editions.models import MagazineSettings
from pagecache import tags

from . import pictures
from .credits import credits, reporting_credits

FEED_ITEMS = 20


def in_edition_zone(moment):
    """The same instant with the offset of the edition's zone (the middleware's)."""
    return localtime(moment) if moment else None


def reporting_of(item):
    """A story's partner credits (“With reporting from …”); None for a briefing."""
    return getattr(item, "partner_credits", None)


class StoryFeedsMixin(RoutablePageMixin):
    """`feed/rss/` and `feed/atom/` under a page that lists stories (see `feed_stories`)."""

    has_story_feeds = True

    def feed_stories(self):
        """The page's stories, newest first, as its listing shows them."""
        raise NotImplementedError

    def feed_items(self, count):
        """The newest `count` of what the page lists, as cards (stories, briefings)."""
        return list(self.feed_stories()[:count])

    @path("feed/rss/", name="rss_feed")
    def rss_feed(self, request):
        return StoryFeed(self, Rss201rev2Feed)(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        return StoryFeed(self, AtomFeed)(request)


class AtomFeed(Atom1Feed):
    """Atom with one <author> per person credited (RFC 4287 allows several; Django's
    generator writes one, its name the names joined), and a <contributor> per outlet whose
    reporting a story uses."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "author_name": None})
        for element, named in (("author", item["credits"]), ("contributor", item["reporting"])):
            for credit in named:
                handler.startElement(element, {})
                handler.addQuickElement("name", credit.name)
                handler.addQuickElement("uri", credit.url)
                handler.endElement(element)


class StoryFeed(Feed):
    def __init__(self, page, feed_type):
        super().__init__()
        self.page = page
        self.feed_type = feed_type
        self.language = page.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        # Interface strings (the title's "Stories") in the page's language, whatever the URL.
        with override(self.page.locale.language_code):
            return super().__call__(request, *args, **kwargs)

    def title(self):
        magazine = MagazineSettings.for_request(self.request).name
        if self.page.depth <= 2:
            return magazine
        return f"{self.page.title} · {magazine}"

    def link(self):
        return absolute_url(self.request, self.page)

    def feed_url(self):
        return self.request.build_absolute_uri()

    def description(self):
        page = self.page
        return (
            getattr(page, "description", "")
            or getattr(page, "introduction", "")
            or _("The latest stories")
        )

    def items(self):
        stories = self.page.feed_items(FEED_ITEMS)
        # Their pictures come with them (for_cards); the enclosures' renditions in one trip.
        pictures.prefetch([(story.lead_image, "enclosure") for story in stories])
        if self.feed_type is AtomFeed:
            # Stories' other partners (a briefing has none), for Atom's <contributor> (RSS
            # has no such element). Imported here: the models import this module.
            from .models import StoryPartnerCredit

            prefetch_related_objects(
                [story for story in stories if reporting_of(story) is not None],
                Prefetch("partner_credits", StoryPartnerCredit.objects.select_related("partner")),
            )
        pagecache.tag_response(
            self.request,
            tags.stories_of("page", self.page.pk),
            *tags.for_cards(stories),  # their pictures too
        )
        return stories

    def item_title(self, story):
        return story.title

    def item_link(self, story):
        return absolute_url(self.request, story)

    def item_guid(self, story):
        return absolute_url(self.request, story)

    def item_description(self, story):
        return story.teaser

    def author_name(self):
        # A feed's own author: RFC 4287 requires one where an entry could lack it.
        return MagazineSettings.for_request(self.request).name

    def author_link(self):
        return self.request.build_absolute_uri(edition_url(self.language))

    def item_extra_kwargs(self, story):
        credited = reporting_of(story) if self.feed_type is AtomFeed else None
        reporting = reporting_credits(credited.all(), self.request) if credited is not None else []
        return {"credits": self.credits(story), "reporting": reporting}

    def item_author_name(self, story):
        # RSS has one dc:creator; Atom writes an <author> per credit (AtomFeed).
        return ", ".join(credit.name for credit in self.credits(story))

    def credits(self, story):
        # Asked for twice an item (its author's name and the extra kwargs): made once.
        if not hasattr(story, "_credits"):
            story._credits = credits(story, self.request, story.bylines.all())
        return story._credits

    def item_pubdate(self, story):
        return in_edition_zone(story.display_date)

    def item_updateddate(self, story):
        return in_edition_zone(story.last_modified)

    def item_categories(self, story):
        return [story.focus_topic.title] if story.focus_topic else []

    def item_enclosures(self, story):
        rendition = pictures.rendition(story.lead_image, "enclosure") if story.lead_image else None
        try:
            length = rendition.file.size if rendition else None
        except (OSError, ValueError):  # the file is gone from storage: say so, not crash
            length = None
        if length is None:
            return []
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        return [Enclosure(self.request.build_absolute_uri(rendition.url), str(length), mime_type)]
