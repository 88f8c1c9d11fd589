from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.models import Page

from .listing_buttons import translation_buttons
from .permissions import locales_worked_by
from .views import guards, planning
from .views.credits import edition_fields_view
from .views.desk import DeskMenuItem, TranslationDeskPanel, TranslationDeskView
from .views.memory import use_previous_view
from .views.original import original_view
from .views.review import submit_translation_for_review
from .views.submit import SubmitPageTranslationView, SubmitSnippetTranslationView
from .views.sync import SyncTranslationsView

TRANSLATION = "localize/translate/<int:translation_id>/"


@hooks.register("register_admin_urls")
def register_translation_desk_urls():
    return [
        # These shadow wagtail-localize's own views (same paths, matched first because this
        # app's hooks load before wagtail_localize's), so its links, forms, scripts and
        # reverse() names all lead through the review gate (translations.permissions).
        path("localize/submit/page/<int:page_id>/", SubmitPageTranslationView.as_view()),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SubmitSnippetTranslationView.as_view(),
        ),
        path("localize/update/<int:translation_source_id>/", SyncTranslationsView.as_view()),
        path(
            TRANSLATION + "strings/<int:string_segment_id>/edit/",
            guards.edit_string_translation,
        ),
        path(TRANSLATION + "overrides/<int:overridable_segment_id>/edit/", guards.edit_override),
        path(TRANSLATION + "pofile/download/", guards.download_pofile),
        path(TRANSLATION + "pofile/upload/", guards.upload_pofile),
        path(TRANSLATION + "machine_translate/", guards.machine_translate_view),
        path(TRANSLATION + "preview/", guards.preview_translation),
        path(TRANSLATION + "preview/<str:mode>/", guards.preview_translation),
        path(TRANSLATION + "disable/", guards.stop_translation),
        path("localize/page/<int:page_id>/convert_to_alias/", guards.convert_to_alias),
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/",
            guards.snippet_api("list"),
        ),
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
            guards.snippet_api("retrieve"),
        ),
        path("translation-desk/", TranslationDeskView.as_view(), name="translation_desk"),
        path(
            "translation-desk/original/<int:page_id>/",
            original_view,
            name="translation_desk_original",
        ),
        path(
            "translation-desk/claim/<int:page_id>/<str:language_code>/",
            planning.claim,
            name="translation_desk_claim",
        ),
        path(
            "translation-desk/plan/<int:page_id>/<str:language_code>/",
            planning.plan,
            name="translation_desk_plan",
        ),
        path(
            "translation-desk/results/",
            TranslationDeskView.as_view(results_only=True),
            name="translation_desk_results",
        ),
        path(
            "translation/<int:translation_id>/edition-fields/",
            edition_fields_view,
            name="translation_edition_fields",
        ),
        path(
            "translation/<int:translation_id>/memory/<int:segment_id>/use/",
            use_previous_view,
            name="translation_use_previous",
        ),
        path(
            "translation/<int:translation_id>/submit-for-review/",
            submit_translation_for_review,
            name="submit_translation_for_review",
        ),
    ]


@hooks.register("before_edit_page")
@hooks.register("before_edit_snippet")
def guard_the_editors_own_buttons(request, instance):
    """Restart and convert post to the edit view, where wagtail-localize acts on them before
    Wagtail's own checks (its hooks run after this one)."""
    if request.method == "POST" and any(name in request.POST for name in guards.ENDING_BUTTONS):
        guards.refuse_unless_publisher(request, instance)


@hooks.register("before_edit_page")
def publish_translations_as_the_desk_does(request, page):
    return guards.publish_from_the_editor(request, page.specific)


@hooks.register("before_delete_page")
def guard_deleting_a_translation(request, page):
    guards.refuse_unless_publisher(request, page.specific)


@hooks.register("before_bulk_action")
def guard_deleting_translations_in_bulk(request, action_type, objects, action):
    if action_type == "delete":
        for instance in objects:
            if isinstance(instance, Page):
                guards.refuse_unless_publisher(request, instance.specific)


@hooks.register("before_delete_page")
def name_the_translations_before_deleting(request, page):
    """Wagtail's delete confirmation counts references, not translations: name them."""
    if request.method != "GET":
        return
    translations = (
        page.get_translations().select_related("locale").order_by("locale__language_code")
    )
    if translations:
        listing = ", ".join(
            f"{translation.title} ({translation.locale.get_display_name()})"
            for translation in translations
        )
        messages.warning(
            request,
            format_lazy(
                _("This page has {count} translation(s), which stay on the site: {listing}."),
                count=len(translations),
                listing=listing,
            ),
        )


@hooks.register("insert_global_admin_css")
def desk_styles():
    return format_html('<link rel="stylesheet" href="{}">', static("translations/css/desk.css"))


@hooks.register("register_admin_menu_item")
def register_translation_desk_menu_item():
    return DeskMenuItem(
        gettext_lazy("Translation desk"),
        reverse("translation_desk"),
        icon_name="globe",
        order=250,
    )


@hooks.register("construct_homepage_panels")
def add_translation_desk_panel(request, panels):
    panels.append(TranslationDeskPanel(request.user))


@hooks.register("before_edit_snippet")
@hooks.register("before_delete_snippet")
def keep_translators_to_their_languages(request, instances):
    """Snippet permissions are per model, not per language: a translator who may change
    authors may change them only in the languages they work in."""
    if not isinstance(instances, list):
        instances = [instances]
    locale_ids = {getattr(instance, "locale_id", None) for instance in instances} - {None}
    if locale_ids - set(locales_worked_by(request.user).values_list("pk", flat=True)):
        raise PermissionDenied


@hooks.register("register_admin_urls")
def replace_localize_listing_buttons():
    """wagtail-localize's listing buttons, found for the whole listing at once
    (listing_buttons.py): its own hook, three queries a row, leaves the explorer (its page
    header keeps it). Done here because Wagtail has imported every app's hooks, theirs after
    ours, by the time it asks for admin URLs, and before any listing is shown; importing
    theirs from this module would register their admin URLs ahead of our guards."""
    from wagtail_localize.wagtail_hooks import page_listing_more_buttons

    registered = hooks._hooks.get("register_page_listing_more_buttons", [])
    registered[:] = [(fn, order) for fn, order in registered if fn is not page_listing_more_buttons]
    return []


hooks.register("register_page_listing_more_buttons", translation_buttons)
