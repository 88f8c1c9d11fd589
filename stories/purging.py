"""What an author's or partner outlet's change purges: every response showing them in that
language (their bylines, cards and page), and their page in every language from the CDN.
A story's own listings are StoryPage.purged_with's."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from editions.purging import site_root_url
from pagecache import tags
from pagecache.purge import purge

from .models import Author, PartnerOutlet


@receiver([post_save, post_delete], sender=Author)
@receiver([post_save, post_delete], sender=PartnerOutlet)
def on_snippet_change(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return  # rows loaded as they were (restore_site), which rebuilds the rest
    root = site_root_url()
    translations = sender.objects.filter(translation_key=instance.translation_key)
    purge({tags.snippet(instance)}, [root + t.url for t in translations])
