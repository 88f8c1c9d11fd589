from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from .views import (
    DeskMenuItem,
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
    TranslationDeskPanel,
    TranslationDeskView,
    locales_worked_by,
    submit_translation_for_review,
)


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


@hooks.register("register_admin_urls")
def register_translation_desk_urls():
    return [
        # These shadow wagtail-localize's own submit views (same paths, matched first because
        # this app's hooks load before wagtail_localize's), so its links and reverse() names
        # keep working while the languages offered follow the user's permissions.
        path("localize/submit/page/<int:page_id>/", SubmitPageTranslationView.as_view()),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SubmitSnippetTranslationView.as_view(),
        ),
        path("translation-desk/", TranslationDeskView.as_view(), name="translation_desk"),
        path(
            "translation-desk/results/",
            TranslationDeskView.as_view(results_only=True),
            name="translation_desk_results",
        ),
        path(
            "translation/<int:translation_id>/submit-for-review/",
            submit_translation_for_review,
            name="submit_translation_for_review",
        ),
    ]


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
