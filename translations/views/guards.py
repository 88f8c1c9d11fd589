"""wagtail-localize's views behind the review gate (translations.permissions).

Each is registered at wagtail-localize's own address (translations.wagtail_hooks), matched
before it, so every link, form and script of its editor reaches it through the gate. The
views themselves are wagtail-localize's, but for machine translation, which leaves names
and credits to the translator; the gate decides who gets through.
"""

import functools
from urllib.parse import quote

import polib
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from rest_framework.renderers import JSONRenderer
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.coreutils import string_to_ascii
from wagtail.models import Page
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, edit_translation, snippets_api

from editions.purging import page_changed

from ..machine_translation import machine_translate
from ..operations import publish_translation, save_draft
from ..permissions import in_review, may_edit, may_publish, review_lock
from ..slugs import follow_headline


def target_of(translation):
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    return target.specific if isinstance(target, Page) else target


def edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[instance.pk])


def refuse(request, message, *, api):
    """The answer to a refused change: JSON for the editor's scripts, a message for forms."""
    if api:
        return JsonResponse({"detail": message}, status=403)
    messages.error(request, message)
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


def work(view, *, api=False):
    """A view that changes a translation's segments (or, for a download, reads them): for
    those who may edit the target, and not while it is locked for them. A reviewer's change
    to a translation in review goes into a new revision, the one their approval publishes;
    the slug follows a new headline (translations.slugs)."""

    @functools.wraps(view)
    def guarded(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, pk=translation_id)
        target = target_of(translation)
        if not may_edit(request.user, target):
            raise PermissionDenied
        if api and request.method not in ("PUT", "DELETE"):
            # Its segment APIs take PUT and DELETE; DRF answers anything else from a browser
            # with its browsable page, whose templates are not installed (a 500).
            return JsonResponse({"detail": "Method not allowed."}, status=405)
        if request.method == "GET":
            return view(request, translation_id, *args, **kwargs)
        if lock := review_lock(request.user, target):
            return refuse(request, lock, api=api)
        response = view(request, translation_id, *args, **kwargs)
        if response.status_code < 400:
            follow_headline(translation)
            if in_review(target):
                save_draft(translation, user=request.user)
        return response

    return guarded


def publish(view):
    """A view that changes what readers see of a translation, or ends it: for those who may
    publish the target."""

    @functools.wraps(view)
    def guarded(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, pk=translation_id)
        if not may_publish(request.user, target_of(translation)):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return guarded


edit_string_translation = work(edit_translation.edit_string_translation, api=True)
edit_override = work(edit_translation.edit_override, api=True)
upload_pofile = work(edit_translation.upload_pofile)


def po_file_for_tools(view):
    """wagtail-localize's PO file, made ready for translators' tools: it named the file
    after the original's title slugified to ASCII (a Cyrillic or Arabic title left only
    "-fr.po"), and its header had no Language, which GNU gettext's `msgfmt -c`, Poedit and
    Weblate read the target language from. Named here by the title transliterated (and as
    it is, for browsers that read RFC 6266's filename*), with a full header."""

    @functools.wraps(view)
    def ready(request, translation_id, *args, **kwargs):
        response = view(request, translation_id, *args, **kwargs)
        if response.status_code != 200:
            return response
        translation = Translation.objects.select_related("source", "target_locale").get(
            pk=translation_id
        )
        title = translation.source.object_repr
        code = translation.target_locale.language_code
        po = polib.pofile(response.content.decode())
        po.metadata = {
            "Project-Id-Version": title,
            "PO-Revision-Date": timezone.now().strftime("%Y-%m-%d %H:%M%z"),
            "Last-Translator": request.user.get_full_name() or request.user.get_username(),
            "Language-Team": str(translation.target_locale.get_display_name()),
            "Language": code,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=utf-8",
            "Content-Transfer-Encoding": "8bit",
            **po.metadata,
        }
        response.content = str(po).encode()
        ascii_name = slugify(string_to_ascii(title))[:80] or "translation"
        unicode_name = quote(f"{slugify(title, allow_unicode=True)[:80]}-{code}.po")
        response["Content-Disposition"] = (
            f"attachment; filename=\"{ascii_name}-{code}.po\"; filename*=UTF-8''{unicode_name}"
        )
        return response

    return ready


download_pofile = work(po_file_for_tools(edit_translation.download_pofile))
preview_translation = work(edit_translation.preview_translation)
stop_translation = publish(edit_translation.stop_translation)


def snippet_api(action):
    """wagtail-localize's snippet API (its translation editor fetches the name of a chosen
    snippet with it) answers every admin user about every kind of snippet, subscribers
    too. Here it answers only those whom Wagtail's own listing shows that kind to: anyone
    with a permission on the model."""
    # JSON whatever the client accepts: a browser opening the address got DRF's browsable
    # page, whose templates are not installed (a 500).
    view = snippets_api.SnippetViewSet.as_view({"get": action}, renderer_classes=[JSONRenderer])

    @functools.wraps(view)
    def guarded(request, app_label, model_name, **kwargs):
        model = get_snippet_model_from_url_params(app_label, model_name)
        policy = model.snippet_viewset.permission_policy
        if not policy.user_has_any_permission(request.user, ["add", "change", "delete", "view"]):
            return refuse(request, _("You may not see these."), api=True)
        return view(request, app_label=app_label, model_name=model_name, **kwargs)

    return guarded


@require_POST
def machine_translate_view(request, translation_id):
    """wagtail-localize's "Translate with …" button, filling all but names, credits and the
    slug (translations.machine_translation)."""
    translation = get_object_or_404(Translation, pk=translation_id)
    filled = machine_translate(translation, request.user)
    if filled:
        messages.success(
            request,
            ngettext(
                "%(count)d segment was translated by machine: check it before submitting.",
                "%(count)d segments were translated by machine: check them before submitting.",
                filled,
            )
            % {"count": filled},
        )
    else:
        messages.warning(request, _("There was nothing the machine could translate."))
    return redirect(get_valid_next_url_from_request(request) or edit_url(target_of(translation)))


machine_translate_view = work(machine_translate_view)


def convert_to_alias(request, page_id):
    """Replacing a translation with its original's content is publishing it: for those who
    may publish the page. Readers are then served the new content, not the cached page."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not may_publish(request.user, page):
        raise PermissionDenied
    response = convert.convert_to_alias(request, page_id)
    page = Page.objects.get(pk=page_id).specific
    if request.method == "POST" and page.alias_of_id and page.live:
        parent = page.get_parent()
        page_changed(page, parents=[parent] if parent else [])
    return response


def translation_of(instance):
    """The translation `instance` is the target of (enabled or stopped), or None."""
    return Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id
    ).first()


def refuse_unless_publisher(request, instance):
    """Restarting a stopped translation's syncing, converting it to an alias (buttons of
    wagtail-localize's editor that post to the edit view itself) and deleting a translation:
    for those who may publish it."""
    if translation_of(instance) is not None and not may_publish(request.user, instance):
        raise PermissionDenied


ENDING_BUTTONS = ("localize-restart-translation", "localize-convert-to-alias")


def publish_from_the_editor(request, page):
    """The editor's "Publish in …" (a POST to the page's edit view, which wagtail-localize
    answers): published as `operations.publish_translation` builds it, so that what the
    translation sets for itself (its credit) is published with it. Returns None when the
    request is not that."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = translation_of(page)
    if translation is None or not translation.enabled:
        return None
    if not may_publish(request.user, page):
        raise PermissionDenied
    language = translation.target_locale.get_display_name()
    try:
        publish_translation(translation, user=request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("“%(title)s” was not published in %(language)s: %(errors)s")
            % {"title": page.title, "language": language, "errors": " ".join(error.messages)},
        )
    else:
        messages.success(
            request,
            _("Published “%(title)s” in %(language)s.")
            % {"title": Page.objects.get(pk=page.pk).title, "language": language},
        )
    return redirect(request.path)
