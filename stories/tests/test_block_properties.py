"""Properties of every block, for any input (hypothesis): text never becomes markup, rich
text keeps only its features, and the video parser knows only its two players."""

import json
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail import blocks as wagtail_blocks
from wagtail.images.blocks import ImageChooserBlock

from stories import blocks
from stories.factories import ImageFactory
from stories.video import parse_video_url

pytestmark = pytest.mark.django_db

EXAMPLES = hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Text as hostile editors, translators and partner feeds write it: markup, quotes,
# entities, control and right-to-left characters mixed with ordinary words.
HOSTILE_PIECES = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '"><svg onload=alert(1)>',
        "</p><iframe src=javascript:alert(1)>",
        "javascript:alert(1)",
        "&lt;b&gt;",
        "{{ request }}",
        "{% debug %}",
        "'; --",
        "\u202e",
        "\x00",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=40), HOSTILE_PIECES), max_size=6).map("".join)


def text_fields(block):
    """(path, block) for every plain-text field of a block: its own value, or its children."""
    if isinstance(block, wagtail_blocks.StructBlock):
        return [
            (name, child)
            for name, child in block.child_blocks.items()
            if isinstance(child, wagtail_blocks.CharBlock | wagtail_blocks.TextBlock)
        ]
    if isinstance(block, wagtail_blocks.CharBlock | wagtail_blocks.TextBlock):
        return [(None, block)]
    return []


TEXT_FIELDS = [
    (f"{stream.__name__}.{name}" + (f".{field}" if field else ""), stream, name, field)
    for stream in (blocks.StoryBodyBlock, blocks.BriefingBodyBlock)
    for name, block in stream().child_blocks.items()
    for field, _child in text_fields(block)
]


def assert_inert(html):
    """No script, no event handler, no javascript: address, no framed or embedded content."""
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "iframe", "object", "embed", "svg", "style"]), html
    for element in soup.find_all(True):
        for attribute, value in element.attrs.items():
            assert not attribute.lower().startswith("on"), html
            if attribute in ("href", "src", "action", "formaction"):
                scheme = urlsplit(str(value).strip().lower()).scheme
                assert scheme in ("", "http", "https", "mailto"), html


def test_every_text_field_of_every_block_is_covered():
    names = {path for path, *_ in TEXT_FIELDS}
    assert "StoryBodyBlock.pull_quote.quote" in names
    assert "StoryBodyBlock.heading" in names
    assert "BriefingBodyBlock.greeting.word" in names
    assert len(names) >= 14


# Fields the page prints, not the block: the greeting's footnote goes at the briefing's end
# (tests/test_pages.py reads it there).
PRINTED_BY_THE_PAGE = {"BriefingBodyBlock.greeting.footnote"}


@pytest.mark.parametrize(("path", "stream", "name", "field"), TEXT_FIELDS, ids=lambda v: str(v))
def test_any_text_in_any_field_renders_as_text(path, stream, name, field):
    block = stream().child_blocks[name]
    picture = ImageFactory()

    @EXAMPLES
    @given(text=TEXT)
    def renders_as_text(text):
        if field is None:
            value = block.to_python(text)
        else:
            raw = block.get_prep_value(block.get_default())
            for child_name, child in block.child_blocks.items():
                if isinstance(child, ImageChooserBlock):
                    raw[child_name] = picture.pk  # captions and credits show with a picture
            raw[field] = text
            if name == "video":
                raw["url"] = "https://vimeo.com/123456789"
            value = block.to_python(raw)
        html = block.render(value)
        assert_inert(html)
        if "<script>" in text and path not in PRINTED_BY_THE_PAGE:
            assert "&lt;script&gt;" in html  # shown to the reader, as text

    renders_as_text()


# Rich text as the editor's browser posts it: Draftail's content state, which a hostile
# client can fill with any block type, style, entity and link address it likes.
LINK_ADDRESSES = st.sampled_from(
    [
        "https://kryvets.example/story",
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        '"><script>alert(1)</script>',
        "mailto:desk@example.com",
        "/en/world-affairs/",
    ]
)
ENTITIES = st.fixed_dictionaries(
    {
        "type": st.sampled_from(["LINK", "DOCUMENT", "IMAGE", "EMBED", "SCRIPT", "link"]),
        "mutability": st.just("MUTABLE"),
        "data": st.fixed_dictionaries(
            {"url": LINK_ADDRESSES, "href": LINK_ADDRESSES, "src": LINK_ADDRESSES},
            optional={"id": st.sampled_from([1, "1", "x", None])},
        ),
    }
)
CONTENT_BLOCKS = st.fixed_dictionaries(
    {
        "type": st.sampled_from(
            [
                "unstyled",
                "header-one",
                "header-two",
                "unordered-list-item",
                "ordered-list-item",
                "blockquote",
                "code-block",
                "atomic",
                "script",
            ]
        ),
        "text": TEXT,
        "depth": st.integers(0, 3),
        "inlineStyleRanges": st.lists(
            st.fixed_dictionaries(
                {
                    "offset": st.integers(0, 5),
                    "length": st.integers(0, 5),
                    "style": st.sampled_from(["BOLD", "ITALIC", "CODE", "STRIKETHROUGH", "x"]),
                }
            ),
            max_size=3,
        ),
        "entityRanges": st.lists(
            st.fixed_dictionaries(
                {"offset": st.integers(0, 5), "length": st.integers(1, 5), "key": st.just(0)}
            ),
            max_size=2,
        ),
        "data": st.just({}),
    }
)
CONTENT_STATES = st.builds(
    lambda content_blocks, entity: {
        "blocks": [dict(b, key=f"k{n}") for n, b in enumerate(content_blocks)],
        "entityMap": {"0": entity},
    },
    st.lists(CONTENT_BLOCKS, min_size=1, max_size=4),
    ENTITIES,
)
ALLOWED_TAGS = {
    "paragraph": {"p", "b", "i", "a", "ol", "ul", "li", "br"},
    "news_item": {"p", "b", "i", "a", "br"},
}


@pytest.mark.parametrize(
    ("stream", "name", "field"),
    [(blocks.StoryBodyBlock, "paragraph", None), (blocks.BriefingBodyBlock, "news_item", "text")],
)
def test_rich_text_keeps_only_its_features(stream, name, field):
    block = stream().child_blocks[name]
    rich_text = block.child_blocks[field] if field else block

    @EXAMPLES
    @given(content_state=CONTENT_STATES)
    def keeps_only_its_features(content_state):
        # What the editor stores from what the browser posted.
        stored = rich_text.field.widget.value_from_datadict(
            {"body": json.dumps(content_state)}, {}, "body"
        )
        tags = {tag.name for tag in BeautifulSoup(stored, "html.parser").find_all(True)}
        assert tags <= ALLOWED_TAGS[name], stored
        assert_inert(stored)
        value = rich_text.to_python(stored)
        if field:
            value = block.to_python({"headline": "Brief", field: stored})
        assert_inert(block.render(value))

    keeps_only_its_features()


PLAYER_ID = {"youtube": re.compile(r"^[A-Za-z0-9_-]{11}$"), "vimeo": re.compile(r"^[0-9]+$")}
URLS = st.one_of(
    st.text(max_size=80),
    st.builds(
        lambda scheme, host, path: f"{scheme}://{host}/{path}",
        st.sampled_from(["https", "http", "javascript", "ftp", "data", "HTTPS", ""]),
        st.sampled_from(
            [
                "youtube.com",
                "www.youtube.com",
                "youtu.be",
                "vimeo.com",
                "player.vimeo.com",
                "youtube.com.evil.example",
                "evil.example",
                "vimeo.com@evil.example",
                "[::1",
                "",
            ]
        ),
        st.text(alphabet="abcdefghijk0123456789_-/?=&%<>\"'.:@#", max_size=40),
    ),
)


@hypothesis_settings(max_examples=500, deadline=None)
@given(url=URLS)
def test_the_video_parser_accepts_only_known_players(url):
    video = parse_video_url(url)
    if video is None:
        return
    assert video.provider in PLAYER_ID
    assert PLAYER_ID[video.provider].match(video.video_id), url
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(video.embed_url))
    assert origin in settings.VIDEO_PLAYER_ORIGINS
    assert urlsplit(url.strip()).scheme.lower() in ("http", "https")


def test_the_editor_keeps_a_plain_link_and_drops_a_script_address():
    widget = blocks.ParagraphBlock().field.widget

    def stored(url):
        content_state = {
            "blocks": [
                {
                    "key": "k0",
                    "type": "unstyled",
                    "text": "Read the original",
                    "depth": 0,
                    "inlineStyleRanges": [{"offset": 0, "length": 4, "style": "BOLD"}],
                    "entityRanges": [{"offset": 9, "length": 8, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
        return widget.value_from_datadict({"body": json.dumps(content_state)}, {}, "body")

    assert stored("https://kryvets.example/story") == (
        '<p data-block-key="k0"><b>Read</b> the <a href="https://kryvets.example/story">'
        "original</a></p>"
    )
    assert "javascript" not in stored("javascript:alert(1)")


def test_a_page_link_with_a_broken_id_renders_as_a_link_to_nowhere(tree):
    from wagtail.rich_text import expand_db_html

    html = expand_db_html(
        f'<p><a linktype="page" id="x">a</a> <a linktype="page" id="{tree.section.pk}">b</a></p>'
    )
    assert html == f'<p><a>a</a> <a href="{tree.section.url}">b</a></p>'
