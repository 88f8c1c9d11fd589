from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from stories.models import PartnerOutlet
from translations.views.desk import DeskMenuItem

from .views import IncomingView, can_import, import_feed, start_translation


@hooks.register("register_admin_urls")
def register_incoming_urls():
    return [
        path("incoming/", IncomingView.as_view(), name="syndication_incoming"),
        path(
            "incoming/results/",
            IncomingView.as_view(results_only=True),
            name="syndication_incoming_results",
        ),
        path("incoming/import/<int:partner_id>/", import_feed, name="syndication_import"),
        path(
            "incoming/translate/<int:page_id>/<str:language_code>/",
            start_translation,
            name="syndication_translate",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_incoming_menu_item():
    return DeskMenuItem(
        _("Incoming"), reverse("syndication_incoming"), icon_name="download", order=260
    )


@hooks.register("register_snippet_listing_buttons")
def import_feed_button(snippet, user, next_url=None):
    if isinstance(snippet, PartnerOutlet) and snippet.feed_url and can_import(user, snippet):
        yield ListingButton(
            _("Import feed"),
            reverse("syndication_import", args=[snippet.pk]),
            icon_name="download",
            priority=15,
        )
