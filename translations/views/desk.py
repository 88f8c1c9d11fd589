"""The translation desk: every original story and where it stands in each edition, and
the dashboard's counts of it for the signed-in translator."""

from urllib.parse import urlencode

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from home.locales import edition_locales
from stories.models import PartnerOutlet, SectionPage, StoryPage

from .. import desk
from ..permissions import DESK_PERMISSION, editions_worked_by


class DeskMenuItem(MenuItem):
    """A menu item for the desk's views: shown to those who may submit translations."""

    def is_shown(self, request):
        return request.user.has_perm(DESK_PERMISSION)


def one_per_translation_key(objects):
    """Choices naming each translated thing once, in the first language it is listed in."""
    seen = {}
    for obj in objects:
        seen.setdefault(str(obj.translation_key), str(obj))
    return sorted(seen.items(), key=lambda choice: choice[1].casefold())


class TranslationDeskFilterSet(WagtailFilterSet):
    edition = django_filters.ChoiceFilter(label=_("Edition"), method="filter_nothing")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=desk.STATE_CHOICES, method="filter_status"
    )
    section = django_filters.ChoiceFilter(label=_("Section"), method="filter_section")
    partner = django_filters.ChoiceFilter(label=_("Partner"), method="filter_partner")

    class Meta:
        model = StoryPage
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.editions = edition_locales()
        self.filters["edition"].extra["choices"] = [
            (locale.language_code, locale.get_display_name()) for locale in self.editions
        ]
        self.filters["section"].extra["choices"] = one_per_translation_key(
            SectionPage.objects.order_by("locale__language_code")
        )
        self.filters["partner"].extra["choices"] = one_per_translation_key(
            PartnerOutlet.objects.order_by("locale__language_code")
        )

    @property
    def chosen_editions(self):
        code = self.form.cleaned_data.get("edition") if self.is_bound else None
        chosen = [locale for locale in self.editions if locale.language_code == code]
        return chosen or self.editions

    def filter_nothing(self, queryset, name, value):
        return queryset  # the edition picks the columns (see chosen_editions)

    def filter_status(self, queryset, name, value):
        # Without an edition, a story matches if any edition is in that state.
        condition = Q()
        for locale in self.chosen_editions:
            condition |= Q(**{desk.state_lookup(locale): value})
        return queryset.filter(condition)

    def filter_section(self, queryset, name, value):
        parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
        return queryset.filter(Exists(Page.objects.filter(translation_key=value, path=parent_path)))

    def filter_partner(self, queryset, name, value):
        return queryset.filter(partner__translation_key=value)


class EditionColumn(Column):
    """A story's state in one edition, linked to what a translator does next."""

    cell_template_name = "translations/admin/desk_cell.html"

    def __init__(self, locale, *, workable, next_url):
        super().__init__(f"edition_{locale.language_code}", label=locale.get_display_name())
        self.locale = locale
        self.workable = workable
        self.next_url = next_url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        status = desk.status(instance, self.locale)
        context["status"] = status
        context["action_url"], context["action_label"] = self.action(instance, status)
        return context

    def action(self, story, status):
        if status.state == desk.ORIGINAL:
            return reverse("wagtailadmin_pages:edit", args=[story.pk]), _("Original")
        if not self.workable:
            return None, None
        if status.state == desk.MISSING:
            query = urlencode({"select_locale": self.locale.language_code})
            url = reverse("wagtail_localize:submit_page_translation", args=[story.pk])
            return f"{url}?{query}", _("Translate")
        if status.state == desk.OUT_OF_DATE and status.source_id:
            url = reverse("wagtail_localize:update_translations", args=[status.source_id])
            return f"{url}?{urlencode({'next': self.next_url})}", _("Sync")
        edit_url = reverse("wagtailadmin_pages:edit", args=[status.page_id])
        if status.state == desk.IN_PROGRESS:
            return edit_url, _("Continue")
        return edit_url, _("Open")


class TranslationDeskView(ReportView):
    page_title = _("Translation desk")
    header_icon = "globe"
    filterset_class = TranslationDeskFilterSet
    index_url_name = "translation_desk"
    index_results_url_name = "translation_desk_results"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(DESK_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def editions(self):
        if self.filters and self.filters.is_valid():
            return self.filters.chosen_editions
        return edition_locales()

    def get_queryset(self):
        stories = desk.originals(StoryPage.objects.all()).select_related("locale", "partner")
        return desk.with_edition_states(stories, self.editions).order_by(
            "-latest_revision_created_at", "-pk"
        )

    edition_column_class = EditionColumn

    def story_columns(self):
        """The columns before the editions' own: what the story is."""
        return [
            TitleColumn("title", label=_("Story"), get_url=self.story_url),
            Column("locale", label=_("Original language"), accessor="locale.get_display_name"),
            Column("partner", label=_("Partner"), accessor="partner"),
        ]

    def story_url(self, story):
        """The story's editor for those who may edit it; for the others (translators of
        another desk's original), the original to read."""
        if story.permissions_for_user(self.request.user).can_edit():
            return reverse("wagtailadmin_pages:edit", args=[story.pk])
        return reverse("translation_desk_original", args=[story.pk])

    @cached_property
    def columns(self):
        workable = {locale.pk for locale in editions_worked_by(self.request.user)}
        next_url = self.request.get_full_path().replace(
            reverse(self.index_results_url_name), reverse(self.index_url_name)
        )
        return self.story_columns() + [
            self.edition_column_class(locale, workable=locale.pk in workable, next_url=next_url)
            for locale in self.editions
        ]


class TranslationDeskPanel(Component):
    """Dashboard counts of the stories waiting in the signed-in translator's editions."""

    name = "translation_desk"
    order = 60
    template_name = "translations/admin/desk_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        desk_url = reverse("translation_desk")
        editions = []
        for locale in editions_worked_by(self.user):
            lookup = desk.state_lookup(locale)
            counts = dict(
                desk.with_edition_states(desk.originals(StoryPage.objects.all()), [locale])
                .order_by()
                .values_list(lookup)
                .annotate(n=Count("pk"))
            )
            states = [
                {
                    "label": label,
                    "count": counts.get(state, 0),
                    "url": f"{desk_url}?"
                    + urlencode({"edition": locale.language_code, "status": state}),
                }
                for state, label in desk.STATE_CHOICES
            ]
            editions.append({"locale": locale, "states": states})
        return {"editions": editions, "desk_url": desk_url}

    def render_html(self, parent_context=None):
        if not self.user.has_perm(DESK_PERMISSION):
            return ""
        return super().render_html(parent_context)
