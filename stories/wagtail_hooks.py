import json

from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext
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


@hooks.register("insert_editor_js")
def story_editor_counters():
    """Characters against what shows in full, and the story's words and reading time, in
    the editor's language; tabs' error badges that count a StreamField's errors too
    (stories/static/stories/js/story_editor.js)."""
    labels = {
        "count": gettext("{count} of about {limit} characters"),
        "over": gettext("{count} characters: about {limit} show in full"),
        "reading": gettext("The story: {words} words, about {minutes} min to read"),
    }
    return format_html(
        '<script src="{}" data-labels="{}" defer></script>',
        static("stories/js/story_editor.js"),
        json.dumps(labels),
    )


@hooks.register("insert_editor_css")
def story_editor_styles():
    return format_html('<link rel="stylesheet" href="{}">', static("stories/css/story_editor.css"))
