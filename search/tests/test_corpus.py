"""The corpus (search/tests/corpus.py): in English, French and Russian, every query finds its
story on the first page of results, whatever the form of its words, their accents or
capitals; on the database the suite runs on, and on the other one
(test_the_corpus_on_the_other_engine)."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection
from wagtail.rich_text import RichText

from search.query import find
from search.terms import search_terms
from stories.factories import StoryPageFactory

from .corpus import FILLER_COUNT, FILLERS, QUERIES, STORIES

pytestmark = pytest.mark.django_db
FIRST_PAGE = 10


def paragraph(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


@pytest.fixture
def corpus(tree):
    """{language: {story key: page}}, with the fillers published after them (newer)."""
    sections = {"en": tree.section, "fr": tree.fr.section, "ru": tree.ru.section}
    stories = {
        language: {
            story.key: StoryPageFactory(
                parent=sections[language],
                title=story.title,
                slug=story.key,
                standfirst=story.standfirst,
                summary="",
                dateline="",
                body=paragraph(story.body),
            )
            for story in STORIES[language]
        }
        for language in STORIES
    }
    for language, (title, body) in FILLERS.items():
        for n in range(FILLER_COUNT):
            StoryPageFactory(
                parent=sections[language],
                title=f"{title} ({n})",
                slug=f"filler-{n}",
                standfirst="",
                summary="",
                dateline="",
                body=paragraph(body),
            )
    return stories


@pytest.mark.parametrize("language", list(QUERIES))
def test_every_query_finds_its_story_on_the_first_page(corpus, language):
    stories = corpus[language]
    locale_id = next(iter(stories.values())).locale_id
    titles = {story.pk: story.title for story in stories.values()}
    misses = []
    for query, key, tries in QUERIES[language]:
        found = find(locale_id, language, search_terms(query))
        if key is None:
            if any(pk in titles for pk in found):
                misses.append((query, tries, "found", [titles.get(pk) for pk in found]))
        elif stories[key].pk not in found[:FIRST_PAGE]:
            misses.append((query, tries, key, [titles.get(pk, pk) for pk in found]))
    assert misses == [], connection.vendor


def test_the_headlines_word_ranks_above_newer_mentions_and_newest_first_does_not(corpus):
    strike = corpus["en"]["strike"]
    best = find(strike.locale_id, "en", "votes")
    newest = find(strike.locale_id, "en", "votes", newest=True)
    assert best[0] == strike.pk
    assert newest[-1] == strike.pk and len(newest) == FILLER_COUNT + 1


def test_an_edition_finds_only_its_own_stories(corpus):
    french = corpus["fr"]["elections"]
    english = corpus["en"]["strike"]
    assert find(french.locale_id, "fr", "Varensk crews") == []
    assert find(english.locale_id, "en", "crews") == [english.pk]


OTHER = {"postgresql": "sqlite", "sqlite": "postgresql"}


@pytest.mark.skipif(os.environ.get("SEARCH_CORPUS_ONLY") == "1", reason="the other run itself")
def test_the_corpus_on_the_other_engine(tmp_path):
    """The corpus again in a run of its own on the other database: SQLite beside a
    PostgreSQL run; beside a SQLite run, the PostgreSQL server at POSTGRES_URL (CI has one;
    without CI it is skipped when none answers)."""
    other = OTHER[connection.vendor]
    env = os.environ | {"SEARCH_CORPUS_ONLY": "1"}
    if other == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'corpus.sqlite3'}"
    else:
        env["DATABASE_URL"] = os.environ.get(
            "POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"
        )
        reachable = subprocess.run(
            ["pg_isready", "-q", "-d", env["DATABASE_URL"]], check=False
        ).returncode
        if reachable != 0 and os.environ.get("CI") != "true":
            pytest.skip("no PostgreSQL server for the corpus's second run")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:randomly",
            "-p",
            "no:xdist",
            "-p",
            "no:cacheprovider",
            __file__,
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and " skipped" in result.stdout
