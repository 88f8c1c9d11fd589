"""Stories, their bylines and topics, and what cards and feeds read of them."""

import copy
import html
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
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
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

import pagecache
from editions.links import SEARCH_PATH, edition_url, live_translations, page_alternates
from editions.pages import Purged, ReaderPage, ReaderPageQuerySet
from editions.purging import with_feeds
from pagecache import fragments, tags

from .. import pictures
from ..block_widgets import pack_once
from ..blocks import ANALYSIS_LABELS, StoryBodyBlock
from ..choosers import (
    author_message,
    in_locale,
    partner_message,
    topic_message,
)
from ..localize import PerEditionField
from ..provenance import original_of, translated_from, with_original_marks
from ..sharing import share_links
from ..video import parse_video_url, validate_video_url
from .snippets import Author, PartnerOutlet, language_choices

RELATED_STORIES = 3
# "Keep reading" opens the story's first paragraphs: whole ones until this many words are
# shown, and never more than EXCERPT_MAX_WORDS (a long one is cut at a word).
EXCERPT_WORDS = 80
EXCERPT_MAX_WORDS = 160
# Where a paragraph block's rich text ends one paragraph (or heading, or list item).
PARAGRAPH_END = re.compile(r"</(?:p|h[1-6]|li|blockquote)>|<br\s*/?>", re.IGNORECASE)
# A card's teaser: real deks run to ~350 characters; longer ones are shortened at a word.
TEASER_CHARS = 360
# Stories newest first. Every live story has its publication time (see StoryPage.save), and
# the index on it (stories_newest_first) serves listings of any size without sorting them.
NEWEST_FIRST = ("-published_at", "-pk")
IMAGE_OF_BLOCK = {"image": "image", "video": "poster"}


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
    "live_revision",  # what its card is kept by (stories.cards)
)

# A card's byline links each author's name to their page; its label links to the topic.
AUTHOR_FIELDS = ("name", "slug", "translation_key", "locale")
# A card names its partner outlet and links to the outlet's page; the rest of an outlet
# (its terms, description, feed) is a dozen columns more for Django to compile and load.
PARTNER_FIELDS = ("name", "slug", "locale")
# A card's picture: what its renditions are found (file_hash is in their cache keys) and
# cropped by, and its description, which Wagtail reads as it renders one.
IMAGE_FIELDS = (
    "file",
    "file_hash",
    "description",
    "width",
    "height",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
)
# A topic's link (a card's label, a story's list of topics) names and addresses the topic.
TOPIC_LINK_FIELDS = ("title", "url_path", "translation_key")
STORY_TOPIC_FIELDS = (
    "page",
    "topic",
    "is_focus",
    "sort_order",
    *(f"topic__{f}" for f in TOPIC_LINK_FIELDS),
)


def first_paragraphs(body):
    """The body's first paragraphs as text, a blank line between them (as `linebreaks`
    reads them): the excerpt a card opens with "Keep reading". As text, the source's
    entities ("R&amp;D") decoded, for templates to escape once."""
    shown, words = [], 0
    for block in body:
        if block.block_type != "paragraph":
            continue
        for piece in PARAGRAPH_END.split(block.value.source):
            text = " ".join(html.unescape(strip_tags(piece)).split())
            if not text:
                continue
            shown.append(Truncator(text).words(EXCERPT_MAX_WORDS - words))
            words += len(text.split())
            if words >= EXCERPT_WORDS:
                return "\n\n".join(shown)
    return "\n\n".join(shown)


def first_focus(story_topics):
    """The story topic a story's cards are labelled with: its first focus topic, or None."""
    return next((story_topic for story_topic in story_topics if story_topic.is_focus), None)


class StoryPageQuerySet(ReaderPageQuerySet):
    def for_cards(self):
        """Published stories, newest first, with everything a story card shows."""
        return (
            self.live()
            .public()
            .order_by(*NEWEST_FIRST)
            .only(
                *CARD_FIELDS,
                *(f"partner__{f}" for f in PARTNER_FIELDS),
                *(f"focus_topic__{f}" for f in TOPIC_LINK_FIELDS),
                *(f"lead_image__{f}" for f in IMAGE_FIELDS),
            )
            .select_related("partner", "focus_topic", "lead_image")
            .prefetch_related(
                Prefetch(
                    "bylines",
                    queryset=StoryByline.objects.select_related("author", "partner").only(
                        "page",
                        "author",
                        "partner",
                        "sort_order",
                        *(f"author__{f}" for f in AUTHOR_FIELDS),
                        *(f"partner__{f}" for f in PARTNER_FIELDS),
                    ),
                )
            )
        )


StoryPageManager = PageManager.from_queryset(StoryPageQuerySet)


# What a partner's story must say about where it came from: readers see it, and it is what
# the partner's licence asks of us.
# What a partner's story cannot go without. Its original's address and date are welcome but
# optional: the desk often takes a story before either is known.
PROVENANCE_REQUIRED = ("original_headline", "original_language")


# What search results, social cards and our own headline show before cutting, in characters.
RECOMMENDED_LENGTHS = {"title": 70, "seo_title": 60, "search_description": 160}


class StoryPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.locale_id:  # a new story: its section's language
            self.instance.locale = self.parent_page.locale
        # What a desk calls the fields, and the lengths search engines and social cards show
        # before cutting (Wagtail's own words are written for any page).
        for name, label, help_text in (
            (
                "title",
                _("Headline"),
                _("As readers see it over the story. Up to about 70 characters show in full."),
            ),
            (
                "seo_title",
                _("Title tag"),
                _("For search results, if the headline is too long: up to 60 characters."),
            ),
            (
                "search_description",
                _("Meta description"),
                _(
                    "Under the link in search results, up to 160 characters. Empty: the card "
                    "summary, else the standfirst."
                ),
            ),
        ):
            if name in self.fields:
                self.fields[name].label, self.fields[name].help_text = label, help_text
        # Counted as the editor types (stories/static/stories/js/story_editor.js).
        for name, length in RECOMMENDED_LENGTHS.items():
            if name in self.fields:
                self.fields[name].widget.attrs["data-recommended-length"] = length
        pack_once(self)
        # Choosers open in the story's language (stories.choosers).
        if "partner" in self.fields:
            in_locale(self.fields["partner"], self.instance.locale)
        topics = self.formsets.get("story_topics")
        if topics is not None and self.is_bound:
            # Wagtail lifts this for a draft (defer_required_fields) and keeps it for the
            # steps that publish; an unbound form then shows no blank topic row.
            topics.min_num, topics.validate_min = 1, True
            topics.error_messages["too_few_forms"] = _(
                "A story needs a topic before it is submitted or published: add one."
            )
        chooser_fields = {
            "story_topics": ("topic",),
            "bylines": ("author", "partner"),
            "partner_credits": ("partner",),
        }
        for relation, names in chooser_fields.items():
            formset = self.formsets.get(relation)
            if formset is not None:
                fields = copy.deepcopy(formset.form.base_fields)
                for name in names:
                    in_locale(fields[name], self.instance.locale)
                formset.form = type(formset.form.__name__, (formset.form,), {})
                formset.form.base_fields = fields

    def keep_seconds(self, name):
        """The admin's date-time field shows minutes: a time sent back unchanged keeps the
        seconds it had, or every save would move it (and the moderator's diff show it)."""
        value, before = self.cleaned_data.get(name), getattr(self.instance, name)
        if value and before and value == before.replace(second=0, microsecond=0):
            return before
        return value

    def clean_published_at(self):
        return self.keep_seconds("published_at")

    def clean_updated_at(self):
        return self.keep_seconds("updated_at")

    def chosen(self, relation):
        return [
            form
            for form in self.formsets[relation].forms
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def clean(self):
        cleaned_data = super().clean()
        self.clean_provenance(cleaned_data)
        self.clean_descriptions(cleaned_data)
        locale = self.instance.locale
        forms_ = self.chosen("story_topics")
        for form in forms_:
            topic = form.cleaned_data.get("topic")
            if topic is not None and topic.locale_id != locale.pk:
                form.add_error("topic", topic_message(topic, locale))
        for form in self.chosen("bylines"):
            author = form.cleaned_data.get("author")
            partner = form.cleaned_data.get("partner")
            if author is not None and author.locale_id != locale.pk:
                form.add_error("author", author_message(author, locale))
            if (author is None) == (partner is None):
                form.add_error(
                    "author",
                    _("A byline names an author or a partner outlet: choose one of the two."),
                )
        for form in [*self.chosen("bylines"), *self.chosen("partner_credits")]:
            partner = form.cleaned_data.get("partner")
            if partner is not None and partner.locale_id != locale.pk:
                form.add_error("partner", partner_message(partner, locale))
        # Beside the checkbox or topic that breaks the rule (its tab then shows the error),
        # not only in the banner at the top of the form.
        focused = [form for form in forms_ if form.cleaned_data.get("is_focus")]
        for form in focused[1:]:
            form.add_error("is_focus", _("Only one topic can be the story's focus."))
        seen = set()
        for form in forms_:
            topic = form.cleaned_data.get("topic")
            if topic is not None and topic.pk in seen:
                form.add_error("topic", _("Each topic can be added to a story only once."))
            elif topic is not None:
                seen.add(topic.pk)
        return cleaned_data

    @property
    def publishing(self):
        """Publishing, or a step that ends in it: submitting to, or acting in, a workflow."""
        return any(
            action in self.data
            for action in ("action-publish", "action-submit", "action-workflow-action")
        )

    def clean_descriptions(self, cleaned_data):
        """A picture readers see needs its description, which screen readers read out: asked
        for when the story goes to review or live (a draft may wait for it)."""
        if not self.publishing:
            return
        message = _(
            "This picture has no description for readers who cannot see it: add one "
            "(“Description” in the image library), e.g. “The empty pier at Varensk”."
        )
        lead = cleaned_data.get("lead_image")
        if lead is not None and not lead.description.strip() and "lead_image" in self.fields:
            self.add_error("lead_image", message)
        body = cleaned_data.get("body")
        undescribed = {
            index: StructBlockValidationError(block_errors={"image": ValidationError(message)})
            for index, block in enumerate(body or [])
            if block.block_type == "image"
            and block.value.get("image") is not None
            and not block.value["image"].description.strip()
        }
        if undescribed:
            self.add_error("body", StreamBlockValidationError(block_errors=undescribed))

    def clean_provenance(self, cleaned_data):
        partner = cleaned_data.get("partner")
        # A draft (Wagtail defers what is required while saving one, autosave included) is
        # asked for its provenance when it is submitted or published.
        if partner is None or self.is_deferred_validation:
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
        if (
            self.publishing
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
        max_length=600,
        help_text=_(
            "The teaser readers see on topic, section and home page cards. Left empty, cards "
            "show the standfirst. Up to about 350 characters reads well; longer ones are "
            "shortened at a word on cards."
        ),
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

    # Named for the kickers it began as; editors know it as the genre.
    analysis_kind = models.CharField(
        _("genre"),
        max_length=20,
        blank=True,
        choices=ANALYSIS_LABELS,
        help_text=_(
            "The label readers see above the headline and on the story's cards, such as "
            "“Analysis” or “Op-Ed”. Leave empty for a news report."
        ),
    )
    # What cards show of the body, derived from it on every save (refresh_card_fields) so
    # that listings never load the body itself (for_cards defers it).
    excerpt = models.TextField(_("excerpt"), blank=True, editable=False)
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
            "the original headline and language are required; its address and date, when "
            "known, let readers find it."
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
        FieldPanel("analysis_kind"),
        FieldPanel("standfirst"),
        FieldPanel("dateline"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_video_url")], heading=_("Lead media")
        ),
        FieldPanel("body"),
    ]
    credits_panels = [
        # At least one, checked on publishing and submitting (StoryPageForm), not shown as a
        # blank row that a draft's autosave would have to fill first.
        InlinePanel("story_topics", heading=_("Topics"), label=_("Topic")),
        InlinePanel("bylines", heading=_("Bylines"), label=_("Byline")),
    ]
    source_panels = [
        FieldPanel("partner"),
        FieldPanel("original_headline"),
        FieldPanel("original_url"),
        FieldRowPanel([FieldPanel("original_language"), FieldPanel("original_published_at")]),
        FieldPanel("original_author"),
        FieldPanel("translator_credit"),
        InlinePanel(
            "partner_credits",
            heading=_("With reporting from"),
            label=_("Partner credit"),
            help_text=_(
                "Other outlets whose reporting the story uses; readers see “With reporting "
                "from …” after the partner above."
            ),
        ),
    ]
    # Page's own, without "Show in menus": no menu lists stories.
    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("For search engines"),
        ),
        FieldPanel("summary"),
    ]
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
            raise ValidationError({"partner": partner_message(self.partner, self.locale)})

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
        reading” and the video marker."""
        self.excerpt = first_paragraphs(self.body)
        self.has_video = bool(self.lead_video_url) or any(
            block.block_type == "video" for block in self.body
        )
        focus = first_focus(self.story_topics.all())
        self.focus_topic_id = focus.topic_id if focus else None

    @property
    def teaser(self):
        """What a card says under the headline: the card summary, else the standfirst;
        shortened at a word when long, never dropped."""
        text = (self.summary or self.standfirst).strip()
        if len(text) <= TEASER_CHARS:
            return text
        return text[: TEASER_CHARS + 1].rsplit(None, 1)[0].rstrip(",;:–—-") + "…"

    @property
    def last_modified(self):
        """The later of its publication and its last update note: what readers were told
        changed, not when its row was last saved (an archive story entered today, dated
        2023, has not changed today). Feeds, structured data and sitemaps say this."""
        return self.last_modified_from(self.published_at, self.first_published_at, self.updated_at)

    @staticmethod
    def last_modified_from(published_at, first_published_at, updated_at):
        """last_modified from the columns, for queries that read them without the page."""
        return max(filter(None, (published_at or first_published_at, updated_at)), default=None)

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
        # What the article and its related stories show is read only if their fragments
        # are not kept (pagecache.fragments): a kept story page made again after a purge
        # reads its translations and nothing else.
        context["details"] = details = fragments.Lazy(request, lambda: self.details(request))
        # Its notice that the original was updated since says what its language versions
        # are at.
        context["article_shows"] = [tags.page(self.pk), tags.translations(self.translation_key)]
        # Its breadcrumbs, language versions and the picture it is shared with.
        context["metadata_shows"] = [*self.cache_tags(), tags.image(self.lead_image_id)]
        for name in ("story_topics", "bylines", "partner_credits"):
            context[name] = fragments.Lazy(request, lambda name=name: details[name])
        context["related_stories"] = fragments.Lazy(
            request, lambda: self.related_cards(request, details["story_topics"])
        )
        # The switcher's translations say which is the original: one query for both.
        translations = list(with_original_marks(live_translations(self), self))
        context["alternates"] = page_alternates(request, self, translations)
        context["original"] = original_of(translations)
        context["share_links"] = share_links(
            request.build_absolute_uri(self.get_url(request)), self.title
        )
        return context

    def details(self, request):
        """What the story's article shows besides its own fields: its topics (and the focus
        one its label names), bylines and partner credits, with its pictures' renditions
        fetched; tagged for the page cache."""
        # From the page's own managers, so that a preview shows the editor's unsaved
        # bylines and topics.
        story_topics = list(self.story_topics.select_related("topic").only(*STORY_TOPIC_FIELDS))
        bylines = list(self.bylines.select_related("author__photo", "partner"))
        partner_credits = list(self.partner_credits.select_related("partner"))
        # Its label's topic, as fetched with the others (a preview's: the editor's choice).
        focus = first_focus(story_topics)
        self.focus_topic = focus.topic if focus else None
        shown = self.pictures(bylines)
        pictures.prefetch(shown)
        pagecache.tag_response(
            request,
            *(tags.page(story_topic.topic_id) for story_topic in story_topics),
            *(tags.snippet(byline.signer) for byline in bylines),
            *(tags.snippet(credit.partner) for credit in partner_credits),
            *(tags.image(image.pk) for image, _ in shown),
            tags.snippet(self.partner) if self.partner is not None else None,
        )
        return {
            "story_topics": story_topics,
            "bylines": bylines,
            "partner_credits": partner_credits,
        }

    def related_cards(self, request, story_topics):
        """The related stories' cards, tagged as the listings of the story's topics."""
        topic_ids = [story_topic.topic_id for story_topic in story_topics]
        related = list(self.related_stories(topic_ids))
        pagecache.tag_response(
            request,
            *(tags.stories_of("page", topic_id) for topic_id in topic_ids),
            *tags.for_cards(related),
        )
        return related

    def pictures(self, bylines):
        """What the story's page shows of pictures, as (image, role) pairs: the lead image
        (also the one shared), body images and video posters, and its authors' photos."""
        shown = [(self.lead_image, "story"), (self.lead_image, "share")]
        for block in self.body:
            if block.block_type in IMAGE_OF_BLOCK:
                shown.append((block.value[IMAGE_OF_BLOCK[block.block_type]], "story"))
        shown.extend((byline.author.photo, "byline") for byline in bylines if byline.author)
        return [(image, role) for image, role in shown if image is not None]

    @property
    def preview_modes(self):
        return [
            ("", _("Story")),
            ("card", _("Card on its topic page")),
            ("social", _("Shared on social networks")),
        ]

    def serve_preview(self, request, mode_name):
        self.refresh_card_fields()  # the editor's unsaved body
        if mode_name == "social":
            return TemplateResponse(request, "stories/story_social_preview.html", {"page": self})
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
        """The latest other stories sharing one of `topic_ids` with this one, as cards. The
        ids are given, not a subquery: PostgreSQL plans a topic's stories by how many it has."""
        sharing = StoryTopic.objects.filter(page=OuterRef("pk"), topic_id__in=topic_ids)
        return (
            StoryPage.objects.filter(Exists(sharing), locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .for_cards()[:count]
        )

    def credited_partners(self):
        """The partner outlets of its edition whose page lists the story: the one it came
        from, one that signs it, one it credits for reporting. By their ids: joined through
        the three relations, PostgreSQL joined every story of each outlet before keeping
        this one's (0.45 s of a publish at 100,000 stories)."""
        return PartnerOutlet.objects.filter(
            models.Q(pk=self.partner_id)
            | models.Q(pk__in=StoryByline.objects.filter(page=self).values("partner"))
            | models.Q(pk__in=StoryPartnerCredit.objects.filter(page=self).values("partner")),
            locale=self.locale_id,
        )

    def purged_with(self, parents, root):
        """The listings a story is on, or joins or leaves: its section's, its topics', its
        authors' and partner's, and its edition's (front page, feeds, search, news sitemap)."""
        home = Page.objects.filter(path=self.path[: 2 * Page.steplen]).first()
        topic_ids = list(self.story_topics.values_list("topic_id", flat=True))
        # An author's page lists the stories of its own language (a translated story may
        # still credit an untranslated author, and is not on that author's page).
        authors = list(Author.objects.filter(bylines__page=self, locale=self.locale_id).distinct())
        shown = {tags.stories_of("page", parent.pk) for parent in parents}
        shown.update(tags.stories_of("page", topic_id) for topic_id in topic_ids)
        shown.update(tags.stories_of("author", author.pk) for author in authors)
        urls = [url for parent in parents for url in with_feeds(parent.get_full_url())]
        for topic in Page.objects.filter(pk__in=topic_ids):
            urls += with_feeds(topic.get_full_url())
        urls += [root + author.url for author in authors]
        for partner in self.credited_partners():
            shown.add(tags.stories_of("partner", partner.pk))
            urls.append(root + partner.url)
        if home is not None:
            shown.add(tags.stories_of("page", home.pk))
            urls += with_feeds(home.get_full_url())
            urls.append(root + edition_url(self.locale.language_code, SEARCH_PATH))
        return Purged(shown, urls, news_editions=[self.locale.language_code])


class StoryByline(TranslatableMixin, Orderable):
    """An ordered byline: an author, or a partner outlet that signs the story as a whole.
    Translatable, so a translated story credits translated authors and outlets."""

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        Author,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bylines",
        help_text=_(
            "Readers see “By …” with the authors in this order, each linked to their page."
        ),
    )
    partner = models.ForeignKey(
        PartnerOutlet,
        verbose_name=_("or a partner outlet"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signed_bylines",
        help_text=_(
            "Instead of an author: the outlet signs the story (“By Important Stories”), when "
            "it credits no one by name."
        ),
    )

    panels = [FieldRowPanel([FieldPanel("author"), FieldPanel("partner")])]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("byline")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(author__isnull=True) ^ models.Q(partner__isnull=True),
                name="byline_names_an_author_or_a_partner",
            )
        ]

    @property
    def signer(self):
        """Who the byline names: the author, else the partner outlet."""
        return self.author or self.partner

    def clean(self):
        super().clean()
        if (self.author_id is None) == (self.partner_id is None):
            raise ValidationError(
                _("A byline names an author or a partner outlet: choose one of the two.")
            )


class StoryPartnerCredit(TranslatableMixin, Orderable):
    """Another outlet whose reporting the story uses, shown as “With reporting from …”
    after the partner it came from."""

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="partner_credits")
    partner = models.ForeignKey(
        "stories.PartnerOutlet",
        verbose_name=_("partner outlet"),
        on_delete=models.PROTECT,
        related_name="credited_stories",
        help_text=_("An outlet the story cites, e.g. “According to North Wind, …”."),
    )
    url = models.URLField(
        _("address of its report"),
        max_length=500,
        blank=True,
        help_text=_("Optional: readers follow the outlet's name to this report."),
    )

    panels = [FieldPanel("partner"), FieldPanel("url")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("partner credit")


class TopicTag(TranslatableMixin, Orderable):
    """An ordered topic tag. The key points at wagtailcore.Page, not TopicPage, because
    that is what wagtail-localize can retarget to the translated topic (docs/content-model.md)."""

    topic = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("topic"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Listed on this topic's page, newest first. Search by name in the chooser."),
    )

    panels = [PageChooserPanel("topic", page_type="stories.TopicPage")]
    override_translatable_fields = [TranslatableField("topic")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True


class StoryTopic(TopicTag):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="story_topics")
    is_focus = models.BooleanField(
        _("focus"),
        default=False,
        help_text=_("Shown as the label on story cards, e.g. “Focus: Drones”. One per story."),
    )

    panels = [*TopicTag.panels, FieldPanel("is_focus")]

    class Meta(TopicTag.Meta):
        verbose_name = _("story topic")
