"""StreamField blocks for stories and briefings: one block per editorial idea."""

import functools
import zoneinfo

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from .video import parse_video_url, validate_video_url

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]

# The magazine's genres, the kickers readers see over a story's headline and on its cards
# (StoryPage.analysis_kind). Values are stored; labels are translated through locale/
# (wagtail-localize copies choice values unchanged).
ANALYSIS_LABELS = [
    ("analysis", _("Analysis")),
    ("op_ed", _("Op-Ed")),
    ("interview", _("Interview")),
    ("reportage", _("Reportage")),
    ("explainer", _("Explainer")),
    ("investigation", _("Investigation")),
]


# Block previews in the editor's block picker use the site's stylesheet (see
# templates/wagtailcore/shared/block_preview.html) and these invented values.


def newest_image():
    return get_image_model().objects.order_by("-created_at").first()


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "stories/blocks/paragraph.html"
        help_text = description = _("Body text. Readers see it as a paragraph of the story.")
        preview_value = (
            "<p>The ferry across the Varna has not run since March. In Varensk, the "
            "<b>island</b> that used to be a town, people now plan their week around the "
            "bridge forty kilometres upstream.</p>"
        )


class HeadingBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 120)
        super().__init__(**kwargs)

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "stories/blocks/heading.html"
        help_text = description = _(
            "A subheading inside the story, shown in bold above the next paragraphs."
        )
        preview_value = "What the mayor said"


class VideoValue(blocks.StructValue):
    @property
    def video(self):
        return parse_video_url(self.get("url"))


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(
        label=_("Video address"),
        help_text=_("The video's page on YouTube or Vimeo, e.g. https://www.youtube.com/watch?v=…"),
    )
    poster = ImageChooserBlock(
        required=False,
        label=_("Poster image"),
        help_text=_("Shown with a play button until the reader starts the video."),
    )
    caption = blocks.CharBlock(
        required=False,
        max_length=250,
        label=_("Caption"),
        help_text=_("One line under the video."),
    )

    def clean(self, value):
        value = super().clean(value)
        try:
            validate_video_url(value.get("url"))
        except ValidationError as error:
            raise StructBlockValidationError(block_errors={"url": error}) from error
        return value

    class Meta:
        icon = "media"
        label = _("Video")
        value_class = VideoValue
        template = "stories/blocks/video.html"
        help_text = description = _(
            "A YouTube or Vimeo video. Readers see the poster and a play button; the "
            "player loads only when they click."
        )
        preview_value = {
            "url": "https://www.youtube.com/watch?v=aaaaaaaaaaa",
            "caption": "The last crossing of the Varensk ferry.",
        }


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(
        label=_("Quote"), help_text=_("The quoted words, without quotation marks.")
    )
    attribution = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Attribution"),
        help_text=_("Who said it, e.g. “Lena Ostrova, mayor of Varensk”."),
    )

    def clean(self, value):
        if not (value.get("quote") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "quote": ValidationError(
                        _("A pull quote needs the quoted words."), code="empty_quote"
                    )
                }
            )
        return super().clean(value)

    class Meta:
        icon = "openquote"
        label = _("Pull quote")
        template = "stories/blocks/pull_quote.html"
        help_text = description = _("A line from the story set large between paragraphs.")
        preview_value = {
            "quote": "We are an island now, and nobody asked us.",
            "attribution": "Lena Ostrova, mayor of Varensk",
        }


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(
        label=_("Image"),
        help_text=_("Its description in the image library is read out to blind readers."),
    )
    caption = blocks.CharBlock(
        required=False,
        max_length=300,
        label=_("Caption"),
        help_text=_("Shown under the photo: what and where, in one sentence."),
    )
    credit = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("Credit"),
        help_text=_("Photographer and agency, e.g. “Photo: Ana Reis / Porto Alvo Daily”."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "stories/blocks/image.html"
        description = _("A photo across the story's width, with its caption and credit.")

        @staticmethod  # Meta is instantiated: a plain function would get `self`
        def preview_value():
            return {
                "image": newest_image(),
                "caption": "The empty pier at Varensk, a week after the last crossing.",
                "credit": "Photo: Ana Reis / Porto Alvo Daily",
            }


class NewsletterCallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=120,
        label=_("Heading"),
        default=_("Get our daily briefing"),
        help_text=_("The box's title, in the story's language."),
    )
    text = blocks.TextBlock(
        required=False,
        label=_("Text"),
        help_text=_("One or two sentences on why to subscribe."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # The page's body loop passes block_id, so each form's ids are unique on the page.
        context["form_id"] = "signup-" + str((parent_context or {}).get("block_id") or "block")
        return context

    class Meta:
        icon = "mail"
        label = _("Newsletter call-to-action")
        template = "stories/blocks/newsletter_cta.html"
        help_text = description = _("A box inviting readers to sign up to the daily newsletter.")
        preview_value = {
            "heading": "Get our daily briefing",
            "text": "The day's stories from our partners abroad, every morning.",
        }


def dateline_zones():
    """Every time zone a dateline can be in, by name (a callable: migrations keep its name,
    not six hundred choices)."""
    return [("", "---------"), *_named_zones()]


# Listing the zones reads the whole tz database from disk (20 ms), and every story's form and
# save builds the body's blocks again; the list changes only with a new tzdata, which comes
# with a restart.
@functools.cache
def _named_zones():
    return tuple((zone, zone.replace("_", " ")) for zone in sorted(zoneinfo.available_timezones()))


class UpdateNoteBlock(blocks.StructBlock):
    updated_at = blocks.DateTimeBlock(
        label=_("Updated at"),
        default=timezone.now,
        help_text=_("When the story was updated: when the note was added, unless changed."),
    )
    local_zone = blocks.ChoiceBlock(
        choices=dateline_zones,
        required=False,
        label=_("Dateline's time zone"),
        help_text=_(
            "To tell readers the time where the story happens, e.g. “updated at 8 p.m. local "
            "time”, choose the dateline's zone (Europe/Kyiv). Empty: the edition's time."
        ),
    )
    text = blocks.TextBlock(
        label=_("What changed"),
        help_text=_("Readers see “This article was updated at … on …” followed by this text."),
    )

    class Meta:
        icon = "time"
        label = _("Update note")
        template = "stories/blocks/update_note.html"
        description = _(
            "Tells readers what changed after publication; the story's “last updated” time "
            "follows the newest note."
        )

        @staticmethod
        def preview_value():
            return {
                "updated_at": timezone.now(),
                "text": "Adds the ministry's reply, received after publication.",
            }


GREETING_EMOJI = [
    ("👋", _("👋 Waving hand")),
    ("☀️", _("☀️ Sun")),
    ("☕", _("☕ Coffee")),
    ("🌍", _("🌍 Globe")),
]


class GreetingBlock(blocks.StructBlock):
    # A choice, not text: its value is copied to translations, never offered to translate.
    emoji = blocks.ChoiceBlock(
        choices=GREETING_EMOJI,
        required=False,
        default="👋",
        label=_("Emoji"),
        help_text=_("Shown before the greeting; screen readers skip it."),
    )
    word = blocks.CharBlock(
        max_length=60,
        label=_("Greeting"),
        help_text=_("The greeting word in its own language and script, e.g. “Habari”."),
    )
    language = blocks.CharBlock(
        max_length=60,
        label=_("Language"),
        help_text=_("The name of the greeting's language, e.g. “Swahili”."),
    )
    footnote = blocks.CharBlock(
        max_length=300,
        label=_("Footnote"),
        required=False,
        help_text=_(
            "The language and where it is spoken, e.g. “Bavarian, Germany and Austria”: "
            "printed at the end of the briefing, marked by an asterisk after the greeting."
        ),
    )

    class Meta:
        icon = "user"
        label = _("Greeting")
        template = "stories/blocks/greeting.html"
        description = _(
            "The briefing's opening: a greeting in a different language each day, with a "
            "footnote naming the language."
        )
        preview_value = {
            "emoji": "👋",
            "word": "Tere hommikust",
            "language": "Estonian",
            "footnote": "Estonian, Estonia",
        }


class NewsItemBlock(blocks.StructBlock):
    headline = blocks.CharBlock(
        max_length=200, label=_("Headline"), help_text=_("The news in one line, shown in bold.")
    )
    text = blocks.RichTextBlock(
        features=["bold", "italic", "link"],
        label=_("Text"),
        help_text=_("Two or three sentences readers (and subscribers) get under the headline."),
    )
    story = blocks.PageChooserBlock(
        page_type="stories.StoryPage",
        required=False,
        label=_("Story"),
        help_text=_("Our story on this, if we have one; readers get a “Read the story” link."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # BriefingPage.get_context resolved the chosen stories to this edition; a story
        # without a translation here gets no link rather than a link to another language.
        localized = (parent_context or {}).get("localized_stories", {})
        chosen = value.get("story")
        context["story"] = localized.get(chosen.translation_key) if chosen else None
        return context

    class Meta:
        icon = "list-ul"
        label = _("News item")
        template = "stories/blocks/news_item.html"
        description = _(
            "One of the day's stories in a headline and a few lines, linked to our story "
            "when we have one."
        )
        preview_value = {
            "headline": "Varensk ferry to sail again in spring",
            "text": "<p>The regional council found the money for a new hull.</p>",
        }


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    pull_quote = PullQuoteBlock()
    image = ImageBlock()
    video = VideoBlock()
    newsletter_cta = NewsletterCallToActionBlock()
    update_note = UpdateNoteBlock()


class BriefingBodyBlock(blocks.StreamBlock):
    greeting = GreetingBlock()
    paragraph = ParagraphBlock()
    news_item = NewsItemBlock()
    heading = HeadingBlock()
    newsletter_cta = NewsletterCallToActionBlock()

    class Meta:
        block_counts = {"greeting": {"max_num": 1}}
