from django.urls import path
from wagtail import hooks

from .chooser_views import EditionBrowseView
from .rich_text import ReaderPageLinkHandler


@hooks.register("register_admin_urls")
def register_edition_page_chooser():
    view = EditionBrowseView.as_view()
    return [
        path("choose-page/edition/<str:language_code>/", view, name="edition_page_chooser"),
        path("choose-page/edition/<str:language_code>/<int:parent_page_id>/", view),
    ]


@hooks.register("register_rich_text_features", order=1)  # after Wagtail's own handler
def register_page_link_handler(features):
    features.register_link_type(ReaderPageLinkHandler)
