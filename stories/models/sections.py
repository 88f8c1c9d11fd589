"""Sections: the newsroom's desks, under which stories are filed."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.models import Page
from wagtail.search import index

from editions.pages import Purged, ReaderPage
from pagecache import tags

from ..feeds import StoryFeedsMixin
from ..pagination import PaginatedListingMixin, show_listing
from .story import StoryPage


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

    def purged_with(self, parents, root):
        return Purged(shown={tags.edition(self.locale_id)})  # the edition's menu

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.lazy_listing(request, context)
        return context

    def stories_page(self, request):
        items = self.paginate(request, self.feed_stories())
        show_listing(request, self, items)
        return items
