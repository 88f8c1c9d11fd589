"""The admin's "Send to subscribers" for a published briefing: the same sending as
manage.py send_briefing, for Moderators (who may publish it)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from stories.models import BriefingPage

from .sending import NotSendable, send_briefing, waiting


def send_briefing_view(request, page_id):
    briefing = get_object_or_404(BriefingPage, pk=page_id)
    if not briefing.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[briefing.pk])
    if request.method == "POST":
        try:
            report = send_briefing(briefing)
        except NotSendable as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("“%(title)s” was sent to %(sent)d subscriber(s); %(already)d had it already.")
                % {"title": briefing.title, "sent": report.sent, "already": report.already},
            )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "newsletter/admin/send_briefing.html",
        {
            "briefing": briefing,
            "recipients": waiting(briefing).count(),
            "edit_url": edit_url,
            "header_title": _("Send “%(title)s”") % {"title": briefing.title},
        },
    )
