"""manage.py generate_content: a synthetic archive in every edition, written in bulk."""

import io
import uuid
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from demo.archive.builder import ArchiveBuilder, synthetic_key
from search.indexing import index_stories
from search.models import StoryEntry
from search.query import find
from stories.factories import ImageFactory
from stories.models import (
    Author,
    PartnerOutlet,
    StoryByline,
    StoryPage,
    StoryTopic,
    TopicPage,
)
from tests.support import require_postgresql

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]


def generate(**options):
    out = io.StringIO()
    options.setdefault("until", "2026-06-01")
    call_command("generate_content", stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


@pytest.fixture
def archive(tree):
    # Pictures already in the library, as the demo leaves them: the command reuses them.
    ImageFactory.create_batch(2)
    output = generate(stories=12, topics=4)
    stories = {
        code: list(
            StoryPage.objects.filter(locale__language_code=code).order_by("published_at", "pk")
        )
        for code in ("en", "fr")
    }
    return SimpleNamespace(output=output, tree=tree, **stories)


def story_counts():
    return {
        "pages": StoryPage.objects.count(),
        "topics": TopicPage.objects.count(),
        "authors": Author.objects.count(),
        "partners": PartnerOutlet.objects.count(),
        "story topics": StoryTopic.objects.count(),
        "bylines": StoryByline.objects.count(),
    }


def test_every_story_exists_in_every_edition_as_translations(archive):
    assert len(archive.en) == len(archive.fr) == 12
    keys = {story.translation_key for story in archive.en}
    assert keys == {story.translation_key for story in archive.fr}
    assert keys == {synthetic_key("story", index) for index in range(12)}
    french_sections = {archive.tree.fr.section.pk}
    for english, french in zip(archive.en, archive.fr, strict=True):
        assert english.translation_key == french.translation_key
        assert english.get_parent().pk == archive.tree.section.pk
        assert french.get_parent().pk in french_sections
        assert english.title != french.title
        assert english.published_at == french.published_at
    for model, kind, count in (
        (TopicPage, "topic", 4),
        (Author, "author", 20),
        (PartnerOutlet, "partner", 10),
    ):
        for number in range(count):
            versions = model.objects.filter(translation_key=synthetic_key(kind, number))
            assert sorted(versions.values_list("locale__language_code", flat=True)) == ["en", "fr"]
    assert TopicPage.objects.filter(locale__language_code="fr").count() == 2 + 4
    assert Author.objects.filter(locale__language_code="fr").count() == 20
    assert PartnerOutlet.objects.filter(locale__language_code="fr").count() == 10


def test_french_stories_point_at_french_topics_authors_and_partners(archive):
    for english, french in zip(archive.en, archive.fr, strict=True):
        for relation, target in (("story_topics", "topic"), ("bylines", "author")):
            rows = {
                language: list(
                    getattr(story, relation).select_related(target).order_by("sort_order")
                )
                for language, story in (("en", english), ("fr", french))
            }
            assert [row.translation_key for row in rows["en"]] == [
                row.translation_key for row in rows["fr"]
            ]
            for language, story in (("en", english), ("fr", french)):
                for row in rows[language]:
                    assert row.locale_id == story.locale_id
                    assert getattr(row, target).locale_id == story.locale_id
            assert [getattr(row, target).translation_key for row in rows["en"]] == [
                getattr(row, target).translation_key for row in rows["fr"]
            ]
        if english.partner_id:
            assert french.partner.locale_id == french.locale_id
            assert french.partner.translation_key == english.partner.translation_key
    assert any(story.partner_id for story in archive.en)


def test_stories_have_the_magazines_shape(archive):
    for story in archive.en + archive.fr:
        blocks = list(story.body)
        assert 8 <= len(blocks) <= 15
        kinds = [block.block_type for block in blocks]
        assert kinds.count("paragraph") > len(kinds) / 2
        for block in blocks:
            if block.block_type == "paragraph":
                text = get_text_for_indexing(block.value.source)
                assert 60 <= len(text.split()) <= 150
        # Block values the editor would accept, ids included: what Wagtail itself validates.
        story.body.stream_block.clean(story.body)
        raw = StoryPage.objects.filter(pk=story.pk).values_list("body", flat=True).get()
        assert [uuid.UUID(item["id"]).version for item in raw.raw_data] == [4] * len(blocks)
        assert 6 <= len(story.title.split()) <= 14
        assert 20 <= len(story.standfirst.split()) <= 40
        assert 0 < len(story.summary) <= 300
        assert story.dateline
        topics = list(story.story_topics.all())
        assert 1 <= len(topics) <= 4  # 5 at most, and there are only 4 topics
        assert sum(topic.is_focus for topic in topics) == 1
        assert 1 <= story.bylines.count() <= 3
        if story.partner_id:
            assert story.original_headline and story.original_url
            assert story.original_language == story.partner.language
            assert story.original_published_at
        assert story.live and not story.has_unpublished_changes
        assert story.first_published_at == story.last_published_at == story.published_at
        assert story.story_locale_id == story.locale_id
        # The card fields are what saving the story would derive from its body.
        excerpt, kind, video = story.excerpt, story.analysis_kind, story.has_video
        story.refresh_card_fields()
        assert (story.excerpt, story.analysis_kind, story.has_video) == (excerpt, kind, video)
    english = archive.en[0]
    english.full_clean()  # slug, lengths, video address: as the editor's form would check
    dates = [story.published_at for story in archive.en]
    assert dates == sorted(dates) and dates[-1].isoformat() < "2026-06-01"
    by_index = [
        StoryPage.objects.get(locale=english.locale, translation_key=synthetic_key("story", n))
        for n in range(12)
    ]
    assert [story.pk for story in by_index] == [story.pk for story in archive.en]


def test_tree_is_valid_and_pages_are_served(archive, client):
    assert Page.find_problems() == ([], [], [], [], [])
    for story in (archive.en[-1], archive.fr[-1], archive.en[0]):
        assert client.get(story.url).status_code == 200
    newest = archive.fr[-1]
    topic = newest.story_topics.first().topic
    response = client.get(topic.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert newest.title in [a.get_text() for a in soup.select(".story-card__headline a")]


def test_stories_are_searchable_as_update_index_would_index_them(archive):
    story = archive.fr[5]
    assert story in StoryPage.objects.live().search(story.dateline)
    word = max((w for w in story.title.split() if w.isalpha()), key=len)
    assert story in StoryPage.objects.live().search(word)
    entries = IndexEntry.objects.filter(
        content_type=story.content_type, object_id=str(story.pk)
    ).values("title", "body", "autocomplete")
    made_here = entries.get()
    get_search_backend().add(StoryPage.objects.get(pk=story.pk))
    assert entries.get() == made_here


def test_stories_have_the_search_entries_a_publish_would_write(archive):
    story = archive.fr[5]
    made_here = StoryEntry.objects.filter(page=story).values().get()
    index_stories()
    assert StoryEntry.objects.filter(page=story).values().get() == made_here
    assert StoryEntry.objects.count() == sum(len(s) for s in (archive.en, archive.fr))
    word = max((w for w in story.title.split() if w.isalpha()), key=len)
    assert story.pk in find(story.locale_id, "fr", word)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_filled_tables_are_vacuumed_as_autovacuum_would(tree):
    """Outside a transaction, as from the shell, the stories' tables are vacuumed: PostgreSQL
    marks their pages all-visible, which its index-only scans need (docs/performance.md)."""
    require_postgresql(connection)
    generate(stories=3, topics=2)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, relallvisible FROM pg_class WHERE relname = ANY(%s)",
            [[StoryPage._meta.db_table, StoryTopic._meta.db_table, Page._meta.db_table]],
        )
        visible = dict(cursor.fetchall())
    assert len(visible) == 3 and all(pages > 0 for pages in visible.values()), visible


def test_running_again_creates_only_what_is_missing(archive):
    before = story_counts()
    output = generate(stories=12, topics=4)
    assert story_counts() == before
    skipped = output.split("Skipped what already existed: ")[1].split(".")[0].split(", ")
    assert sorted(skipped) == ["10 partner outlets", "12 stories", "20 authors", "4 topics"]
    assert "Created nothing" in output

    generate(stories=15, topics=4)
    after = story_counts()
    assert after["pages"] == before["pages"] + 3 * 2
    assert after["topics"] == before["topics"]
    assert StoryPage.objects.filter(translation_key=synthetic_key("story", 14)).count() == 2
    assert Page.find_problems() == ([], [], [], [], [])
    dates = list(
        StoryPage.objects.filter(locale__language_code="en")
        .exclude(translation_key__in=[s.translation_key for s in archive.en])
        .values_list("published_at", flat=True)
    )
    assert min(dates) > archive.en[-1].published_at  # the newer stories come after


def snapshot():
    """What readers would see of every English story, by translation key."""
    return {
        story.translation_key: (
            story.title,
            story.published_at,
            list(story.body.raw_data),
            [row.topic.translation_key for row in story.story_topics.order_by("sort_order")],
        )
        for story in StoryPage.objects.filter(locale__language_code="en")
    }


def test_an_interrupted_run_continues_where_it_stopped(tree, monkeypatch):
    generate(stories=6, topics=2, batch_size=3)
    uninterrupted = snapshot()
    for story in StoryPage.objects.all():
        story.delete()

    write_plan = ArchiveBuilder.write_plan
    calls = []

    def interrupted(self, plan, context):
        calls.append(plan)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return write_plan(self, plan, context)

    monkeypatch.setattr(ArchiveBuilder, "write_plan", interrupted)
    with pytest.raises(CommandError, match="Run the same command again"):
        generate(stories=6, topics=2, batch_size=3)
    assert StoryPage.objects.count() == 3 * 2
    monkeypatch.undo()
    output = generate(stories=6, topics=2, batch_size=3)
    assert "3 stories" in output.split("Skipped what already existed: ")[1]
    assert StoryPage.objects.count() == 6 * 2
    assert Page.find_problems() == ([], [], [], [], [])
    # The same arguments give the same stories, however many runs it took.
    assert snapshot() == uninterrupted


@pytest.mark.parametrize(
    "options, message",
    [
        ({"stories": 0, "topics": 4}, "--stories.*must be a positive integer"),
        ({"stories": -3, "topics": 4}, "--stories.*must be a positive integer"),
        ({"stories": "many", "topics": 4}, "--stories.*must be a positive integer"),
        ({"stories": 5, "topics": 0}, "--topics.*must be a positive integer"),
        ({"stories": 5, "topics": 2, "batch_size": 0}, "--batch-size must be a positive integer"),
        ({"stories": 5, "topics": 2, "until": "soon"}, "--until must be a date"),
    ],
)
def test_bad_arguments_are_refused(db, options, message):
    # Refused before the site is even looked at: no tree needed.
    with pytest.raises(CommandError, match=message):
        generate(**options)
    assert StoryPage.objects.count() == 0


def test_refuses_without_the_demo_tree(locales):
    # The tests' shared tree has all the command needs: a site with locales and no pages.
    for page in Page.get_first_root_node().get_children():
        page.delete()
    with pytest.raises(CommandError, match="load_demo"):
        generate(stories=5, topics=2)
