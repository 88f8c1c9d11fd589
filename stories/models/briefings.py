"""Briefings: the daily newsletter's pages, and the greetings that open them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

import pagecache
from editions.pages import Purged, ReaderPage
from pagecache import tags

from ..blocks import BriefingBodyBlock
from ..pagination import PaginatedListingMixin
from .story import StoryPage


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

    def purged_with(self, parents, root):
        return Purged(shown={tags.briefings(self.locale_id)})  # the front page's latest

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
        pagecache.tag_response(request, *(tags.page(story.pk) for story in stories))
        return context
