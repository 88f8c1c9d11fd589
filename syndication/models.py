"""What the desk has imported from partners' feeds: one row per feed item, kept after the
draft is deleted so that an item the desk threw away is not imported again."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedStory(models.Model):
    partner = models.ForeignKey(
        "stories.PartnerOutlet",
        verbose_name=_("partner outlet"),
        on_delete=models.CASCADE,
        related_name="imported_stories",
    )
    guid = models.CharField(
        _("feed item ID"),
        max_length=500,
        help_text=_("The item's GUID (RSS) or ID (Atom), else its link."),
    )
    original_url = models.URLField(_("original URL"), max_length=500, blank=True)
    page = models.OneToOneField(
        "stories.StoryPage",
        verbose_name=_("draft"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="import_record",
    )
    # The draft as imported: a newer revision of the page means an editor has changed it.
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("imported story")
        verbose_name_plural = _("imported stories")
        ordering = ["-imported_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "guid"], name="unique_import_per_item")
        ]
        indexes = [models.Index(fields=["partner", "original_url"], name="import_by_url")]

    def __str__(self):
        return self.guid

    @property
    def changed_by_editor(self):
        page = self.page
        return page is not None and page.latest_revision_id != self.revision_id
