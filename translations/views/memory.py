"""Taking a passage's previous translation back after the original changed (translations.memory)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail_localize.models import Translation

from .. import memory
from .guards import edit_url, target_of, work


@require_POST
def use_previous_view(request, translation_id, segment_id):
    translation = get_object_or_404(Translation, pk=translation_id)
    recalled = memory.recall(translation)
    change = next((c for c in recalled.changes if c.segment.pk == segment_id), None)
    if change is None or change.taken:
        messages.warning(request, _("That passage has no previous translation to take."))
    else:
        memory.use_previous(change, translation, request.user)
        messages.success(
            request,
            _("The previous translation is in place: change it to match the new wording."),
        )
    return redirect(edit_url(target_of(translation)) + "?segments=to-do")


use_previous_view = work(use_previous_view)
