"""Finding an edition's stories for a reader's words, ranked as a news reader expects.

Relevance: PostgreSQL's ts_rank over the weighted document (headline above standfirst
above body above bylines and dateline; divided by 1 + the log of its length), or SQLite
FTS5's bm25 with column weights 10, 4, 2 and 1. Either is multiplied by a recency factor,

    score = relevance / (1 + age in days / RECENCY_DAYS),

so a story a month old needs twice the relevance of today's to rank beside it, and a year
old one about thirteen times. Sorting by score does not depend on the scale of relevance,
which differs between the two engines.

Ranking every story that mentions a common word would read the whole archive's entries, so
the stories ranked are the newest WINDOW that match anywhere and the newest WINDOW whose
headline or standfirst match (those match anywhere too; found apart so that an older story
about the words is not lost behind a hundred recent mentions). Each set is found newest
first along an index (search.setup), at a cost bounded by WINDOW rather than the archive,
and the two are ranked in the same query. "Newest first" lists the first set by date.
"""

import datetime

from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from editions.pages import view_restrictions_exist
from stories.models import StoryPage

from . import opensearch, setup
from .indexing import FTS_TABLE
from .languages import base_language, pg_config, stems
from .models import StoryEntry
from .setup import TABLE

WINDOW = 100
RECENCY_DAYS = 30
PG_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"  # D, C, B, A: PostgreSQL's defaults, named here
FTS_WEIGHTS = "10.0, 4.0, 2.0, 1.0"  # title, standfirst, body, other


def find(locale_id, language, terms, newest=False):
    """Page ids of the stories of edition `locale_id` (in `language`) that hold every word
    of `terms` (search.terms.search_terms: words only), in the order shown: best match
    first, or `newest` first. One more than WINDOW of them when more stories match."""
    language = base_language(language)
    engine = (Postgres if connection.vendor == "postgresql" else SQLite)(terms, language)
    if not engine.usable:
        return []
    ids = opensearch.find(locale_id, language, terms, newest)
    if ids is None:
        with connection.cursor() as cursor:
            if newest:
                cursor.execute(*engine.newest(locale_id))
                ids = [pk for (pk,) in cursor.fetchall()]
            else:
                cursor.execute(*engine.ranked(locale_id))
                ids = best_first(cursor.fetchall())
    if ids and view_restrictions_exist():
        public = set(StoryPage.objects.filter(pk__in=ids).public().values_list("pk", flat=True))
        ids = [pk for pk in ids if pk in public]
    return ids


def best_first(rows):
    """Ids of `rows` (page id, published at, relevance, newest match, headline match) by
    score; the oldest of WINDOW + 1 newest matches, if it is only that, comes last, as the
    sign that more match."""
    now = timezone.now()
    anywhere = sorted((row for row in rows if row[3]), key=lambda row: (row[1], row[0]))
    extra = anywhere[0] if len(anywhere) > WINDOW and not anywhere[0][4] else None
    ranked = sorted(
        (row for row in rows if row is not extra),
        key=lambda row: (-score(row[2], published(row[1]), now), row[0]),
    )
    return [row[0] for row in ranked] + ([extra[0]] if extra else [])


def published(value):
    """A time as the database cursor gave it: SQLite's are naive (or text), in UTC."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = value.replace(tzinfo=datetime.UTC)
    return value


def score(relevance, published_at, now):
    age_days = max((now - published_at).total_seconds() / 86400, 0) if published_at else 0
    return relevance / (1 + age_days / RECENCY_DAYS)


class Postgres:
    """The entries' tsvector columns, through the language's partial indexes."""

    def __init__(self, terms, language):
        self.language = language
        # Words only (letters and digits), so nothing in them is tsquery syntax.
        self.words = " & ".join(terms.split())
        self.usable = bool(self.words)
        # A constant the planner reads, for its estimate of how many stories hold the words
        # (a common word: walk the newest first; a rare one: the word index). Every language
        # of the settings has its configuration once migrated (search.setup).
        config = pg_config(language if language in setup.languages() else "simple")
        self.tsquery = "to_tsquery(%s::regconfig, %s)"
        self.tsquery_params = [config, self.words]

    def matching(self, column, locale_id, limit):
        # The language is a literal in the SQL that PostgreSQL plans (Django binds
        # parameters on the client), as the partial indexes' predicate needs.
        return (
            f"SELECT page_id FROM {TABLE} WHERE language = %s AND locale_id = %s "
            f"AND {column} @@ {self.tsquery} "
            "ORDER BY published_at DESC, page_id DESC LIMIT %s",
            [self.language, locale_id, *self.tsquery_params, limit],
        )

    def newest(self, locale_id):
        return self.matching("document", locale_id, WINDOW + 1)

    def ranked(self, locale_id):
        anywhere, anywhere_params = self.matching("document", locale_id, WINDOW + 1)
        headline, headline_params = self.matching("headline", locale_id, WINDOW)
        return (
            f"WITH anywhere AS ({anywhere}), head AS ({headline}) "
            f"SELECT page_id, published_at, ts_rank(%s, document, {self.tsquery}, 1), "
            "page_id IN (SELECT page_id FROM anywhere), page_id IN (SELECT page_id FROM head) "
            f"FROM {TABLE} WHERE page_id IN "
            "(SELECT page_id FROM anywhere UNION SELECT page_id FROM head)",
            [*anywhere_params, *headline_params, PG_WEIGHTS, *self.tsquery_params],
        )


class SQLite:
    """The full-text table of stems (search.indexing), joined to the entries."""

    def __init__(self, terms, language):
        self.language = language
        # Stems are letters and digits: quoted, nothing in them is FTS5 syntax.
        self.match = " AND ".join(f'"{stem}"' for stem in dict.fromkeys(stems(terms, language)))
        self.usable = bool(self.match)

    def matching(self, match, locale_id, limit):
        return (
            f"SELECT e.page_id FROM {FTS_TABLE} JOIN {TABLE} e ON e.page_id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND e.language = %s AND e.locale_id = %s "
            "ORDER BY e.published_at DESC, e.page_id DESC LIMIT %s",
            [match, self.language, locale_id, limit],
        )

    def newest(self, locale_id):
        return self.matching(self.match, locale_id, WINDOW + 1)

    def ranked(self, locale_id):
        anywhere, anywhere_params = self.matching(self.match, locale_id, WINDOW + 1)
        headline, headline_params = self.matching(
            f"{{title standfirst}} : ({self.match})", locale_id, WINDOW
        )
        return (
            f"WITH anywhere AS ({anywhere}), head AS ({headline}) "
            f"SELECT e.page_id, e.published_at, -bm25({FTS_TABLE}, {FTS_WEIGHTS}), "
            "e.page_id IN (SELECT page_id FROM anywhere), e.page_id IN (SELECT page_id FROM head) "
            f"FROM {FTS_TABLE} JOIN {TABLE} e ON e.page_id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND e.page_id IN "
            "(SELECT page_id FROM anywhere UNION SELECT page_id FROM head)",
            [*anywhere_params, *headline_params, self.match],
        )


def bodies(pages):
    """{page id: body text} of the entries of `pages` (ids), for their snippets."""
    return dict(StoryEntry.objects.filter(page_id__in=list(pages)).values_list("page_id", "body"))
