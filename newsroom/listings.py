"""The admin's story listings: a section's stories in the page explorer, and the flat
"Stories" listing (one edition by default, filtered by status, section, topic, author,
partner or language), with the columns the desk works from."""

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Case, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.choose_parent import ChooseParentView
from wagtail.admin.views.pages.listing import ExplorableIndexView, IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet, PageViewSet
from wagtail.models import Page, WorkflowState

from config.cache import request_memo
from editions.locales import edition_locales
from stories.models import Author, PartnerOutlet, SectionPage, StoryPage, StoryTopic, TopicPage


def annotate_for_desk(pages):
    """The story's focus topic, and its state in each edition: in the query, so the listing
    can be sorted on them.

    Each edition's state is a scalar subquery (the `live` of the story's version there; NULL
    with none), not an EXISTS: PostgreSQL evaluates a scalar subquery for the rows shown,
    after the sort and the limit, where it made each EXISTS a hashed subplan over every page
    of the language (45 ms each for a section's listing at 100,000 stories: 0.5 s)."""
    annotations = {
        # "" rather than NULL for no focus, so it sorts first on every database.
        "focus_title": Coalesce(
            Subquery(
                StoryTopic.objects.filter(page_id=OuterRef("pk"), is_focus=True).values(
                    "topic__title"
                )[:1]
            ),
            Value(""),
        )
    }
    live_editions = Value(0)
    for locale in edition_locales():
        version = Page.objects.filter(translation_key=OuterRef("translation_key"), locale=locale)
        state = Subquery(version.values("live")[:1])
        annotations[edition_state(locale.language_code)] = state
        live_editions += Case(When(Exact(state, True), then=Value(1)), default=Value(0))
    return pages.annotate(**annotations, live_editions=live_editions)


def edition_state(code):
    return f"edition_{code}_live"


class EditionCoverageColumn(Column):
    """Each edition's code with the story's state there: live, draft only, or none."""

    cell_template_name = "newsroom/admin/coverage_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        # From the row's own annotations: no query per row.
        names = dict(settings.LANGUAGES)
        states = {
            code: getattr(instance, edition_state(code))
            for code in settings.EDITION_LANGUAGES
            if hasattr(instance, edition_state(code))
        }
        context["editions"] = [
            {"code": code, "name": names[code], "live": state is True, "exists": state is not None}
            for code, state in states.items()
        ]
        return context


DESK_COLUMNS = [
    Column("focus", label=_("Focus"), accessor="focus_title", sort_key="focus_title", width="14%"),
    # The accessor names a row's own annotation: Wagtail reads it for every cell, and one
    # the page lacks costs a dir() of the page per row (10 ms a listing of 50).
    EditionCoverageColumn(
        "editions",
        label=_("Editions"),
        accessor="live_editions",
        sort_key="live_editions",
        width="16%",
    ),
]


STATUSES = [
    ("draft", _("Draft")),
    ("in_review", _("In review")),
    ("scheduled", _("Scheduled")),
    ("live", _("Live")),
    ("changed", _("Live, with unpublished changes")),
]


class StoryFilterSet(PageFilterSet):
    """What a desk filters stories by. Wagtail's "Has child pages" and "Site" say nothing of
    a story (every story is a leaf of the one site); its locale filter is kept."""

    has_child_pages = site = None
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=STATUSES,
        method="filter_status",
        empty_label=_("Any"),
        widget=forms.RadioSelect,
    )
    section = django_filters.ModelChoiceFilter(
        label=_("Section"),
        queryset=SectionPage.objects.select_related("locale").order_by("title", "locale"),
        method="filter_section",
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        field_name="story_topics__topic",
        queryset=TopicPage.objects.select_related("locale").order_by("title", "locale"),
    )
    author = django_filters.ModelChoiceFilter(
        label=_("Author"),
        field_name="bylines__author",
        queryset=Author.objects.select_related("locale").order_by("name", "locale"),
    )
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner outlet"),
        queryset=PartnerOutlet.objects.select_related("locale").order_by("name", "locale"),
        method="filter_partner",
    )

    class Meta:
        model = StoryPage
        fields = []

    def __init__(self, *args, edition=None, **kwargs):
        """`edition`: the language of the stories listed (a section's), else the one the
        locale filter asks for; the section, topic, author and partner filters then offer
        that edition's alone (with "All", every edition's)."""
        super().__init__(*args, **kwargs)
        language = edition or (self.data or {}).get("locale")
        if language:
            for name in ("section", "topic", "author", "partner"):
                narrowed = self.filters[name]
                narrowed.queryset = narrowed.queryset.filter(locale__language_code=language)

    def filter_status(self, pages, name, value):
        stories = StoryPage.objects.all()
        matching = {
            "draft": stories.filter(live=False),
            "in_review": stories.filter(
                _specific_workflow_states__status=WorkflowState.STATUS_IN_PROGRESS
            ),
            "scheduled": stories.filter(_revisions__approved_go_live_at__isnull=False),
            "live": stories.filter(live=True, has_unpublished_changes=False),
            "changed": stories.filter(live=True, has_unpublished_changes=True),
        }.get(value)
        return pages if matching is None else pages.filter(pk__in=matching.values("pk"))

    def filter_section(self, pages, name, section):
        return pages.descendant_of(section) if section else pages

    def filter_partner(self, pages, name, partner):
        # Where it came from, who signed it, or whose reporting it credits.
        if partner is None:
            return pages
        return pages.filter(
            Q(partner=partner)
            | Q(pk__in=StoryPage.objects.filter(bylines__partner=partner).values("pk"))
            | Q(pk__in=StoryPage.objects.filter(partner_credits__partner=partner).values("pk"))
        )


LISTED = "newsroom:listed-pages"


class DeskColumnsMixin:
    def annotate_queryset(self, pages):
        return annotate_for_desk(super().annotate_queryset(pages))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        memo = request_memo()
        if memo is not None:
            memo[LISTED] = list(context["object_list"])
        return context


def listed_pages():
    """The rows the desk's listing being rendered shows, for what their buttons need to know
    of them at once (translations.listing_buttons); None outside such a listing."""
    memo = request_memo()
    return None if memo is None else memo.get(LISTED)


class SectionStoriesView(DeskColumnsMixin, ExplorableIndexView):
    def get_filterset_kwargs(self):
        return super().get_filterset_kwargs() | {"edition": self.parent_page.locale.language_code}


class StoriesView(DeskColumnsMixin, IndexView):
    def get_filterset_kwargs(self):
        """One edition's stories unless the desk asks for all ("All" sends an empty value):
        the user's language when it is an edition's, else the default one."""
        kwargs = super().get_filterset_kwargs()
        if "locale" not in self.request.GET:
            language = get_language()
            data = self.request.GET.copy()
            data["locale"] = (
                language if language in settings.EDITION_LANGUAGES else settings.LANGUAGE_CODE
            )
            kwargs["data"] = data
        return kwargs


def with_desk_columns(base_columns):
    """Wagtail's columns (title, parent, updated, status), the desk's before the status; no
    page type, since every row is a story."""
    status = [c for c in base_columns if c.name == "status"]
    kept = [c for c in base_columns if c.name not in ("status", "type")]
    return kept + DESK_COLUMNS + status


class ChooseSectionView(ChooseParentView):
    """ "Add story" asks for the section of the edition the story is filed in, from a list of
    those the editor may add to, where Wagtail's page chooser opened at the root of every
    edition's tree."""

    def get_form(self):
        form = super().get_form()
        form.fields["parent_page"] = forms.ModelChoiceField(
            queryset=self.get_valid_parent_pages(self.request.user).order_by("path"),
            widget=forms.RadioSelect,
            empty_label=None,
            label=_("Section"),
            help_text=_("The section the story is filed in. It can be moved later."),
        )
        return form


class StoryPageViewSet(PageViewSet):
    """Used by the page explorer for the stories of a section."""

    model = StoryPage
    index_view_class = SectionStoriesView
    columns = with_desk_columns(ExplorableIndexView.base_columns)
    filterset_class = StoryFilterSet


class StoryListingViewSet(PageListingViewSet):
    """Every story the user may see, in one list: filter by topic, sort by focus or editions."""

    model = StoryPage
    name = "stories"
    icon = "doc-full"
    menu_label = _("Stories")
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = StoriesView
    choose_parent_view_class = ChooseSectionView
    columns = with_desk_columns(IndexView.base_columns)
    filterset_class = StoryFilterSet
