from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Subscriber


class SubscriberViewSet(SnippetViewSet):
    """Subscribers for the newsroom: who, which edition, where they stand; CSV export.
    Deleting one erases the person (see erase_log_entries)."""

    model = Subscriber
    icon = "mail"
    menu_label = _("Subscribers")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["email", "edition", "status", "created_at", "confirmed_at", "unsubscribed_at"]
    list_filter = ["status", "edition"]
    list_export = ["email", "edition", "status", "created_at", "confirmed_at", "unsubscribed_at"]
    export_filename = "subscribers"
    search_fields = ["email"]
    ordering = ["-created_at"]


register_snippet(SubscriberViewSet)


@receiver(post_delete, sender=Subscriber)
def erase_log_entries(sender, instance, **kwargs):
    """A privacy request erases the person completely: the admin's history of the row keeps
    the address in its labels, so it goes too."""
    ModelLogEntry.objects.filter(
        content_type__app_label="newsletter",
        content_type__model="subscriber",
        object_id=str(instance.pk),
    ).delete()
