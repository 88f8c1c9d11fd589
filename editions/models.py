"""The magazine's identity, shared by every edition: its name, tagline and logo."""

from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from config.replica import on_primary
from pagecache.signals import on_site_change


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
        help_text=_(
            "A short line shown under the name in the header, in editions whose front page "
            "has no tagline of its own."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown instead of the name in the header when set, and, cropped square around "
            "its focal point, as the icon of browser tabs and of phones' home screens."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("tagline"), FieldPanel("logo")]
    select_related = ["logo"]

    class Meta:
        verbose_name = _("magazine settings")
        # Made in the home app, whose table it keeps (editions/migrations/0001_initial.py).
        db_table = "home_magazinesettings"

    @classmethod
    def for_site(cls, site):
        # Every reader page shows the settings: read from the shared cache, not the database.
        # Saving them forgets the cached copy (forget_magazine_settings).
        key = cls.cache_key(site.pk) if site else None
        instance = cache.get(key) if key else None
        if instance is None:
            with on_primary():  # the shared cache keeps it (config.replica)
                instance = super().for_site(site)
            cache.set(key, instance, timeout=None)
        return instance

    @staticmethod
    def cache_key(site_id):
        # "editions.": cached copies name their class, which moved here from home.models.
        return f"editions.magazine-settings:{site_id}"


@receiver([post_save, post_delete], sender=MagazineSettings)
def forget_magazine_settings(instance, **kwargs):
    cache.delete(MagazineSettings.cache_key(instance.site_id))


# The magazine's name, logo and tagline are on every page: the page cache starts again.
receiver([post_save, post_delete], sender=MagazineSettings)(on_site_change)


@receiver(post_save, sender=MagazineSettings)
def name_the_site_after_the_magazine(instance, **kwargs):
    # The admin's dashboard and title are the Site's name (its host name when it has none:
    # a translator's dashboard read "127.0.0.1"). An update, not a save: the page cache
    # forgets everything when a Site is saved, and the magazine's name is purged already.
    Site.objects.filter(pk=instance.site_id).update(site_name=instance.name)
