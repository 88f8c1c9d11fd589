from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page

from stories.models import BriefingPage, SectionPage, StoryPage, TopicPage

HOME_LATEST_STORIES = 12


class HomePage(Page):
    """The front page of one edition: one per locale, translations of each other."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A line under the magazine's name on the front page."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["stories.TopicIndexPage", "stories.SectionPage", "stories.BriefingIndexPage"]
    content_panels = Page.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        in_edition = {"locale_id": self.locale_id}
        context["latest_stories"] = StoryPage.objects.filter(**in_edition).for_cards()[
            :HOME_LATEST_STORIES
        ]
        context["sections"] = SectionPage.objects.child_of(self).live().public()
        context["topics"] = TopicPage.objects.filter(**in_edition).live().public().order_by("title")
        context["latest_briefing"] = (
            BriefingPage.objects.filter(**in_edition).live().public().order_by("-date").first()
        )
        return context


@register_setting(icon="site")
class MagazineSettings(BaseSiteSetting):
    """The magazine's identity, changed by editors rather than in code."""

    name = models.CharField(
        _("magazine name"),
        max_length=80,
        default="The Meridian Review",
        help_text=_("Shown in the header of every page and in browser tabs."),
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=160,
        blank=True,
        help_text=_("A short line shown under the name in the header."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown instead of the name in the header when set."),
    )

    panels = [FieldPanel("name"), FieldPanel("tagline"), FieldPanel("logo")]

    class Meta:
        verbose_name = _("magazine settings")
