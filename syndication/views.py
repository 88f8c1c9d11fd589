"""The desk's side of syndication: "Incoming", the imported drafts newest first with a
button to start each translation, and the import of a partner's feed on demand."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.actions.copy_for_translation import ParentNotTranslatedError
from wagtail.admin.ui.tables import Column
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from stories.models import PartnerOutlet, StoryPage
from translations import desk
from translations.permissions import DESK_PERMISSION, editions_worked_by
from translations.views.desk import EditionColumn, TranslationDeskView

from .importing import ImportRefused, destination, import_partner_feed, partners_with_feeds


class IncomingEditionColumn(EditionColumn):
    """The desk's column for an edition, where a missing translation is started at once."""

    def action(self, story, status):
        if status.state == desk.MISSING and self.workable:
            url = reverse("syndication_translate", args=[story.pk, self.locale.language_code])
            return url, _("Translate")
        return super().action(story, status)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["action_posts"] = context["status"].state == desk.MISSING
        return context


class IncomingView(TranslationDeskView):
    page_title = gettext_lazy("Incoming")
    header_icon = "download"
    index_url_name = "syndication_incoming"
    index_results_url_name = "syndication_incoming_results"
    template_name = "syndication/incoming.html"

    def get_queryset(self):
        stories = StoryPage.objects.filter(import_record__isnull=False).select_related(
            "locale", "partner", "import_record"
        )
        return desk.with_edition_states(stories, self.editions).order_by(
            "-import_record__imported_at", "-pk"
        )

    edition_column_class = IncomingEditionColumn

    def story_columns(self):
        return [
            *super().story_columns(),
            Column(
                "imported_at",
                label=gettext_lazy("Imported"),
                accessor=lambda story: date_format(
                    localtime(story.import_record.imported_at), "SHORT_DATETIME_FORMAT"
                ),
            ),
            Column(
                "edited",
                label=gettext_lazy("Draft"),
                accessor=lambda story: (
                    _("Edited by the desk")
                    if story.import_record.changed_by_editor
                    else _("As imported")
                ),
            ),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["feeds"] = [
            partner for partner in partners_with_feeds() if can_import(self.request.user, partner)
        ]
        return context


def can_import(user, partner):
    partner = partner.first_version()  # the settings the import uses
    try:
        section = destination(partner)
    except ImportRefused:
        return user.has_perm(DESK_PERMISSION)  # shown, so that the desk learns what is missing
    return section.permissions_for_user(user).can_add_subpage()


def import_feed(request, partner_id):
    """GET: what importing this partner's feed will do. POST: import it now."""
    partner = get_object_or_404(PartnerOutlet, pk=partner_id)
    if not request.user.has_perm(DESK_PERMISSION) or not can_import(request.user, partner):
        raise PermissionDenied
    if request.method != "POST":
        return TemplateResponse(request, "syndication/import_feed.html", {"partner": partner})
    # Within the request: the app server gives up on a request after its timeout.
    report = import_partner_feed(
        partner, user=request.user, seconds=settings.SYNDICATION_ADMIN_IMPORT_SECONDS
    )
    if report.error:
        messages.error(request, report.summary())
    else:
        messages.success(request, report.summary())
    for item in report.failed:
        messages.warning(request, f"{item.label}: {item.reason}")
    for warning in report.warnings:
        messages.warning(request, warning)
    return redirect("syndication_incoming")


@require_POST
def start_translation(request, page_id, language_code):
    """Translate an imported story into an edition with wagtail-localize, as its Translate
    action does, and open the translation in its editor."""
    story = get_object_or_404(StoryPage, pk=page_id)
    locale = get_object_or_404(Locale, language_code=language_code)
    if not request.user.has_perm(DESK_PERMISSION) or locale not in editions_worked_by(request.user):
        raise PermissionDenied
    existing = story.get_translation_or_none(locale)
    if existing is not None:  # a second click, or a page out of date: never start over
        return redirect("wagtailadmin_pages:edit", existing.pk)
    try:
        with transaction.atomic():
            translate_object(story, [locale], user=request.user)
    except ParentNotTranslatedError:
        messages.error(
            request,
            _("“%(section)s” has no %(language)s version yet: translate the section first.")
            % {"section": story.get_parent().title, "language": locale.get_display_name()},
        )
        return redirect("syndication_incoming")
    translation = story.get_translation(locale)
    return redirect("wagtailadmin_pages:edit", translation.pk)
