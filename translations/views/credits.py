"""The fields a translation sets for itself (stories.localize.PerEditionField), set beside
the segments: wagtail-localize's editor shows only what comes from the original."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page
from wagtail_localize.models import Translation

from stories.localize import per_edition_fields

from ..operations import set_edition_fields
from ..permissions import may_edit, review_lock
from .guards import edit_url, target_of


def edition_fields(page):
    """[(name, label, value)] of the fields `page` sets for itself, as its latest revision
    has them."""
    names = per_edition_fields(type(page))
    if not names:
        return []
    latest = page.get_latest_revision_as_object()
    return [
        (name, page._meta.get_field(name).verbose_name, getattr(latest, name)) for name in names
    ]


@require_POST
def edition_fields_view(request, translation_id):
    translation = get_object_or_404(Translation, pk=translation_id)
    page = target_of(translation)
    if not isinstance(page, Page) or not may_edit(request.user, page):
        raise PermissionDenied
    if lock := review_lock(request.user, page):
        messages.error(request, lock)
        return redirect(edit_url(page))
    fields = {name: field for name, *field in edition_fields(page)}
    values = {name: request.POST.get(name, "").strip() for name in fields}
    try:
        for name, value in values.items():
            page._meta.get_field(name).clean(value, page)
        set_edition_fields(translation, values, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Saved in the draft; readers see it once the translation is published."),
        )
    return redirect(edit_url(page))
