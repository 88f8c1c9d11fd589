"""Topics: the index of them, and each topic's page of stories."""

from django.db import models
from django.db.models import Exists, OuterRef, Value
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.models import Page, PageManager
from wagtail.search import index

import pagecache
from editions.pages import Purged, ReaderPage, ReaderPageQuerySet
from editions.purging import with_feeds
from pagecache import fragments, tags

from ..cards import kept_cards
from ..feeds import StoryFeedsMixin
from ..pagination import PaginatedListingMixin, show_listing
from .briefings import BriefingPage, BriefingTopic
from .story import NEWEST_FIRST, StoryPage, StoryTopic

FOCUS_WINDOW = 200
STORY, BRIEFING = "story", "briefing"


class TopicIndexPage(ReaderPage):
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown above the list of topics."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.TopicPage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = _("topic index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = topics = (
            TopicPage.objects.child_of(self).live().public().order_by("title")
        )
        pagecache.tag_response(
            request,
            tags.children(self.pk),
            *(tags.page(topic.pk) for topic in topics),
        )
        return context


class TopicPageQuerySet(ReaderPageQuerySet):
    def in_focus(self, locale, count):
        """The focus topics of the edition's newest stories, the one with the newest story
        first: what the front page offers as "In focus". Two queries, whatever the archive:
        only the newest FOCUS_WINDOW stories are looked at."""
        focus_ids = (
            StoryPage.objects.filter(locale=locale)
            .live()
            .order_by(*NEWEST_FIRST)
            .values_list("focus_topic_id", flat=True)[:FOCUS_WINDOW]
        )
        in_order = list(dict.fromkeys(pk for pk in focus_ids if pk is not None))
        topics = {topic.pk: topic for topic in self.filter(pk__in=in_order).live().public()}
        return [topics[pk] for pk in in_order if pk in topics][:count]


class TopicPage(StoryFeedsMixin, PaginatedListingMixin, ReaderPage):
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences shown at the top of the topic page."),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional. Shown at the top of the topic page (beside its name on wide screens), "
            "cropped to a wide band around the focal point you set on the picture, and when "
            "the page is shared. Its description is read out to readers who cannot see it."
        ),
    )

    parent_page_types = ["stories.TopicIndexPage"]
    subpage_types = []
    content_panels = Page.content_panels + [FieldPanel("description"), FieldPanel("lead_image")]
    search_fields = Page.search_fields + [index.SearchField("description")]

    objects = PageManager.from_queryset(TopicPageQuerySet)()
    serve_select_related = ("lead_image",)

    class Meta:
        verbose_name = _("topic")

    def listing(self):
        """The topic's stories and briefings, newest first, as (id, publication time, kind,
        live revision) rows: one query pages through both (`cards` then fetches a page's
        worth of each)."""
        # EXISTS, not a join: PostgreSQL then walks the stories newest first and stops at a
        # page's worth, where a join made it sort all of a large topic's stories.
        # The edition named twice: the story table's copy lets the walk pass over the other
        # editions' stories (stories_edition_newest_first: a busy topic's page at 100,000
        # stories 2.5 ms sooner), while its count, which needs no order, still starts from
        # the page table's (on the copy alone PostgreSQL walked that index to count too).
        tagged = StoryTopic.objects.filter(page=OuterRef("pk"), topic=self)
        stories = StoryPage.objects.filter(
            Exists(tagged), locale_id=self.locale_id, story_locale_id=self.locale_id
        )
        briefed = BriefingTopic.objects.filter(page=OuterRef("pk"), topic=self)
        briefings = BriefingPage.objects.filter(Exists(briefed), locale_id=self.locale_id)
        # UNION ALL: a page is one or the other, so there is nothing to deduplicate.
        return (
            stories.live()
            .public()
            .order_by()
            .annotate(kind=Value(STORY))
            .values_list("pk", "published_at", "kind", "live_revision")
            .union(
                briefings.live()
                .public()
                .order_by()
                .annotate(kind=Value(BRIEFING))
                .values_list("pk", "published_at", "kind", "live_revision"),
                all=True,
            )
            .order_by(*NEWEST_FIRST)
        )

    def feed_items(self, count):
        return cards(self.listing()[:count])

    def purged_with(self, parents, root):
        return Purged(urls=with_feeds(self.get_full_url()))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.lazy_listing(request, context)
        # Its picture: across its header, and in its metadata as the one it is shared with.
        picture = tags.image(self.lead_image_id)
        context["metadata_shows"] = [*context["metadata_shows"], picture]
        pagecache.tag_response(request, picture)
        return context

    def stories_page(self, request):
        # Counted up to the listing's limit, for its header's "N articles".
        items = self.paginate(request, self.listing(), count_all=True)
        # As topic_page.html shows them: <h2> headlines, the first card the lead.
        items.object_list = cards(items.object_list, request, heading_level=2, layout="lead")
        show_listing(request, self, items)
        return items


def cards(rows, request=None, heading_level=None, layout="grid"):
    """Story and briefing cards for `listing` rows, in their order: two queries for each
    kind on the page (the pages, their bylines), however many rows. Given the request and
    the cards' heading level and layout, the cards kept in the cache for this request are
    not fetched but come as they were kept (stories.cards.KeptCard)."""
    rows = list(rows)
    found = {}
    if request is not None and fragments.enabled(request):
        found = kept_cards(
            request, [(pk, revision) for pk, _, _, revision in rows], heading_level, layout
        )
    for kind, model in ((STORY, StoryPage), (BRIEFING, BriefingPage)):
        ids = [pk for pk, _, row_kind, _ in rows if row_kind == kind and pk not in found]
        if ids:
            found.update((card.pk, card) for card in model.objects.filter(pk__in=ids).for_cards())
    return [found[pk] for pk, *_ in rows if pk in found]
