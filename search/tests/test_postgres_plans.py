"""On PostgreSQL, a search reads its language's own indexes (search.setup): the partial GIN
index of the words for a rare word, the edition's newest-first index for a common one. The
plans are PostgreSQL's for 3,000 entries in two languages, reindexed and analyzed. At that
size reading the whole table can cost about as much as an index, so the rare word's plans
are asked for with that way ruled out: they show that the queries, as written, match the
partial indexes' predicates. bench/serve measures the real choice at 100,000 stories."""

import pytest
from django.db import connection

from search.indexing import write
from search.models import StoryEntry
from search.query import WINDOW, Postgres
from tests.support import require_postgresql

pytestmark = pytest.mark.django_db
FIRST = 10_000_000
WHOLE_TABLE = "Seq Scan on search_storyentry"


@pytest.fixture
def entries(tree):
    require_postgresql(connection)
    locales = {"en": tree.home.locale_id, "fr": tree.fr.home.locale_id}
    rows = []
    for n in range(3000):
        language = "en" if n % 2 else "fr"
        rows.append(
            StoryEntry(
                # Keys no page has: the foreign key is checked at the end (removed first).
                page_id=FIRST + n,
                locale_id=locales[language],
                language=language,
                title=f"Harbour report {n}",
                standfirst="What the ferries carried this week.",
                body=f"Crews counted {n} crossings. "
                + ("A rare kestrel was seen. " if n == 7 else ""),
            )
        )
    write(rows)
    with connection.cursor() as cursor:
        # As a site's indexes are: not grown by the rows earlier tests wrote and rolled back.
        cursor.execute("REINDEX TABLE search_storyentry")
        cursor.execute("ANALYZE search_storyentry")
    yield locales
    StoryEntry.objects.filter(page_id__gte=FIRST).delete()


def plan(sql, params, whole_table=True):
    with connection.cursor() as cursor:
        if not whole_table:
            cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        shown = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = on")
    return shown


def test_a_rare_word_is_found_through_the_languages_word_index(entries):
    query = Postgres("kestrel", "en")
    shown = plan(*query.newest(entries["en"]), whole_table=False)
    assert "search_entry_document_en" in shown and WHOLE_TABLE not in shown, shown
    shown = plan(*query.matching("headline", entries["en"], WINDOW), whole_table=False)
    assert "search_entry_headline_en" in shown and WHOLE_TABLE not in shown, shown


def test_a_common_word_walks_the_editions_newest_first(entries):
    shown = plan(*Postgres("crossings", "fr").newest(entries["fr"]))
    assert WHOLE_TABLE not in shown, shown
    assert "search_entry_edition_newest" in shown and "Sort" not in shown, shown


def test_the_ranked_search_reads_both_word_indexes(entries):
    shown = plan(*Postgres("kestrel", "en").ranked(entries["en"]), whole_table=False)
    assert "search_entry_document_en" in shown and "search_entry_headline_en" in shown, shown
    assert WHOLE_TABLE not in shown, shown
