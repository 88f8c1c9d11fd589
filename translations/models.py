"""The desk's plan for each translation: who has it and by when. wagtail-localize records
the translation itself; this is the newsroom's side of it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Assignment(models.Model):
    """A story's translation into one edition, claimed by a translator or given to one, with
    an optional deadline."""

    original = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("original"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who translates it. Translators claim stories on the desk themselves."),
    )
    deadline = models.DateTimeField(
        _("deadline"),
        null=True,
        blank=True,
        help_text=_("When the translation should be submitted for review. Optional."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("translation assignment")
        verbose_name_plural = _("translation assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["original", "locale"], name="one_assignment_per_story_and_edition"
            )
        ]

    def __str__(self):
        return f"{self.original} → {self.locale}"
