"""A story's search entry follows its live version: written on publish, kept through draft
saves, removed on unpublish and delete; `index_stories` writes them all again."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from search.indexing import FTS_TABLE
from search.models import StoryEntry
from search.query import find
from stories.factories import StoryPageFactory
from tests.support import require_postgresql

pytestmark = pytest.mark.django_db


def found(story, words):
    return story.pk in find(story.locale_id, "en", words)


def stems_rows():
    if connection.vendor == "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {FTS_TABLE}")
        return {rowid for (rowid,) in cursor.fetchall()}


def test_the_entry_follows_the_live_version(tree):
    story = StoryPageFactory(parent=tree.section, title="The lighthouse keeper retires")
    assert found(story, "lighthouse")
    story.title = "The harbour pilot retires"
    story.save_revision()  # a draft: readers still read the lighthouse keeper
    assert found(story, "lighthouse") and not found(story, "pilot")
    story.get_latest_revision().publish()
    assert found(story, "pilot") and not found(story, "lighthouse")
    story.refresh_from_db()
    story.unpublish()
    assert not found(story, "pilot")
    assert not StoryEntry.objects.filter(page=story).exists()


def test_a_deleted_story_leaves_no_entry_and_no_stems(tree):
    story = StoryPageFactory(parent=tree.section, title="Salt flats")
    pk = story.pk
    assert StoryEntry.objects.filter(page_id=pk).exists()
    story.delete()
    assert not StoryEntry.objects.filter(page_id=pk).exists()
    if connection.vendor != "postgresql":
        assert pk not in stems_rows()


def test_index_stories_writes_every_live_story_again(tree):
    live = StoryPageFactory(parent=tree.section, title="Night trains")
    draft = StoryPageFactory(parent=tree.section, title="Night buses", live=False)
    StoryEntry.objects.filter(page=live).update(title="stale")
    StoryEntry.objects.create(page=draft, locale_id=draft.locale_id, language="en", title="x")
    out = io.StringIO()
    call_command("index_stories", stdout=out)
    assert "Indexed" in out.getvalue()
    assert StoryEntry.objects.get(page=live).title == "Night trains"
    assert not StoryEntry.objects.filter(page=draft).exists()
    assert found(live, "trains")


def test_a_language_missing_its_configuration_gets_it_and_is_indexed_again(tree):
    """As for a language added to the settings: `index_stories` (or `migrate`) makes its
    configuration and indexes, and its stories' words are stemmed again."""
    require_postgresql(connection)
    story = StoryPageFactory(parent=tree.ru.section, title="Выборы перенесли", slug="vybory")
    with connection.cursor() as cursor:
        for index in ("search_entry_document_ru", "search_entry_headline_ru"):
            cursor.execute(f"DROP INDEX {index}")
        cursor.execute("DROP TEXT SEARCH CONFIGURATION meridian_ru")
        # The command runs outside a transaction; this test's has foreign keys still to
        # check, which PostgreSQL will not leave pending across CREATE INDEX.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    out = io.StringIO()
    call_command("index_stories", stdout=out)
    assert "Made the search configurations of: ru" in out.getvalue()
    assert story.pk in find(story.locale_id, "ru", "выборов")
