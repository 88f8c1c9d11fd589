"""Briefings: the daily newsletter's pages, and the greetings that open them."""

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

import pagecache
from editions.pages import Purged, ReaderPage, ReaderPageQuerySet
from editions.purging import with_feeds
from pagecache import tags

from ..block_widgets import pack_once
from ..blocks import BriefingBodyBlock
from ..feeds import StoryFeedsMixin
from ..pagination import PaginatedListingMixin
from ..video import parse_video_url, validate_video_url
from .snippets import Author
from .story import AUTHOR_FIELDS, NEWEST_FIRST, StoryPage, TopicTag

# What a briefing's card and feed entry read (its body gives the day's headlines).
BRIEFING_CARD_FIELDS = (
    "title",
    "url_path",
    "translation_key",
    "locale",
    "first_published_at",
    "last_published_at",
    "published_at",
    "date",
    "body",
    "lead_video_url",
    "live_revision",  # what its card is kept by (stories.cards)
)


class BriefingIndexPage(StoryFeedsMixin, PaginatedListingMixin, ReaderPage):
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown above the list of briefings."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.BriefingPage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = _("briefing index")

    def feed_stories(self):
        return BriefingPage.objects.child_of(self).for_cards()

    def purged_with(self, parents, root):
        return Purged(urls=with_feeds(self.get_full_url()))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        briefings = BriefingPage.objects.child_of(self).live().public().order_by("-date", "-pk")
        context["briefings"] = self.paginate(request, briefings)
        pagecache.tag_response(
            request,
            tags.children(self.pk),
            *(tags.page(briefing.pk) for briefing in context["briefings"]),
        )
        return context


@register_snippet
class Greeting(TranslatableMixin, models.Model):
    """The library of greetings a briefing opens with, a different language each day."""

    word = models.CharField(
        _("greeting"),
        max_length=60,
        help_text=_("The greeting in its own language and script, e.g. “Habari”."),
    )
    language = models.CharField(
        _("language"),
        max_length=60,
        help_text=_("The name of the greeting's language, in this edition's language."),
    )
    footnote = models.CharField(
        _("footnote"),
        max_length=300,
        help_text=_(
            "The language and where it is spoken, e.g. “Bavarian, Germany and Austria”: "
            "printed at the end of the briefing."
        ),
    )

    panels = [FieldPanel("word"), FieldPanel("language"), FieldPanel("footnote")]
    override_translatable_fields = [SynchronizedField("word")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("greeting")
        verbose_name_plural = _("greetings")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.word} ({self.language})"

    @classmethod
    def offered_for(cls, locale_id):
        """The first greeting of the library not used by the edition's last 30 briefings."""
        recent = BriefingPage.objects.filter(locale_id=locale_id).order_by("-date")[
            :GREETING_MEMORY
        ]
        used = {
            block.value["word"]
            for briefing in recent
            for block in briefing.body
            if block.block_type == "greeting"
        }
        return cls.objects.filter(locale_id=locale_id).exclude(word__in=used).first()


GREETING_MEMORY = 30


class BriefingPageForm(WagtailAdminPageForm):
    def __init__(self, *args, parent_page=None, **kwargs):
        page = kwargs.get("instance")
        if page is not None and page.pk is None and not page.body and parent_page is not None:
            # A new briefing starts with a greeting its readers have not had for a month.
            greeting = Greeting.offered_for(parent_page.locale_id)
            if greeting is not None:
                page.body = [
                    (
                        "greeting",
                        {
                            "word": greeting.word,
                            "language": greeting.language,
                            "footnote": greeting.footnote,
                        },
                    )
                ]
        super().__init__(*args, parent_page=parent_page, **kwargs)
        pack_once(self)


class BriefingPageQuerySet(ReaderPageQuerySet):
    def for_cards(self):
        """Published briefings, newest first, with what their cards and feed entries show."""
        return (
            self.live()
            .public()
            .order_by(*NEWEST_FIRST)
            .only(*BRIEFING_CARD_FIELDS)
            .prefetch_related(
                Prefetch(
                    "bylines",
                    queryset=BriefingByline.objects.select_related("author").only(
                        "page", "author", "sort_order", *(f"author__{f}" for f in AUTHOR_FIELDS)
                    ),
                )
            )
        )


class BriefingPage(ReaderPage):
    date = models.DateField(_("date"), help_text=_("The day this briefing is for."))
    lead_video_url = models.URLField(
        _("video"),
        blank=True,
        validators=[validate_video_url],
        help_text=_(
            "A YouTube or Vimeo address, if the briefing has a video: readers see it under "
            "the greeting, and cards say “Watch video”."
        ),
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        editable=False,
        help_text=_("Set when the briefing is first published; topic pages sort on it."),
    )
    body = StreamField(
        BriefingBodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_(
            "The greeting, then the day's news items, as readers and subscribers get them."
        ),
    )

    objects = PageManager.from_queryset(BriefingPageQuerySet)()
    base_form_class = BriefingPageForm
    parent_page_types = ["stories.BriefingIndexPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead_video_url"),
        FieldPanel("body"),
    ]
    credits_panels = [
        InlinePanel("briefing_topics", heading=_("Topics"), label=_("Topic")),
        InlinePanel(
            "bylines",
            heading=_("Bylines"),
            label=_("Byline"),
            help_text=_("The editors who wrote it, in order. Without any, the magazine signs it."),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(credits_panels, heading=_("Topics & credits")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = Page.search_fields + [index.SearchField("body")]
    override_translatable_fields = [
        SynchronizedField("date"),
        SynchronizedField("lead_video_url"),
    ]

    # What a card asks of a story that a briefing does not have.
    partner = focus_topic = lead_image = lead_image_id = None
    analysis_label = excerpt = ""
    kicker = _("In The News")

    class Meta:
        verbose_name = _("briefing")
        indexes = [
            models.Index(fields=["-published_at", "-page_ptr"], name="briefings_newest_first")
        ]

    def save(self, *args, **kwargs):
        if self.live and self.published_at is None:
            self.published_at = self.first_published_at or timezone.now()
        return super().save(*args, **kwargs)

    def purged_with(self, parents, root):
        # The front page's latest, and the topic pages (and their feeds) that list it.
        topic_ids = list(self.briefing_topics.values_list("topic_id", flat=True))
        shown = {tags.briefings(self.locale_id)}
        shown.update(tags.stories_of("page", topic_id) for topic_id in topic_ids)
        urls = [url for parent in parents for url in with_feeds(parent.get_full_url())]
        for topic in Page.objects.filter(pk__in=topic_ids):
            urls += with_feeds(topic.get_full_url())
        return Purged(shown, urls, news_editions=[self.locale.language_code])

    @property
    def display_date(self):
        return self.published_at or self.first_published_at

    @property
    def last_modified(self):
        return self.display_date

    @property
    def has_video(self):
        return bool(self.lead_video_url)

    @cached_property
    def lead_video(self):
        return parse_video_url(self.lead_video_url)

    @property
    def teaser(self):
        return self.news_headlines

    @property
    def greeting(self):
        """The greeting block's value, whose footnote the page prints at its end."""
        return next((b.value for b in self.body if b.block_type == "greeting"), None)

    @property
    def news_headlines(self):
        """The day's headlines in one line: what search engines show for the briefing."""
        return " · ".join(
            block.value["headline"] for block in self.body if block.block_type == "news_item"
        )

    def localized_stories(self):
        """The stories the news items link to, in this briefing's edition, by translation key.
        News items choose stories in the source language (a PageChooserBlock is not retargeted
        by wagtail-localize): they are resolved to this edition in one query."""
        keys = {
            block.value["story"].translation_key
            for block in self.body
            if block.block_type == "news_item" and block.value.get("story")
        }
        localized = (
            StoryPage.objects.live()
            .filter(translation_key__in=keys, locale_id=self.locale_id)
            .select_related("locale")
        )
        return {story.translation_key: story for story in localized}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["localized_stories"] = self.localized_stories()
        stories = context["localized_stories"].values()
        # From the page's own managers, so that a preview shows the editor's unsaved ones.
        context["bylines"] = bylines = list(self.bylines.select_related("author"))
        context["briefing_topics"] = briefing_topics = list(
            self.briefing_topics.select_related("topic")
        )
        pagecache.tag_response(
            request,
            *(tags.page(story.pk) for story in stories),
            *(tags.snippet(byline.signer) for byline in bylines),
            *(tags.page(briefing_topic.topic_id) for briefing_topic in briefing_topics),
        )
        return context


class BriefingTopic(TopicTag):
    page = ParentalKey(BriefingPage, on_delete=models.CASCADE, related_name="briefing_topics")

    class Meta(TopicTag.Meta):
        verbose_name = _("briefing topic")


class BriefingByline(TranslatableMixin, Orderable):
    """An editor who signed the briefing; translatable like a story's bylines."""

    page = ParentalKey(BriefingPage, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        Author,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="briefing_bylines",
        help_text=_(
            "Readers see “By …” with the authors in this order, each linked to their page."
        ),
    )

    panels = [FieldPanel("author")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("byline")

    @property
    def signer(self):
        """Who the byline names (as a story's byline says it)."""
        return self.author
