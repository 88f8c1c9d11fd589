"""Submitting a finished translation to the copy desk's review."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation

from .. import memory
from ..operations import save_draft
from ..permissions import review_lock


def can_submit_for_review(page, user):
    """wagtail-localize's editor can only publish; this is the way in for translators who
    may edit a translation but must send it through the workflow instead."""
    permissions = page.permissions_for_user(user)
    return (
        permissions.can_edit()
        and not permissions.can_publish()
        and permissions.can_submit_for_moderation()
    )


@require_POST
def submit_translation_for_review(request, translation_id):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = translation.get_target_instance()
    if not isinstance(page, Page) or not can_submit_for_review(page, request.user):
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if lock := review_lock(request.user, page):
        messages.error(request, lock)
        return redirect(edit_url)
    total, done = translation.get_progress()
    if done < total:
        messages.error(
            request,
            ngettext(
                "%(count)d segment is not translated yet: translate it before submitting.",
                "%(count)d segments are not translated yet: translate them before submitting.",
                total - done,
            )
            % {"count": total - done},
        )
        return redirect(edit_url)
    unchecked = sum(1 for change in memory.recall(translation).changes if change.taken)
    if unchecked:
        messages.error(
            request,
            ngettext(
                "%(count)d passage still has its previous translation, unchecked since the "
                "original changed: edit it (or save it as it is) before submitting.",
                "%(count)d passages still have their previous translation, unchecked since the "
                "original changed: edit them (or save them as they are) before submitting.",
                unchecked,
            )
            % {"count": unchecked},
        )
        return redirect(edit_url + "?segments=to-do")
    try:
        save_draft(translation, user=request.user, linking_its_own_language=True)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(edit_url)
    page = Page.objects.get(pk=page.pk).specific  # with the revision just saved
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        # Back to the reviewer who asked for changes, as Wagtail's own editor resubmits.
        state.resume(request.user)
    else:
        page.get_workflow().start(page, request.user)
    messages.success(
        request,
        _("“%(title)s” in %(language)s was submitted for review.")
        % {"title": page.get_admin_display_title(), "language": page.locale.get_display_name()},
    )
    return redirect(edit_url)
