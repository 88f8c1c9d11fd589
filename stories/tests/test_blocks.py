"""Each block renders with its own template and rejects bad input with a clear message."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.rich_text import RichText

from stories import blocks
from stories.factories import ImageFactory, StoryPageFactory
from stories.models import StoryPage
from stories.video import Video, parse_video_url


def errors_of(exc_info):
    return {name: " ".join(e.messages) for name, e in exc_info.value.block_errors.items()}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=abcdefghijk", Video("youtube", "abcdefghijk")),
        ("https://youtube.com/watch?v=abcdefghijk&t=30s", Video("youtube", "abcdefghijk")),
        ("https://m.youtube.com/watch?v=abcdefghijk", Video("youtube", "abcdefghijk")),
        ("https://youtu.be/abcdefghijk", Video("youtube", "abcdefghijk")),
        ("https://www.youtube.com/embed/abcdefghijk", Video("youtube", "abcdefghijk")),
        ("https://www.youtube.com/shorts/abc_efgh-jk", Video("youtube", "abc_efgh-jk")),
        ("https://vimeo.com/123456789", Video("vimeo", "123456789")),
        ("https://player.vimeo.com/video/123456789", Video("vimeo", "123456789")),
        ("https://www.dailymotion.com/video/x7xx", None),
        ("https://www.youtube.com/watch?v=short", None),
        ("https://www.youtube.com/watch?v=abcdefghijk<script>", None),
        ("javascript:alert(1)", None),
        ("ftp://vimeo.com/123456789", None),
        ("https://evil.example/youtube.com/watch?v=abcdefghijk", None),
        ("http://[::1", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_video_url(url, expected):
    assert parse_video_url(url) == expected


def test_video_facade_urls_use_privacy_enhanced_players():
    assert Video("youtube", "abcdefghijk").embed_url.startswith("https://www.youtube-nocookie.com/")
    assert "dnt=1" in Video("vimeo", "123456789").embed_url


def test_video_block_rejects_unknown_provider():
    block = blocks.VideoBlock()
    value = block.to_python({"url": "https://www.dailymotion.com/video/x7xx", "caption": ""})
    with pytest.raises(StructBlockValidationError) as exc_info:
        block.clean(value)
    assert "YouTube or Vimeo" in errors_of(exc_info)["url"]


def test_pull_quote_rejects_empty_quote():
    block = blocks.PullQuoteBlock()
    for quote in ("", "   \n "):
        with pytest.raises(StructBlockValidationError) as exc_info:
            block.clean(block.to_python({"quote": quote, "attribution": "Someone"}))
        assert errors_of(exc_info)["quote"] == "A pull quote needs the quoted words."


@pytest.mark.django_db
def test_every_block_renders_with_its_template():
    image = ImageFactory()
    now = timezone.now()
    cases = {
        "paragraph": (
            blocks.ParagraphBlock(),
            RichText("<p>Plain <b>words</b>.</p>"),
            "<b>words</b>",
        ),
        "heading": (
            blocks.HeadingBlock(),
            "After the flood",
            '<h2 class="block-heading">After the flood</h2>',
        ),
        "pull_quote": (
            blocks.PullQuoteBlock(),
            {"quote": "We stay.", "attribution": "A fisherman"},
            "<blockquote><p>We stay.</p></blockquote>",
        ),
        "image": (
            blocks.ImageBlock(),
            {"image": image, "caption": "The pier", "credit": "Photo: A. Reis"},
            "Photo: A. Reis",
        ),
        "video": (
            blocks.VideoBlock(),
            {"url": "https://youtu.be/abcdefghijk", "poster": image, "caption": "Crossing"},
            'href="https://www.youtube.com/watch?v=abcdefghijk"',
        ),
        "newsletter_cta": (
            blocks.NewsletterCallToActionBlock(),
            {"heading": "Get the briefing", "text": "Daily."},
            "Get the briefing",
        ),
        "update_note": (
            blocks.UpdateNoteBlock(),
            {"updated_at": now, "text": "Adds a reply."},
            "This article was updated at",
        ),
        "greeting": (
            blocks.GreetingBlock(),
            {"emoji": "👋", "word": "Habari", "language": "Swahili", "footnote": "Spoken widely."},
            '<span aria-hidden="true">👋</span> Habari<sup><a href="#greeting-footnote"',
        ),
        "news_item": (
            blocks.NewsItemBlock(),
            {"headline": "Ferry halted", "text": RichText("<p>Closed.</p>"), "story": None},
            "<h2>Ferry halted</h2>",
        ),
    }
    for name, (block, raw, expected) in cases.items():
        value = block.to_python(block.get_prep_value(raw)) if name != "paragraph" else raw
        html = block.render(value)
        assert expected in html, name
        assert "<iframe" not in html


def test_genre_labels_are_the_fixed_list_translated():
    assert [value for value, _label in StoryPage._meta.get_field("analysis_kind").choices] == [
        "analysis",
        "op_ed",
        "interview",
        "reportage",
        "explainer",
        "investigation",
    ]
    with override("fr"):
        assert StoryPage(analysis_kind="analysis").analysis_label == "Analyse"


def test_every_story_block_has_a_template_icon_and_label():
    for name, block in blocks.StoryBodyBlock().child_blocks.items():
        assert block.meta.template == f"stories/blocks/{name}.html", name
        assert block.meta.icon != "placeholder", name
        assert block.label, name


def every_block_type():
    seen = {}
    for stream in (blocks.StoryBodyBlock(), blocks.BriefingBodyBlock()):
        for name, block in stream.child_blocks.items():
            seen.setdefault(type(block), (name, block))
    return list(seen.values())


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "block"), every_block_type(), ids=lambda v: str(v)[:20])
def test_block_picker_previews_every_block(admin_client, name, block):
    """Each block has an icon, a description and a preview in the site's stylesheet."""
    ImageFactory(title="Empty pier")
    assert block.meta.icon != "placeholder"
    assert block.get_description()
    assert block.is_previewable
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("link[rel=stylesheet]")["href"].endswith(".css")
    preview = soup.select_one("main .story__body")
    assert preview.get_text(strip=True), f"{name} previews as an empty box"
    assert not preview.select("script, iframe")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        # 23:18 UTC on 5 December: still the 5th in London, already the 6th in Paris.
        ("en", "This article was updated at 11:18 p.m. GMT on Dec. 5, 2026."),
        ("fr", "Cet article a été mis à jour le 6 décembre 2026 à 00:18 CET."),
    ],
)
def test_an_update_note_tells_the_time_in_the_editions_zone(client, tree, language, expected):
    home = tree.home if language == "en" else tree.fr.home
    section = tree.section if language == "en" else tree.fr.section
    updated = datetime.datetime(2026, 12, 5, 23, 18, tzinfo=datetime.UTC)
    story = StoryPageFactory(
        parent=section,
        title="Night ferry",
        body=[("update_note", {"updated_at": updated, "text": "Adds the mayor's reply."})],
    )
    assert home.locale.language_code == language
    note = BeautifulSoup(client.get(story.url).content, "html.parser").select_one(
        ".block-update-note strong"
    )
    assert note.get_text() == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        # 23:18 UTC on 5 December is 1:18 on the 6th in Kyiv, whatever the edition's zone.
        ("en", "This article was updated at 1:18 a.m. local time on Dec. 6, 2026."),
        ("fr", "Cet article a été mis à jour le 6 décembre 2026 à 01:18, heure locale."),
    ],
)
def test_an_update_note_can_tell_the_datelines_local_time(client, tree, language, expected):
    section = tree.section if language == "en" else tree.fr.section
    updated = datetime.datetime(2026, 12, 5, 23, 18, tzinfo=datetime.UTC)
    note = {"updated_at": updated, "local_zone": "Europe/Kyiv", "text": "Adds the mayor's reply."}
    story = StoryPageFactory(parent=section, dateline="Kyiv", body=[("update_note", note)])
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert soup.select_one(".block-update-note strong").get_text() == expected
    # The header's times stay in the edition's zone, named.
    assert (
        soup.select_one(".story__meta .updated")
        .get_text(" ", strip=True)
        .endswith("GMT" if language == "en" else "CET")
    )


def test_a_new_update_note_is_dated_now():
    before = timezone.now()
    default = blocks.UpdateNoteBlock().get_default()["updated_at"]
    assert before <= default <= timezone.now()
