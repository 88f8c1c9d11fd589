"""Each story's state in each edition, in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_localize.models import Translation, TranslationSource

from stories import desk

from .factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def published_story(tree, slug):
    story = StoryPageFactory(parent=tree.ru.section, slug=slug, title=slug)
    story.save_revision().publish()
    return story


def start_translation(story, locale):
    """What the admin's Translate action leaves behind: a draft with nothing translated."""
    source, _ = TranslationSource.get_or_create_from_instance(story)
    translation = Translation.objects.create(source=source, target_locale=locale)
    translation.save_target(publish=False)
    return translation


def test_states(tree, locales, translate_page):
    en, fr = locales["en"], locales["fr"]
    missing = published_story(tree, "missing")
    up_to_date = published_story(tree, "up-to-date")
    translate_page(up_to_date, "en")
    outdated = published_story(tree, "outdated")
    translate_page(outdated, "en")
    outdated.refresh_from_db()
    outdated.standfirst = "Changed after translation."
    outdated.save_revision().publish()
    in_progress = published_story(tree, "in-progress")
    start_translation(in_progress, en)

    stories = [missing, up_to_date, outdated, in_progress]
    for story in stories:  # as the desk reads them: fresh from the database
        story.refresh_from_db()
    statuses = desk.edition_statuses(stories, [en, fr])
    assert statuses[missing.pk, en.pk].state == desk.MISSING
    assert statuses[up_to_date.pk, en.pk].state == desk.UP_TO_DATE
    assert statuses[up_to_date.pk, en.pk].percent == 100
    assert statuses[outdated.pk, en.pk].state == desk.OUT_OF_DATE
    assert statuses[in_progress.pk, en.pk].state == desk.IN_PROGRESS
    assert statuses[in_progress.pk, en.pk].percent == 0
    assert {statuses[story.pk, fr.pk].state for story in (missing, up_to_date)} == {desk.MISSING}

    original = desk.edition_statuses([missing], [locales["ru"]])[missing.pk, locales["ru"].pk]
    assert original.state == desk.ORIGINAL


def test_queries_do_not_grow_with_stories(tree, locales, translate_page):
    editions = [locales["en"], locales["fr"]]

    def add(n):
        for i in range(n):
            story = published_story(tree, f"story-{add.count}-{i}")
            translate_page(story, "en")
        add.count += 1

    add.count = 0

    def queries():
        stories = list(tree.ru.section.get_children().specific())
        with CaptureQueriesContext(connection) as captured:
            desk.edition_statuses(stories, editions)
        return len(captured)

    add(2)
    few = queries()
    add(8)
    assert queries() == few == 3 + len(editions)
