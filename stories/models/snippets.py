"""The snippets stories use: authors and partner outlets, each with a page per edition."""

import contextlib
import string

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from editions.links import AUTHORS_PATH, PARTNERS_PATH, edition_url, slug_of
from editions.locales import language_code

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
        base = slug_of(self.name)[:110].rstrip("-") or str(self.translation_key)[:8]
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
