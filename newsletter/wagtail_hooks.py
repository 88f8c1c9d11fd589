from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import ModelLogEntry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from stories.models import BriefingPage

from .admin_views import send_briefing_view
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


class SendBriefingMenuItem(PageMenuItem):
    label = _("Send to subscribers")
    icon_name = "mail"

    @cached_property
    def url(self):
        return reverse("newsletter_send_briefing", args=[self.page.pk])


@hooks.register("register_page_header_buttons")
def send_briefing_button(page, user, view_name, next_url=None):
    sendable = isinstance(page.specific_deferred, BriefingPage) and page.live
    if sendable and page.permissions_for_user(user).can_publish():
        yield SendBriefingMenuItem(page=page, priority=80)


@hooks.register("register_admin_urls")
def newsletter_admin_urls():
    return [
        path("send-briefing/<int:page_id>/", send_briefing_view, name="newsletter_send_briefing")
    ]
