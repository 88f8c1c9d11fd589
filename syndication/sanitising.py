"""A feed item's HTML as story body blocks. nh3 (the Ammonia sanitiser) keeps only an
allow-list of tags and attributes, so no script, style, iframe, event attribute or
javascript: link survives; what is left is cut into the body's own blocks: headings, and
paragraphs in Wagtail's rich text format (bold, italic, links, lists)."""

from html import escape
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import nh3

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
LISTS = {"ul", "ol"}
# Blocks of text of their own; a <blockquote> or <div> only groups them.
PARAGRAPHS = {"p", "blockquote", "div", "figcaption"}
# Inline markup kept, as Wagtail's rich text stores it.
INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i", "a": "a", "br": "br"}
ALLOWED_TAGS = HEADINGS | LISTS | PARAGRAPHS | {"li", "figure"} | set(INLINE)
# Dropped with everything inside them, not just their tags.
DROPPED_WITH_CONTENT = {
    "script",
    "style",
    "iframe",
    "noscript",
    "template",
    "object",
    "svg",
    "math",
}
HEADING_LENGTH = 120  # HeadingBlock's max_length
LINK_SCHEMES = {"http", "https", "mailto"}


def clean_html(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes={"a": {"href"}},
        url_schemes=LINK_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def body_blocks(html, base_url=""):
    """[(block type, value)] for a StoryPage body: "heading" (text) and "paragraph"
    (rich text), in the order of the item's HTML. Relative links are resolved against
    `base_url` (the item's own address)."""
    builder = _BlockBuilder(base_url)
    builder.feed(clean_html(html))
    builder.close()
    return builder.blocks


def _balanced(rich_text):
    # Cutting markup into blocks can leave a link or bold open across a cut; nh3 closes
    # what is open, so one block's link never runs on over the rest of the page.
    return nh3.clean(
        rich_text,
        tags={"p", "ul", "ol", "li", "b", "i", "a", "br"},
        attributes={"a": {"href"}},
        url_schemes=LINK_SCHEMES,
        link_rel=None,
    )


class _BlockBuilder(HTMLParser):
    def __init__(self, base_url):
        super().__init__(convert_charrefs=True)
        self.base_url = base_url
        self.blocks = []
        self.list_depth = 0  # lists inside a list are flattened into it
        self.heading = None  # text of the heading being read
        self.paragraph = []  # rich text of the paragraph being read
        self.list = None  # (tag, [items]) of the list being read
        self.item = None  # rich text of the list item being read
        self.links = []  # for each <a> open: whether it was kept (it has an address)

    def handle_starttag(self, tag, attrs):
        if tag in HEADINGS:
            self.end_paragraph()
            self.heading = []
        elif tag in LISTS:
            if self.list is None:
                self.end_paragraph()
                self.list = (tag, [])
            self.list_depth += 1
        elif tag == "li" and self.list is not None:
            self.end_item()
            self.item = []
        elif tag in PARAGRAPHS and self.list is None:
            self.end_paragraph()
        elif tag in INLINE and self.heading is None:
            markup = INLINE[tag]
            if markup == "a":
                href = dict(attrs).get("href") or ""
                if href:
                    href = urljoin(self.base_url, href)
                    if urlsplit(href).scheme not in LINK_SCHEMES:
                        href = ""
                self.links.append(bool(href))
                if href:
                    self.text_target().append(f'<a href="{escape(href)}">')
            elif markup == "br":
                self.text_target().append("<br/>")
            else:
                self.text_target().append(f"<{markup}>")

    def handle_endtag(self, tag):
        if tag in HEADINGS and self.heading is not None:
            text = " ".join("".join(self.heading).split())
            self.heading = None
            if text:
                self.blocks.append(("heading", text[:HEADING_LENGTH]))
        elif tag == "li":
            self.end_item()
        elif tag in LISTS and self.list is not None:
            self.list_depth -= 1
            if self.list_depth == 0:
                self.end_list()
        elif tag in PARAGRAPHS and self.list is None:
            self.end_paragraph()
        elif tag == "a" and self.heading is None:
            if self.links and self.links.pop():
                self.text_target().append("</a>")
        elif tag in INLINE and INLINE[tag] != "br" and self.heading is None:
            self.text_target().append(f"</{INLINE[tag]}>")

    def handle_data(self, data):
        if self.heading is not None:
            self.heading.append(data)
        else:
            self.text_target().append(escape(data, quote=False))

    def text_target(self):
        if self.list is not None:
            if self.item is None:
                self.item = []
            return self.item
        return self.paragraph

    def end_item(self):
        item = _balanced("".join(self.item)).strip() if self.item is not None else ""
        if _has_text(item):
            self.list[1].append(item)
        self.item = None

    def end_list(self):
        self.end_item()
        tag, items = self.list
        self.list = None
        if items:
            rich = "".join(f"<li>{item}</li>" for item in items)
            self.blocks.append(("paragraph", f"<{tag}>{rich}</{tag}>"))

    def end_paragraph(self):
        if self.list is not None:
            self.end_list()
        text = _balanced("".join(self.paragraph)).strip()
        self.paragraph = []
        if _has_text(text):
            self.blocks.append(("paragraph", f"<p>{text}</p>"))

    def close(self):
        super().close()
        self.end_paragraph()


def _has_text(rich_text):
    return bool(nh3.clean(rich_text, tags=set()).strip())
