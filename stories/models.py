"""Topics, sections, stories, briefings and the snippets stories use."""

import contextlib
import copy
import functools
import string

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, prefetch_related_objects
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

import pagecache
from home.links import live_translations, page_alternates
from home.locales import language_code
from home.pages import ReaderPage, ReaderPageQuerySet
from pagecache import tags

from . import pictures
from .blocks import ANALYSIS_LABELS, BriefingBodyBlock, StoryBodyBlock
from .choosers import (
    author_message,
    cross_language_links,
    in_locale,
    topic_message,
)
from .feeds import StoryFeedsMixin
from .localize import PerEditionField
from .provenance import original_of, translated_from, with_original_marks
from .sharing import share_links
from .video import parse_video_url, validate_video_url

STORIES_PER_PAGE = 10
# Listings page through their newest stories only (sitemaps and search reach the rest):
# counting a topic or section of the whole archive for every page of it cost more than the
# page itself.
LISTED_PAGES = 100
# Page links reach this many pages either side of the one shown ("1 … 4 5 [6] 7 8 …"), and
# listings count their stories only that far ahead: counting a busy topic's newest 1,000
# walked a thousand index entries, ten times what its page shows.
PAGES_AHEAD = 2
RELATED_STORIES = 3
EXCERPT_WORDS = 60
FOCUS_WINDOW = 200
# Stories newest first. Every live story has its publication time (see StoryPage.save), and
# the index on it (stories_newest_first) serves listings of any size without sorting them.
NEWEST_FIRST = ("-published_at", "-pk")
IMAGE_OF_BLOCK = {"image": "image", "video": "poster"}


ATTRIBUTION_PLACEHOLDERS = ("partner", "author", "headline", "date")


def validate_attribution_template(value):
    try:
        fields = [
            (name, spec, conversion)
            for _text, name, spec, conversion in string.Formatter().parse(value)
            if name is not None
        ]
    except ValueError:  # an unmatched brace
        fields = None
    if fields is None or any(
        name not in ATTRIBUTION_PLACEHOLDERS or spec or conversion
        for name, spec, conversion in fields
    ):
        raise ValidationError(
            _("Use only {partner}, {author}, {headline} and {date} in braces."),
            code="invalid",
        )


def language_choices():
    # A callable, so adding a language to settings needs no migration.
    return settings.LANGUAGES


class ListingPaginator(Paginator):
    """Pages through the first `limit` items of a listing, counted without the listing's
    order, which only the page shown needs: the database may then count along whichever index
    suits it, rather than walk the archive newest first.

    With `ahead`, it counts only as far as `ahead` pages past the one asked for, so a page
    costs the same however long the listing: `truncated` then says that more pages follow
    the last one counted (which readers reach through "Older")."""

    def __init__(self, object_list, per_page, limit, ahead=None):
        super().__init__(object_list, per_page)
        self.limit = limit
        self.ahead = ahead
        self.asked_for = 1

    def get_page(self, number):
        with contextlib.suppress(TypeError, ValueError):
            asked_for = int(number)
            # Numbers below 1 give the last page, like those past it: counted to the limit.
            self.asked_for = asked_for if asked_for >= 1 else self.limit
        return super().get_page(number)

    @cached_property
    def count(self):
        """How many items are listed: at most the horizon (one more is counted, to tell
        whether the listing stops short of everything; see `truncated`)."""
        horizon = self.limit
        if self.ahead is not None:
            horizon = min(horizon, (self.asked_for + self.ahead) * self.per_page)
        items = self.object_list
        if self.ahead is None and not isinstance(items, list | tuple):
            # Everything up to the limit is counted: fetched once, the items themselves are
            # the count and the pages (for search results, one search rather than two).
            self.object_list = items = list(items[: horizon + 1])
        if isinstance(items, list | tuple):
            found = len(items)
        else:
            if isinstance(items, models.QuerySet):
                items = items.order_by()
            found = items[: horizon + 1].count()
        self.truncated = found > horizon
        return min(found, horizon)


class PaginatedListingMixin:
    """Listing pages share one way of reading `?page=`: bad values never raise."""

    def paginate(
        self, request, queryset, per_page=STORIES_PER_PAGE, pages=LISTED_PAGES, ahead=PAGES_AHEAD
    ):
        """A page of `queryset`. `ahead=None` counts every item up to the limit, for a page
        that says how many there are (search results)."""
        # get_page() turns junk into page 1 and out-of-range numbers into the last page.
        paginator = ListingPaginator(queryset, per_page, pages * per_page, ahead)
        page = paginator.get_page(request.GET.get("page"))
        # "1 … 4 5 [6] 7 8 …", not a link to every page of a large archive; the last page's
        # number only when it was counted.
        page.page_links = list(
            paginator.get_elided_page_range(page.number, on_each_side=PAGES_AHEAD, on_ends=1)
        )
        if paginator.truncated and paginator.count < paginator.limit:
            page.page_links.append(paginator.ELLIPSIS)
        return page


def show_listing(request, page, stories):
    """Tell the page cache that `page` lists `stories` (a page of them): it is purged when a
    story joins or leaves its list, and when a card changes."""
    pagecache.show(request, tags.stories_of("page", page.pk), *tags.for_cards(stories))


# Snippets ------------------------------------------------------------------

AUTHORS_PATH = "authors"
PARTNERS_PATH = "partners"


@functools.cache
def _edition_prefix(language_code):
    # Fixed by the URLconf; cached because every byline on every card asks for it.
    with translation.override(language_code):
        return reverse("wagtail_serve", args=[""])


def edition_url(language_code, *parts):
    """/<language>/<parts>/: the address of a route under an edition's home page."""
    return _edition_prefix(language_code) + "".join(f"{part}/" for part in parts)


class ReaderPageSnippetMixin(models.Model):
    """A snippet with a page of its own under each edition's home (see home.HomePage)."""

    slug = models.SlugField(
        _("slug"),
        max_length=120,
        blank=True,
        help_text=_(
            "The last part of the address of its page, e.g. “ilya-sorin”. Filled in from "
            "the name when left empty; the same in every language."
        ),
    )
    url_path_prefix = None  # AUTHORS_PATH or PARTNERS_PATH

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug()
        super().save(*args, **kwargs)

    def unique_slug(self):
        base = slugify(self.name)[:110] or str(self.translation_key)[:8]
        taken = set(
            type(self)
            .objects.filter(locale_id=self.locale_id, slug__startswith=base)
            .exclude(translation_key=self.translation_key)
            .values_list("slug", flat=True)
        )
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        return slug

    @property
    def url(self):
        return edition_url(language_code(self.locale_id), self.url_path_prefix, self.slug)


@register_snippet
class Author(TranslatableMixin, ReaderPageSnippetMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120, help_text=_("As printed in bylines."))
    role = models.CharField(
        _("role"),
        max_length=120,
        blank=True,
        help_text=_("Shown under the name on the story, e.g. “Europe editor”."),
    )
    bio = models.TextField(
        _("biography"), blank=True, help_text=_("Two or three sentences readers see on stories.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A portrait, shown round beside the byline and on the author's page."),
    )

    url_path_prefix = AUTHORS_PATH

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # The name is translatable so that editions in other scripts can transliterate it;
    # the slug is not, so an author's address differs only by its language prefix.
    override_translatable_fields = [SynchronizedField("photo"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_author_slug_per_locale")
        ]

    def __str__(self):
        return self.name


@register_snippet
class PartnerOutlet(TranslatableMixin, ReaderPageSnippetMixin, index.Indexed, models.Model):
    name = models.CharField(
        _("name"), max_length=120, help_text=_("The outlet's name as our readers see it.")
    )
    native_name = models.CharField(
        _("native name"),
        max_length=120,
        blank=True,
        help_text=_("The outlet's own name in its language and script, e.g. “Простые факты”."),
    )
    country = models.CharField(
        _("country"),
        max_length=80,
        blank=True,
        help_text=_("Where the outlet is based, shown on its partner page."),
    )
    language = models.CharField(
        _("language"),
        max_length=12,
        choices=language_choices,
        help_text=_("The language the outlet publishes in."),
    )
    website = models.URLField(
        _("website"),
        blank=True,
        help_text=_("The outlet's home page; readers find the link on its partner page."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the outlet's partner page and when its page is shared."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Two sentences introducing the outlet.")
    )

    # Syndication (the syndication app imports from the feed).
    feed_url = models.URLField(
        _("feed URL"),
        max_length=500,
        blank=True,
        help_text=_(
            "The outlet's RSS or Atom feed. When set, the desk can import its new stories as "
            "drafts in the outlet's language (Incoming), and the nightly import does too."
        ),
    )
    import_section = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("import into section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The section imported stories are filed in, as drafts, in the outlet's language "
            "(that language's version of this section)."
        ),
    )
    licence_terms = models.TextField(
        _("licence terms"),
        blank=True,
        help_text=_(
            "What our agreement with the outlet allows, for the desk: e.g. “Translation and "
            "republication with attribution; photos for use with the story only.”"
        ),
    )
    attribution_template = models.CharField(
        _("attribution line"),
        max_length=300,
        blank=True,
        validators=[validate_attribution_template],
        help_text=_(
            "Shown under each of the outlet's stories, in each language. It may name "
            "{partner}, {author}, {headline} and {date}, e.g. “© {partner}. Published "
            "under a partnership agreement.”"
        ),
    )
    originals_publishable = models.BooleanField(
        _("originals may be published"),
        default=False,
        help_text=_(
            "Whether the outlet's stories may be published on our site in its own language. "
            "When off, only their translations can be published."
        ),
    )

    url_path_prefix = PARTNERS_PATH

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("native_name"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("language")]),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("feed_url"),
                PageChooserPanel("import_section", page_type="stories.SectionPage"),
                FieldPanel("licence_terms"),
                FieldPanel("attribution_template"),
                FieldPanel("originals_publishable"),
            ],
            heading=_("Syndication"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("native_name"),
        index.AutocompleteField("name"),
    ]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("native_name"),
        SynchronizedField("language"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
        SynchronizedField("feed_url"),
        SynchronizedField("import_section"),
        SynchronizedField("licence_terms"),
        SynchronizedField("originals_publishable"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner outlet")
        verbose_name_plural = _("partner outlets")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_partneroutlet_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name

    def first_version(self):
        """The version of this outlet its translations are made from: the first one. Its
        syndication settings are the ones that count (they are synchronised fields, which
        the other versions receive only when their translation is synced)."""
        return (
            type(self).objects.filter(translation_key=self.translation_key).order_by("pk").first()
            or self
        )

    def attribution(self, story):
        """The attribution line under `story`, with its placeholders filled; "" if none."""
        if not self.attribution_template:
            return ""
        date = story.original_published_at
        with contextlib.suppress(ValueError, KeyError, IndexError, AttributeError):
            return self.attribution_template.format_map(
                {
                    "partner": self.name,
                    "author": story.original_author,
                    "headline": story.original_headline,
                    "date": formats.date_format(date) if date else "",
                }
            )
        return ""  # a line saved before it was validated


# Topics and sections -------------------------------------------------------


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
        pagecache.show(
            request,
            tags.children(self.pk),
            *(tags.page(topic.pk) for topic in topics),
        )
        return context


# What cards, feeds and listings' structured data read of a story: a page row has sixty
# columns, and fetching and building them all was a good part of a listing's time.
CARD_FIELDS = (
    "title",
    "url_path",
    "translation_key",
    "locale",
    "first_published_at",
    "last_published_at",
    "published_at",
    "updated_at",
    "summary",
    "standfirst",
    "excerpt",
    "analysis_kind",
    "has_video",
    "partner",
    "lead_image",
)

# A card's byline links each author's name to their page; its label links to the topic.
AUTHOR_FIELDS = ("name", "slug", "translation_key", "locale")
# A card names its partner outlet and links to the outlet's page; the rest of an outlet
# (its terms, description, feed) is a dozen columns more for Django to compile and load.
PARTNER_FIELDS = ("name", "slug", "locale")
# A topic's link (a card's label, a story's list of topics) names and addresses the topic.
TOPIC_LINK_FIELDS = ("title", "url_path", "translation_key")
STORY_TOPIC_FIELDS = (
    "page",
    "topic",
    "is_focus",
    "sort_order",
    *(f"topic__{f}" for f in TOPIC_LINK_FIELDS),
)


def first_focus(story_topics):
    """The story topic a story's cards are labelled with: its first focus topic, or None."""
    return next((story_topic for story_topic in story_topics if story_topic.is_focus), None)


class StoryPageQuerySet(ReaderPageQuerySet):
    def for_cards(self, bylines=True):
        """Published stories, newest first, with everything a story card shows (but their
        bylines with `bylines=False`, for a caller that fetches them with others)."""
        stories = (
            self.live()
            .public()
            .order_by(*NEWEST_FIRST)
            .only(
                *CARD_FIELDS,
                *(f"partner__{f}" for f in PARTNER_FIELDS),
                *(f"focus_topic__{f}" for f in TOPIC_LINK_FIELDS),
            )
            .select_related("partner", "focus_topic")
        )
        if bylines:
            stories = stories.prefetch_related(
                Prefetch(
                    "bylines",
                    queryset=StoryByline.objects.select_related("author").only(
                        "page", "author", "sort_order", *(f"author__{f}" for f in AUTHOR_FIELDS)
                    ),
                )
            )
        return stories


StoryPageManager = PageManager.from_queryset(StoryPageQuerySet)


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

    parent_page_types = ["stories.TopicIndexPage"]
    subpage_types = []
    content_panels = Page.content_panels + [FieldPanel("description")]
    search_fields = Page.search_fields + [index.SearchField("description")]

    objects = PageManager.from_queryset(TopicPageQuerySet)()

    class Meta:
        verbose_name = _("topic")

    def feed_stories(self):
        # EXISTS, not a join: PostgreSQL then walks the stories newest first and stops at a
        # page's worth, where a join made it sort all of a large topic's stories.
        # The edition named twice: the story table's copy lets the walk pass over the other
        # editions' stories (stories_edition_newest_first: a busy topic's page at 100,000
        # stories 2.5 ms sooner), while its count, which needs no order, still starts from
        # the page table's (on the copy alone PostgreSQL walked that index to count too).
        tagged = StoryTopic.objects.filter(page=OuterRef("pk"), topic=self)
        return StoryPage.objects.filter(
            Exists(tagged), locale_id=self.locale_id, story_locale_id=self.locale_id
        ).for_cards()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = self.paginate(request, self.feed_stories())
        show_listing(request, self, context["stories"])
        return context


class SectionPage(StoryFeedsMixin, PaginatedListingMixin, ReaderPage):
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences shown at the top of the section page."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    content_panels = Page.content_panels + [FieldPanel("description")]
    search_fields = Page.search_fields + [index.SearchField("description")]

    class Meta:
        verbose_name = _("section")

    def feed_stories(self):
        return StoryPage.objects.child_of(self).for_cards()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = self.paginate(request, self.feed_stories())
        show_listing(request, self, context["stories"])
        return context


# Stories -------------------------------------------------------------------


# What a partner's story must say about where it came from: readers see it, and it is what
# the partner's licence asks of us.
PROVENANCE_REQUIRED = (
    "original_headline",
    "original_url",
    "original_language",
    "original_published_at",
)


class StoryPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.locale_id:  # a new story: its section's language
            self.instance.locale = self.parent_page.locale
        # Choosers open in the story's language (stories.choosers).
        if "partner" in self.fields:
            in_locale(self.fields["partner"], self.instance.locale)
        for relation, name in (("story_topics", "topic"), ("bylines", "author")):
            formset = self.formsets.get(relation)
            if formset is not None:
                fields = copy.deepcopy(formset.form.base_fields)
                in_locale(fields[name], self.instance.locale)
                formset.form = type(formset.form.__name__, (formset.form,), {})
                formset.form.base_fields = fields

    def chosen(self, relation):
        return [
            form
            for form in self.formsets[relation].forms
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def clean(self):
        cleaned_data = super().clean()
        self.clean_provenance(cleaned_data)
        locale = self.instance.locale
        forms_ = self.chosen("story_topics")
        for form in forms_:
            topic = form.cleaned_data.get("topic")
            if topic is not None and topic.locale_id != locale.pk:
                form.add_error("topic", topic_message(topic, locale))
        for form in self.chosen("bylines"):
            author = form.cleaned_data.get("author")
            if author is not None and author.locale_id != locale.pk:
                form.add_error("author", author_message(author, locale))
        if sum(1 for form in forms_ if form.cleaned_data.get("is_focus")) > 1:
            raise forms.ValidationError(_("Only one topic can be the story's focus."))
        topic_ids = [
            form.cleaned_data["topic"].pk for form in forms_ if form.cleaned_data.get("topic")
        ]
        if len(topic_ids) != len(set(topic_ids)):
            raise forms.ValidationError(_("Each topic can be added to a story only once."))
        return cleaned_data

    def clean_provenance(self, cleaned_data):
        partner = cleaned_data.get("partner")
        if partner is None:
            return
        if not cleaned_data.get("original_language") and "original_language" in self.fields:
            # Not guessed from the partner: a story the desk wrote in English with a
            # partner's reporting is not "Translated from Russian".
            self.add_error(
                "original_language",
                _(
                    "Which language was the original written in? %(partner)s publishes in "
                    "%(language)s; choose this story's own language if it was not translated."
                )
                % {"partner": partner.name, "language": partner.get_language_display()},
            )
        locale = self.instance.locale if self.instance.locale_id else self.parent_page.locale
        # Publishing, or a step that ends in it: submitting to, or acting in, a workflow.
        publishing = any(
            action in self.data
            for action in ("action-publish", "action-submit", "action-workflow-action")
        )
        if (
            publishing
            and locale.language_code == partner.language
            and not partner.first_version().originals_publishable
        ):
            self.add_error(
                "partner",
                _(
                    "Our agreement with %(partner)s does not allow publishing its stories in "
                    "their original language: publish a translation instead."
                )
                % {"partner": partner.name},
            )
        for name in PROVENANCE_REQUIRED:
            if name in self.fields and not cleaned_data.get(name) and name not in self.errors:
                self.add_error(
                    name,
                    _("A partner's story needs this: fill it in, or clear the partner outlet."),
                )


class StoryPage(ReaderPage):
    standfirst = models.TextField(
        _("standfirst"),
        blank=True,
        help_text=_("One or two sentences under the headline that tell readers why it matters."),
    )
    summary = models.TextField(
        _("card summary"),
        blank=True,
        max_length=300,
        help_text=_("The teaser readers see on topic, section and home page cards."),
    )
    dateline = models.CharField(
        _("dateline"),
        max_length=80,
        blank=True,
        help_text=_("The city the story is reported from, e.g. “Varensk”."),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown above the story and on social media."),
    )
    lead_video_url = models.URLField(
        _("lead video"),
        blank=True,
        validators=[validate_video_url],
        help_text=_(
            "A YouTube or Vimeo address. When set, the story opens with the video instead "
            "of the lead image (the image becomes its poster), and cards say “Watch video”."
        ),
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_(
            "Shown to readers. Leave empty to use the time the story is first published "
            "(it is filled in then)."
        ),
    )
    updated_at = models.DateTimeField(
        _("last updated"),
        null=True,
        blank=True,
        help_text=_(
            "Shown to readers as “Updated …” when set. Adding an update note to the body "
            "sets it to the note's time."
        ),
    )
    body = StreamField(
        StoryBodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_(
            "The story as readers read it, block by block. The first words of its paragraphs "
            "are also the excerpt readers open on cards with “Keep reading”."
        ),
    )

    # What cards show of the body, derived from it on every save (refresh_card_fields) so
    # that listings never load the body itself (for_cards defers it).
    excerpt = models.TextField(_("excerpt"), blank=True, editable=False)
    analysis_kind = models.CharField(_("analysis kind"), max_length=20, blank=True, editable=False)
    has_video = models.BooleanField(_("has video"), default=False, editable=False)
    # The topic its card is labelled with (the first focus topic of its topics), joined by
    # listings instead of fetching every card's topics in a query of its own.
    focus_topic = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("focus topic"),
        null=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )
    # The page's locale, copied on save into the story's own table so that one index
    # (stories_edition_newest_first) walks an edition's stories newest first: the page
    # table's locale cannot lead an index of this one, so search walked both editions and
    # checked each story's words before its language (twice the work at any size).
    story_locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("locale"),
        null=True,
        on_delete=models.PROTECT,
        editable=False,
        related_name="+",
        db_index=False,
    )

    # Provenance: where a partner's story came from.
    partner = models.ForeignKey(
        "stories.PartnerOutlet",
        verbose_name=_("partner outlet"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stories",
        help_text=_(
            "The outlet that first published this story, if it is a partner's. Once chosen, "
            "the original headline, URL, language and publication date are required."
        ),
    )
    original_headline = models.CharField(
        _("original headline"),
        max_length=255,
        blank=True,
        help_text=_("The headline as the partner published it, in its language."),
    )
    original_url = models.URLField(
        _("original URL"),
        max_length=500,
        blank=True,
        help_text=_("Readers follow this link from “Originally published by …”."),
    )
    original_language = models.CharField(
        _("original language"),
        max_length=12,
        blank=True,
        choices=language_choices,
        help_text=_("Readers see “Translated from …” with this language."),
    )
    original_author = models.CharField(
        _("original author"),
        max_length=200,
        blank=True,
        help_text=_(
            "Who wrote the original, as the partner credits them; shown in the source note."
        ),
    )
    original_published_at = models.DateField(
        _("original publication date"),
        null=True,
        blank=True,
        help_text=_("When the partner published it; search engines are told of it too."),
    )
    translator_credit = models.CharField(
        _("translator credit"),
        max_length=200,
        blank=True,
        help_text=_(
            "Who translated this version from the partner's language, shown as "
            "“Translation: …”. Leave it empty on a story written in its original language. "
            "Each translation credits its own translator, who sets it in the translation "
            "editor; it starts empty."
        ),
    )

    objects = StoryPageManager()
    serve_select_related = ("partner", "lead_image")
    base_form_class = StoryPageForm
    parent_page_types = ["stories.SectionPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("summary"),
        index.SearchField("dateline"),
        index.SearchField("body"),
        index.SearchField("original_headline"),
        index.RelatedFields(
            "bylines", [index.RelatedFields("author", [index.SearchField("name")])]
        ),
        index.FilterField("published_at"),
        index.FilterField("story_locale"),
    ]
    override_translatable_fields = [
        SynchronizedField("lead_video_url"),
        SynchronizedField("original_headline"),
        SynchronizedField("original_url"),
        SynchronizedField("original_author"),
        PerEditionField("translator_credit"),
    ]
    exclude_fields_in_copy = ["translator_credit"]  # a new translation credits nobody yet

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        FieldPanel("dateline"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_video_url")], heading=_("Lead media")
        ),
        FieldPanel("body"),
    ]
    credits_panels = [
        InlinePanel("story_topics", heading=_("Topics"), label=_("Topic"), min_num=1),
        InlinePanel("bylines", heading=_("Bylines"), label=_("Byline")),
    ]
    source_panels = [
        FieldPanel("partner"),
        FieldPanel("original_headline"),
        FieldPanel("original_url"),
        FieldRowPanel([FieldPanel("original_language"), FieldPanel("original_published_at")]),
        FieldPanel("original_author"),
        FieldPanel("translator_credit"),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("summary")]
    settings_panels = Page.settings_panels + [
        FieldRowPanel([FieldPanel("published_at"), FieldPanel("updated_at")])
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(credits_panels, heading=_("Topics & credits")),
            ObjectList(source_panels, heading=_("Source")),
            ObjectList(promote_panels, heading=_("Promote")),
            ObjectList(settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        indexes = [
            models.Index(fields=["-published_at", "-page_ptr"], name="stories_newest_first"),
            models.Index(
                fields=["story_locale", "-published_at", "-page_ptr"],
                name="stories_edition_newest_first",
            ),
        ]

    def clean(self):
        super().clean()
        # Topics and bylines are checked by the form (they are not on the page until it is
        # saved) and by the translation desk; the partner is a field of the page itself.
        if self.locale_id and self.partner_id and self.partner.locale_id != self.locale_id:
            raise ValidationError(
                {"partner": cross_language_links(self, self.locale, relations=("partner",))}
            )

    def save(self, *args, **kwargs):
        if self.live and self.published_at is None:
            # The time readers are shown, and listings sort on, is fixed at first publication.
            self.published_at = self.first_published_at or timezone.now()
        if self.locale_id is None:
            # Wagtail gives a new page its parent's locale later in saving; the copy needs it now.
            self.locale = self.get_default_locale()
        self.story_locale_id = self.locale_id
        # An update note is the desk's record of a change readers should know about: the
        # story's last-updated time follows the newest one (and never goes back).
        newest_note = max(
            (b.value["updated_at"] for b in self.body if b.block_type == "update_note"),
            default=None,
        )
        if newest_note and (self.updated_at is None or newest_note > self.updated_at):
            self.updated_at = newest_note
        self.refresh_card_fields()
        return super().save(*args, **kwargs)

    def refresh_card_fields(self):
        """Derive what cards show from the body: the excerpt readers open with “Keep
        reading”, the analysis label and the video marker."""
        text = " ".join(
            strip_tags(block.value.source) for block in self.body if block.block_type == "paragraph"
        )
        self.excerpt = Truncator(text).words(EXCERPT_WORDS)
        self.analysis_kind = next(
            (block.value for block in self.body if block.block_type == "analysis_label"), ""
        )
        self.has_video = bool(self.lead_video_url) or any(
            block.block_type == "video" for block in self.body
        )
        focus = first_focus(self.story_topics.all())
        self.focus_topic_id = focus.topic_id if focus else None

    @property
    def display_date(self):
        return self.published_at or self.first_published_at

    @property
    def translated_from(self):
        """“Translated from Russian.” in the reader's language; empty on the original."""
        if not self.original_language or self.original_language == self.locale.language_code:
            return ""
        return translated_from(self.original_language)

    @property
    def attribution_line(self):
        """The partner's attribution line for this story (PartnerOutlet.attribution)."""
        return self.partner.attribution(self) if self.partner else ""

    @cached_property
    def lead_video(self):
        return parse_video_url(self.lead_video_url)

    @property
    def analysis_label(self):
        return dict(ANALYSIS_LABELS).get(self.analysis_kind, "")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # From the page's own managers, so that a preview shows the editor's unsaved
        # bylines and topics.
        context["story_topics"] = story_topics = list(
            self.story_topics.select_related("topic").only(*STORY_TOPIC_FIELDS)
        )
        context["related_stories"] = related = list(
            self.related_stories([story_topic.topic_id for story_topic in story_topics])
        )
        # The story's bylines with its related stories' cards', in one query. A preview's
        # are the editor's, whatever is fetched (and a new page has none to fetch).
        prefetch_related_objects(
            [self, *related] if self.pk else related,
            Prefetch("bylines", StoryByline.objects.select_related("author__photo")),
        )
        context["bylines"] = bylines = list(self.bylines.all())
        # Its label's topic, as fetched with the others (a preview's: the editor's choice).
        focus = first_focus(story_topics)
        self.focus_topic = focus.topic if focus else None
        # The switcher's translations say which is the original: one query for both.
        translations = list(with_original_marks(live_translations(self), self))
        context["alternates"] = page_alternates(request, self, translations)
        context["original"] = original_of(translations)
        context["share_links"] = share_links(
            request.build_absolute_uri(self.get_url(request)), self.title
        )
        shown = self.pictures(bylines)
        pictures.prefetch(shown)
        pagecache.show(
            request,
            *(tags.page(story_topic.topic_id) for story_topic in story_topics),
            *(tags.stories_of("page", story_topic.topic_id) for story_topic in story_topics),
            *(tags.snippet(byline.author) for byline in bylines),
            *(tags.image(image.pk) for image, _ in shown),
            *tags.for_cards(related),
        )
        if self.partner is not None:
            pagecache.show(request, tags.snippet(self.partner))
        return context

    def pictures(self, bylines):
        """What the story's page shows of pictures, as (image, role) pairs: the lead image
        (also the one shared), body images and video posters, and its authors' photos."""
        shown = [(self.lead_image, "story"), (self.lead_image, "share")]
        for block in self.body:
            if block.block_type in IMAGE_OF_BLOCK:
                shown.append((block.value[IMAGE_OF_BLOCK[block.block_type]], "story"))
        shown.extend((byline.author.photo, "byline") for byline in bylines)
        return [(image, role) for image, role in shown if image is not None]

    @property
    def preview_modes(self):
        return [("", _("Story")), ("card", _("Card on its topic page"))]

    def serve_preview(self, request, mode_name):
        self.refresh_card_fields()  # the editor's unsaved body
        if mode_name != "card":
            return super().serve_preview(request, mode_name)
        # The card as readers will meet it: first on its focus topic's page (else its first
        # topic's), above the stories already there.
        topic = self.focus_topic or next((t.topic for t in self.story_topics.all()), None)
        neighbours = (
            StoryPage.objects.filter(story_topics__topic=topic).exclude(pk=self.pk).for_cards()[:2]
            if topic
            else []
        )
        return TemplateResponse(
            request,
            "stories/story_card_preview.html",
            {"page": self, "topic": topic, "stories": [self, *neighbours]},
        )

    def related_stories(self, topic_ids, count=RELATED_STORIES):
        """The latest other stories sharing one of `topic_ids` with this one, as cards
        without their bylines (get_context fetches them with the story's own). The ids are
        given, not a subquery: PostgreSQL plans a topic's stories by how many it has."""
        sharing = StoryTopic.objects.filter(page=OuterRef("pk"), topic_id__in=topic_ids)
        return (
            StoryPage.objects.filter(Exists(sharing), locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .for_cards(bylines=False)[:count]
        )


class StoryByline(TranslatableMixin, Orderable):
    """An ordered byline; translatable so a translated story credits translated authors."""

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        Author,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="bylines",
        help_text=_(
            "Readers see “By …” with the authors in this order, each linked to their page."
        ),
    )

    panels = [FieldPanel("author")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("byline")


class StoryTopic(TranslatableMixin, Orderable):
    """An ordered topic tag. The key points at wagtailcore.Page, not TopicPage, because
    that is what wagtail-localize can retarget to the translated topic (see LOCALIZE.md)."""

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="story_topics")
    topic = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("topic"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The story is listed on this topic's page. Search by name in the chooser."),
    )
    is_focus = models.BooleanField(
        _("focus"),
        default=False,
        help_text=_("Shown as the label on story cards, e.g. “Focus: Drones”. One per story."),
    )

    panels = [PageChooserPanel("topic", page_type="stories.TopicPage"), FieldPanel("is_focus")]
    override_translatable_fields = [TranslatableField("topic")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("story topic")


# Briefings -----------------------------------------------------------------


class BriefingIndexPage(PaginatedListingMixin, ReaderPage):
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        briefings = BriefingPage.objects.child_of(self).live().public().order_by("-date", "-pk")
        context["briefings"] = self.paginate(request, briefings)
        pagecache.show(
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
        help_text=_("One sentence on where the language is spoken, shown under the briefing."),
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


class BriefingPage(ReaderPage):
    date = models.DateField(_("date"), help_text=_("The day this briefing is for."))
    body = StreamField(
        BriefingBodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_(
            "The greeting, then the day's news items, as readers and subscribers get them."
        ),
    )

    base_form_class = BriefingPageForm
    parent_page_types = ["stories.BriefingIndexPage"]
    subpage_types = []
    content_panels = Page.content_panels + [FieldPanel("date"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    override_translatable_fields = [SynchronizedField("date")]

    class Meta:
        verbose_name = _("briefing")

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
        pagecache.show(request, *(tags.page(story.pk) for story in stories))
        return context
