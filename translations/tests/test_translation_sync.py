"""Keeping translations in step with the original, and the PO files outside translators use."""

import polib
import pytest
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from stories.factories import StoryPageFactory
from stories.models import StoryPage

pytestmark = pytest.mark.django_db

PARAGRAPHS = [f"Paragraph number {n} about the ferry." for n in range(10)]


def french(text):
    return f"FR: {text}" if text[0].isupper() else f"{text}-fr"


@pytest.fixture
def translated_story(tree, translate_page):
    story = StoryPageFactory(
        parent=tree.section,
        title="Ten paragraphs",
        slug="ten-paragraphs",
        body=[("paragraph", RichText(f"<p>{text}</p>")) for text in PARAGRAPHS],
    )
    return story, translate_page(story, "fr", french)


def paragraphs(page):
    return [block.value.source for block in page.body if block.block_type == "paragraph"]


def test_sync_keeps_unchanged_segments_and_flags_only_changed_and_new(
    translated_story, django_capture_on_commit_callbacks
):
    story, translation_page = translated_story
    story.refresh_from_db()
    body = list(story.body.raw_data)
    body[3] = {**body[3], "value": "<p>A corrected third paragraph.</p>"}
    body.append({"type": "heading", "value": "A new heading", "id": "new-heading"})
    story.body = body
    story.save_revision().publish()

    source = TranslationSource.objects.get_for_instance(story)
    source.update_from_db()
    translation = Translation.objects.get(source=source, target_locale=translation_page.locale)
    progress = translation.get_progress()
    # 10 paragraphs + title + slug + standfirst + summary + dateline + the new heading.
    assert progress == (len(PARAGRAPHS) + 6, len(PARAGRAPHS) + 6 - 2)

    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    translation_page.refresh_from_db()
    synced = paragraphs(translation_page)
    for n, text in enumerate(PARAGRAPHS):
        if n == 3:
            # Changed in the original: shown in the source language until translated.
            assert synced[n] == "<p>A corrected third paragraph.</p>"
        else:
            assert synced[n] == f"<p>FR: {text}</p>", n
    assert [b.value for b in translation_page.body if b.block_type == "heading"] == [
        "A new heading"
    ]
    # Block ids are kept, so each block's translation stays attached to it.
    assert [b.id for b in translation_page.body] == [b.id for b in story.body]


def test_po_export_fill_import_publish(translated_story, django_capture_on_commit_callbacks):
    story, translation_page = translated_story
    translation = Translation.objects.get(
        source__object_id=story.translation_key, target_locale=translation_page.locale
    )
    StringTranslation.objects.filter(locale=translation_page.locale).delete()

    po = polib.pofile(str(translation.export_po()))
    assert len(po) == len(PARAGRAPHS) + 5
    assert all(entry.msgstr == "" for entry in po)
    for entry in po:  # the outside translator fills the file
        entry.msgstr = "PO: " + entry.msgid if entry.msgid[0].isupper() else entry.msgid + "-po"

    warnings = translation.import_po(polib.pofile(str(po)))
    assert warnings == []
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    translation_page.refresh_from_db()
    assert translation_page.live
    assert translation_page.title == "PO: Ten paragraphs"
    assert translation_page.slug == "ten-paragraphs-po"
    assert paragraphs(translation_page)[0] == f"<p>PO: {PARAGRAPHS[0]}</p>"


def test_readers_of_an_outdated_translation_see_a_notice_until_it_is_synced(
    client, translated_story, django_capture_on_commit_callbacks
):
    story, translation_page = translated_story

    def shows_notice(page):
        html = client.get(page.url).content.decode()
        return "notice--outdated" in html, html

    assert shows_notice(translation_page)[0] is False
    assert shows_notice(story)[0] is False

    story.refresh_from_db()
    story.standfirst = "A corrected standfirst."
    story.save_revision().publish()
    outdated, html = shows_notice(translation_page)
    assert outdated
    assert "L’original de cet article a été mis à jour depuis sa traduction" in html
    assert shows_notice(story)[0] is False, "the original itself never shows it"

    source = TranslationSource.objects.get_for_instance(story)
    source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(source=source, target_locale=translation_page.locale).save_target()
    assert shows_notice(translation_page)[0] is False


def test_every_text_part_of_every_block_is_a_segment_and_nothing_else_is(tree):
    from wagtail_localize.models import OverridableSegment, StringSegment

    from stories.factories import BriefingPageFactory, ImageFactory, every_block

    image = ImageFactory()
    story = StoryPageFactory(parent=tree.section, body=every_block(image))
    briefing = BriefingPageFactory(
        parent=tree.briefing_index,
        body=[
            ("greeting", {"word": "Habari", "language": "Swahili", "footnote": "Spoken widely."}),
            (
                "news_item",
                {"headline": "Ferry halted", "text": RichText("<p>Closed.</p>"), "story": story},
            ),
        ],
    )

    def segments(page):
        source, _ = TranslationSource.get_or_create_from_instance(page)
        ids = {block.id: block.block_type for block in page.body}

        def name(path):
            field, *rest = path.split(".")
            if field == "body":
                return "body." + ".".join([ids[rest[0]], *rest[1:]])
            return field

        strings = {
            name(s.context.path): StringValue(s.string.data).render_text()
            for s in StringSegment.objects.filter(source=source).select_related("string", "context")
        }
        overridable = {
            name(s.context.path)
            for s in OverridableSegment.objects.filter(source=source).select_related("context")
        }
        return strings, overridable

    strings, overridable = segments(story)
    assert {key: value for key, value in strings.items() if key.startswith("body.")} == {
        "body.paragraph": "The ferry to Varensk stopped running in March.",
        "body.heading": "What the mayor said",
        "body.pull_quote.quote": "We are an island now.",
        "body.pull_quote.attribution": "Lena Ostrova",
        "body.image.caption": "The empty pier.",
        "body.image.credit": "Photo: Ana Reis",
        "body.video.caption": "The last crossing.",
        "body.newsletter_cta.heading": "Get the briefing",
        "body.newsletter_cta.text": "Every morning.",
        "body.update_note.text": "Adds the ministry's reply.",
    }
    # Non-text values are carried; a translator may swap the image or the video address.
    assert {"body.image.image", "body.video.url", "body.video.poster"} <= overridable

    briefing_strings, _ = segments(briefing)
    assert {k: v for k, v in briefing_strings.items() if k.startswith("body.")} == {
        "body.greeting.word": "Habari",
        "body.greeting.language": "Swahili",
        "body.greeting.footnote": "Spoken widely.",
        "body.news_item.headline": "Ferry halted",
        "body.news_item.text": "Closed.",
    }


def test_a_synced_draft_leaves_readers_the_published_translation_until_it_is_approved(
    client, translated_story, french_translator, django_capture_on_commit_callbacks
):
    story, translation_page = translated_story
    story.refresh_from_db()
    story.title = "Ten paragraphs, revised"
    story.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(story)

    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    form = french_translator.get(sync).content.decode()
    assert "publish_translations" not in form, "a translator is never offered to publish"
    with django_capture_on_commit_callbacks(execute=True):
        french_translator.post(sync, {"publish_translations": "on"})

    page = StoryPage.objects.get(pk=translation_page.pk)
    assert page.live and page.title == "FR: Ten paragraphs"
    assert page.has_unpublished_changes
    # The draft has the original's new headline, waiting for its translation.
    assert page.get_latest_revision().content["title"] == "Ten paragraphs, revised"
    html = client.get(page.url).content.decode()
    assert "FR: Ten paragraphs" in html and "Ten paragraphs, revised" not in html
    assert "notice--outdated" in html, "readers still read the translation of the old text"

    # The copy desk approves the draft: readers get it, and the notice goes.
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
    html = client.get(page.url).content.decode()
    assert "notice--outdated" not in html
