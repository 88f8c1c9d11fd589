"""The translation desk: every original story and where it stands in each edition, and
the dashboard's counts of it for the signed-in translator."""

from urllib.parse import urlencode

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Length, Substr
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from editions.locales import edition_locales
from stories.models import PartnerOutlet, SectionPage, StoryPage

from .. import desk
from ..models import Assignment
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
    assigned = django_filters.ChoiceFilter(
        label=_("Translator"),
        choices=[("me", _("Mine")), ("nobody", _("Nobody yet"))],
        method="filter_assigned",
    )
    q = django_filters.CharFilter(label=_("Headline contains"), method="filter_headline")
    order = django_filters.ChoiceFilter(
        label=_("Order"),
        choices=[
            ("newest", _("Newest originals first")),
            ("waiting", _("Waiting longest first")),
            ("deadline", _("Deadline first")),
        ],
        method="filter_nothing",
        empty_label=None,
    )

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

    def filter_assigned(self, queryset, name, value):
        # In the chosen editions: a translator's own edition is the one they filter by.
        editions = [locale.pk for locale in self.chosen_editions]
        mine = Assignment.objects.filter(original_id=OuterRef("pk"), locale_id__in=editions)
        if value == "me":
            return queryset.filter(Exists(mine.filter(assignee=self.request.user)))
        return queryset.exclude(Exists(mine.filter(assignee__isnull=False)))

    def filter_headline(self, queryset, name, value):
        """In any language: the original's headline or one of its translations'."""
        return queryset.filter(
            Exists(
                Page.objects.filter(
                    translation_key=OuterRef("translation_key"), title__icontains=value.strip()
                )
            )
        )

    @property
    def chosen_order(self):
        return (self.form.cleaned_data.get("order") if self.is_bound else None) or "newest"


class EditionColumn(Column):
    """A story's state in one edition, linked to what a translator does next."""

    cell_template_name = "translations/admin/desk_cell.html"

    def __init__(self, locale, *, workable, next_url, view):
        super().__init__(f"edition_{locale.language_code}", label=locale.get_display_name())
        self.locale = locale
        self.workable = workable
        self.next_url = next_url
        self.view = view

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        status = desk.status(instance, self.locale, self.view.assignee_names)
        context["status"] = status
        context["action_url"], context["action_label"] = self.action(instance, status)
        context["plan"] = self.plan(instance, status)
        # Cells are rendered from a plain context, which {% csrf_token %} finds nothing in.
        context["csrf_token"] = get_token(self.view.request)
        return context

    def plan(self, story, status):
        """Who has it, and what the user may do about that: claim it, give it back, or
        (planners) assign it and set a deadline."""
        if status.state in (desk.ORIGINAL, desk.UP_TO_DATE):
            return None
        user = self.view.request.user
        args = [story.pk, self.locale.language_code]
        query = urlencode({"next": self.next_url})
        return {
            "mine": status.assignee_id == user.pk,
            "claim_url": reverse("translation_desk_claim", args=args) + f"?{query}"
            if self.workable
            else None,
            "plan_url": reverse("translation_desk_plan", args=args) + f"?{query}"
            if user.has_perm("translations.change_assignment")
            else None,
        }

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
        stories = desk.originals(StoryPage.objects.live()).select_related("locale", "partner")
        stories = desk.with_edition_states(stories, self.editions)
        order = self.filters.chosen_order if self.filters and self.filters.is_valid() else None
        if order == "waiting":
            # What waits for the desk first (in any of the editions shown), oldest first.
            done = Q()
            for locale in self.editions:
                done &= Q(**{f"{desk.state_lookup(locale)}__in": [desk.ORIGINAL, desk.UP_TO_DATE]})
            return stories.annotate(
                waits=Case(When(done, then=Value(1)), default=Value(0))
            ).order_by("waits", F("first_published_at").asc(nulls_last=True), "pk")
        if order == "deadline":
            deadline = Assignment.objects.filter(
                original_id=OuterRef("pk"), locale__in=self.editions, deadline__isnull=False
            ).order_by("deadline")
            return stories.annotate(
                next_deadline=Subquery(deadline.values("deadline")[:1])
            ).order_by(F("next_deadline").asc(nulls_last=True), "-pk")
        return stories.order_by("-first_published_at", "-pk")

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        # The assignees' names for the page of stories shown, in one query.
        self.assignee_names.update(desk.assignee_names(context["object_list"], self.editions))
        return context

    @cached_property
    def assignee_names(self):
        return {}

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
            self.edition_column_class(
                locale, workable=locale.pk in workable, next_url=next_url, view=self
            )
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
                desk.with_edition_states(desk.originals(StoryPage.objects.live()), [locale])
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
