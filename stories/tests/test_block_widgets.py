"""The body editor's block definitions are packed once per language, time zone and minute,
and are what Wagtail's own widget would have packed."""

import re
import time
from types import SimpleNamespace
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.blocks.base import BlockWidget

from stories import block_widgets
from stories.factories import StoryPageFactory
from stories.models import StoryPage

pytestmark = pytest.mark.django_db
BODY = StoryPage._meta.get_field("body").stream_block


def without_keys(packed):
    # Draftail's empty paragraph gets a random key each time it is packed.
    return re.sub(r'\\"key\\": \\"\w+\\"', "", packed)


@pytest.fixture(autouse=True)
def nothing_packed():
    block_widgets._packed.clear()


def test_the_definition_is_wagtails_own():
    ours = block_widgets.PackedOnceBlockWidget(BODY).block_json
    assert without_keys(ours) == without_keys(BlockWidget(BODY).block_json)


def counting_packs():
    return mock.patch.object(
        BlockWidget, "_build_block_json", autospec=True, side_effect=BlockWidget._build_block_json
    )


def test_it_is_packed_once_for_every_form_of_the_minute(admin_client, tree):
    story = StoryPageFactory(parent=tree.section, topics=tree.topics[:1])
    url = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    # Within one minute: three forms on a busy machine once straddled two (CI packed twice).
    now = time.time()
    minute = SimpleNamespace(time=lambda: now)
    with counting_packs() as packs, mock.patch.object(block_widgets, "time", minute):
        for _ in range(3):
            assert admin_client.get(url).status_code == 200
    assert packs.call_count == 1


def test_each_language_and_time_zone_has_its_own():
    english = block_widgets.PackedOnceBlockWidget(BODY).block_json
    with translation.override("fr"):
        french = block_widgets.PackedOnceBlockWidget(BODY).block_json
    with timezone.override("Asia/Tokyo"):
        tokyo = block_widgets.PackedOnceBlockWidget(BODY).block_json
    assert "Paragraph" in english and "Paragraphe" in french
    assert english != tokyo  # an update note's "updated at" defaults to Tokyo's time


def test_a_new_minute_packs_it_again():
    """An update note's "updated at" defaults to now, to the minute the form shows: the
    next minute's forms get a definition of their own."""
    now = time.time()
    with counting_packs() as packs:
        for moment in (now, now, now + 60):
            with mock.patch("time.time", return_value=moment):
                block_widgets.PackedOnceBlockWidget(BODY).block_json  # noqa: B018
    assert packs.call_count == 2
