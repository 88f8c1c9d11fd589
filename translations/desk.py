"""Where each story stands in each edition: the data behind the translation desk.

The state of a story in an edition is worked out by the database, as annotations on a
queryset of original stories, so the desk can filter on it, count it and page through
thousands of stories in a fixed number of queries.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from .models import Assignment

ORIGINAL = "original"
MISSING = "missing"
IN_PROGRESS = "in_progress"
IN_REVIEW = "in_review"
OUT_OF_DATE = "out_of_date"
UP_TO_DATE = "up_to_date"

# What a translator works on; ORIGINAL is a column's label for the story's own language.
STATE_CHOICES = [
    (MISSING, _("Not translated")),
    (IN_PROGRESS, _("In progress")),
    (IN_REVIEW, _("In review")),
    (OUT_OF_DATE, _("Out of date")),
    (UP_TO_DATE, _("Up to date")),
]


@dataclass(frozen=True)
class EditionStatus:
    state: str
    page_id: int | None = None
    source_id: int | None = None
    percent: int | None = None
    waiting_since: datetime.datetime | None = None  # since when it waits for the desk
    assignee_id: int | None = None
    assignee: str = ""  # the assignee's name
    deadline: datetime.datetime | None = None

    @property
    def overdue(self):
        return self.deadline is not None and self.deadline < timezone.now()


def originals(queryset):
    """The pages of `queryset` that are not wagtail-localize translations of another page.
    (The desk lists the live ones: an original still in review or only scheduled may
    change before it is published, and is not for translating yet.)"""
    return queryset.exclude(
        Exists(
            Translation.objects.filter(
                source__object_id=OuterRef("translation_key"),
                target_locale_id=OuterRef("locale_id"),
            )
        )
    )


def _prefix(locale):
    return f"desk_{locale.pk}_"


def _count(queryset):
    return Coalesce(
        Subquery(
            queryset.order_by().values("source_id").annotate(n=Count("pk")).values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def with_edition_states(queryset, locales):
    """Annotate original pages with their state in each of `locales`; read it with `status`."""
    queryset = queryset.annotate(
        desk_source=Subquery(
            TranslationSource.objects.filter(
                object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
            ).values("pk")[:1]
        )
    )
    page_type = ContentType.objects.get_for_model(Page)
    for locale in locales:
        p = _prefix(locale)
        target = Page.objects.filter(translation_key=OuterRef("translation_key"), locale=locale)
        segments = StringSegment.objects.filter(source_id=OuterRef("desk_source"))
        assignments = Assignment.objects.filter(original_id=OuterRef("pk"), locale=locale)
        translated = Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale=locale,
                has_error=False,
            )
        )
        queryset = queryset.annotate(
            **{
                p + "page": Subquery(target.values("pk")[:1]),
                p + "live": Exists(target.filter(live=True)),
                p + "draft": Exists(target.filter(has_unpublished_changes=True)),
                p + "review_since": Subquery(
                    WorkflowState.objects.filter(
                        base_content_type=page_type,
                        object_id=Cast(OuterRef(p + "page"), CharField()),
                        status=WorkflowState.STATUS_IN_PROGRESS,
                    ).values("created_at")[:1]
                ),
                p + "assignee": Subquery(assignments.values("assignee_id")[:1]),
                p + "deadline": Subquery(assignments.values("deadline")[:1]),
                p + "translation": Subquery(
                    Translation.objects.filter(
                        source_id=OuterRef("desk_source"), target_locale=locale
                    ).values("pk")[:1]
                ),
                p + "total": _count(segments),
                p + "done": _count(segments.filter(translated)),
                p + "synced": Subquery(
                    TranslationLog.objects.filter(source_id=OuterRef("desk_source"), locale=locale)
                    .order_by("-created_at")
                    .values("created_at")[:1]
                ),
            }
        ).annotate(
            **{
                p + "outdated": Case(
                    When(
                        Q(**{p + "synced__isnull": False})
                        & Q(last_published_at__gt=F(p + "synced")),
                        then=Value(True),
                    ),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            }
        )
        queryset = queryset.annotate(
            **{
                p + "state": Case(
                    When(locale=locale, then=Value(ORIGINAL)),
                    When(**{p + "page__isnull": True}, then=Value(MISSING)),
                    When(**{p + "review_since__isnull": False}, then=Value(IN_REVIEW)),
                    # Made by hand rather than through wagtail-localize: live means done.
                    When(
                        **{p + "translation__isnull": True, p + "live": True},
                        then=Value(UP_TO_DATE),
                    ),
                    When(**{p + "translation__isnull": True}, then=Value(IN_PROGRESS)),
                    # The original changed since this edition last synced it: another
                    # edition's sync, which refreshes the shared source, changes nothing here.
                    When(**{p + "outdated": True}, then=Value(OUT_OF_DATE)),
                    When(**{p + "live": False}, then=Value(IN_PROGRESS)),
                    When(**{p + "done__lt": F(p + "total")}, then=Value(IN_PROGRESS)),
                    # Synced and translated, but not yet submitted: readers see the old one.
                    When(**{p + "draft": True}, then=Value(IN_PROGRESS)),
                    default=Value(UP_TO_DATE),
                    output_field=CharField(),
                )
            }
        )
    return queryset


def state_lookup(locale):
    """The name to filter or count an annotated queryset by its state in `locale`."""
    return _prefix(locale) + "state"


def status(page, locale, names=None):
    """The EditionStatus of a page annotated by `with_edition_states`; `names` maps the ids
    of users to their names (see `assignee_names`)."""
    p = _prefix(locale)
    state = getattr(page, p + "state")
    if state == ORIGINAL:
        return EditionStatus(state, page_id=page.pk)
    plan = {
        "assignee_id": getattr(page, p + "assignee"),
        "assignee": (names or {}).get(getattr(page, p + "assignee"), ""),
        "deadline": getattr(page, p + "deadline"),
    }
    if state == MISSING:
        return EditionStatus(state, waiting_since=page.first_published_at, **plan)
    total, done = getattr(page, p + "total"), getattr(page, p + "done")
    waiting_since = {
        IN_REVIEW: getattr(page, p + "review_since"),
        OUT_OF_DATE: page.last_published_at,
        IN_PROGRESS: getattr(page, p + "synced"),
    }.get(state)
    return EditionStatus(
        state,
        page_id=getattr(page, p + "page"),
        source_id=page.desk_source,
        percent=100 * done // total if total else 100,
        waiting_since=waiting_since,
        **plan,
    )


def assignee_names(pages, locales):
    """{user id: name} for the assignees of `pages` (annotated) in `locales`: one query."""
    ids = {getattr(page, _prefix(locale) + "assignee") for page in pages for locale in locales}
    users = get_user_model().objects.filter(pk__in=ids - {None})
    return {user.pk: user.get_full_name() or user.get_username() for user in users}
