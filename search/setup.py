"""What the search index needs of the database beyond Django's tables, made idempotently
after every `migrate` (search.apps) and by `manage.py index_stories`.

PostgreSQL: for each language of the magazine a text search configuration
`meridian_<code>`, a copy of PostgreSQL's Snowball configuration for the language (or of
`simple` where it has none) that folds accents (`unaccent`) before stemming; and two GIN
indexes per language on the entries' tsvector columns, partial (`WHERE language = …`), so
that a search reads its own language's index only. A configuration made for a language
whose entries were indexed without it re-indexes them. They depend on the settings'
languages, so they are made here rather than by a migration; the `unaccent` extension and
the tsvector columns are search/migrations/0002's, as is SQLite's full-text table.
"""

import re

from django.conf import settings
from django.db import connection

from .languages import base_language, pg_config, snowball_name

TABLE = "search_storyentry"

# The configuration of a row's language; `simple`'s for one that has none (a language
# dropped from the settings).
ROW_CONFIG = (
    "coalesce((SELECT oid FROM pg_ts_config WHERE cfgname = 'meridian_' || language)::regconfig,"
    " 'meridian_simple'::regconfig)"
)
VECTORS = f"""
    document = setweight(to_tsvector({ROW_CONFIG}, title), 'A')
        || setweight(to_tsvector({ROW_CONFIG}, standfirst), 'B')
        || setweight(to_tsvector({ROW_CONFIG}, body), 'C')
        || setweight(to_tsvector({ROW_CONFIG}, other), 'D'),
    headline = setweight(to_tsvector({ROW_CONFIG}, title), 'A')
        || setweight(to_tsvector({ROW_CONFIG}, standfirst), 'B')
"""


def languages():
    """The base codes of the magazine's languages, each once ("pt-br" and "pt" as "pt")."""
    codes = dict.fromkeys(base_language(code) for code, _name in settings.LANGUAGES)
    for code in codes:
        if not re.fullmatch(r"[a-z]{2,8}", code):
            raise ValueError(f"language code {code!r} cannot name a search configuration")
    return list(codes)


def ensure(using=connection):
    """Make what is missing; returns the languages whose configuration was made now."""
    if using.vendor != "postgresql":
        return []
    made = []
    with using.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        existing = {name for (name,) in cursor.fetchall()}
        # Only what is missing is made: even CREATE INDEX IF NOT EXISTS refuses to run in a
        # transaction that has written the table.
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [TABLE])
        indexes = {name for (name,) in cursor.fetchall()}
        for code in ["simple", *languages()]:
            config = pg_config(code)
            if config not in existing:
                source = snowball_name(code) if code != "simple" else None
                source = source if source in existing else "simple"
                dictionary = "simple" if source == "simple" else f"{source}_stem"
                cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {config} (COPY = {source})")
                cursor.execute(
                    f"ALTER TEXT SEARCH CONFIGURATION {config} "
                    f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {dictionary}"
                )
                made.append(code)
            if code == "simple":
                continue
            for column in ("document", "headline"):
                index = f"search_entry_{column}_{code}"
                if index not in indexes:
                    cursor.execute(
                        f"CREATE INDEX {index} ON {TABLE} "
                        f"USING gin ({column}) WHERE language = '{code}'"
                    )
        languages_made = [code for code in made if code != "simple"]
        if languages_made:
            cursor.execute(
                f"UPDATE {TABLE} SET {VECTORS} WHERE language = ANY(%s)", [languages_made]
            )
    return made
