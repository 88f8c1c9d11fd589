"""What changes to Wagtail's own models purge: pictures, sites, languages and privacy.
A reader page's changes are purged by editions.purging, an author's or partner's by
stories.purging, the magazine's settings by home.models."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, ReferenceIndex, Site

from . import tags
from .purge import purge


@receiver([post_save, post_delete], sender=get_image_model())
def on_image_change(instance, **kwargs):
    if kwargs.get("raw"):
        return  # rows loaded as they were (restore_site), which rebuilds the rest
    using = ReferenceIndex.get_references_to(instance).group_by_source_object()
    urls = [obj.get_full_url() for obj, _refs in using if isinstance(obj, Page) and obj.live]
    purge({tags.image(instance.pk)}, urls)


@receiver([post_save, post_delete], sender=Site)
@receiver([post_save, post_delete], sender=Locale)
def on_site_change(**kwargs):
    # Shown on every page: the cache starts again. The CDN is told of the front pages (the
    # editions' home pages, below the tree's root); its other copies follow within their
    # s-maxage.
    if kwargs.get("raw"):
        return  # rows loaded as they were (restore_site), which rebuilds the rest
    purge({tags.SITE}, [home.get_full_url() for home in Page.objects.filter(depth=2).live()])


@receiver([post_save, post_delete], sender=PageViewRestriction)
def on_privacy_change(instance, **kwargs):
    # A page made private must leave every cache at once, with everything below it.
    if kwargs.get("raw"):
        return  # rows loaded as they were (restore_site), which rebuilds the rest
    page = Page.objects.filter(pk=instance.page_id).first()
    pages = Page.objects.filter(path__startswith=page.path) if page else []
    purge({tags.SITE}, [page.get_full_url() for page in pages])
