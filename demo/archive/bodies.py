"""Story bodies as the search index and the card fields want them.

The search index walks a page's body once for each of its five columns, stripping the tags
of every paragraph each time (an HTMLParser pass), and refresh_card_fields strips them once
more: most of the time of indexing. Our paragraphs have no markup but <p> and <i> and no
character that needs escaping, so the card fields are derived from the body with its tags
already stripped, and the index is given that body too, or, for the database backends, the
one tag-free paragraph of the text they would extract from it: the same excerpts and the
same index entries, in a fraction of the time (demo/tests/test_generate_content.py compares
them with what saving the story and indexing it again make).
"""

import contextlib

from wagtail.blocks import StreamValue


def tag_free(html):
    return html.replace("<p>", "").replace("</p>", "").replace("<i>", "").replace("</i>", "")


def html_stream(stream_block, body, language):
    return StreamValue(stream_block, [(kind, values[language], id_) for kind, values, id_ in body])


def tag_free_stream(stream_block, body, language):
    return StreamValue(
        stream_block,
        [
            (kind, tag_free(values[language]) if kind == "paragraph" else values[language], id_)
            for kind, values, id_ in body
        ],
    )


def joins_body_text(backend):
    """Whether the backend indexes a body as one text, its pieces joined with ", " (the
    database backends' prepare_value); OpenSearch keeps the pieces apart."""
    return type(backend).__module__.startswith("modelsearch.backends.database.")


def searchable_stream(body_field, tag_free_body):
    text = ", ".join(body_field.get_searchable_content(tag_free_body))
    return StreamValue(body_field.stream_block, [("paragraph", text)])


@contextlib.contextmanager
def swapped_bodies(pages, bodies):
    saved = [page.body for page in pages]
    for page, body in zip(pages, bodies, strict=True):
        page.body = body
    try:
        yield
    finally:
        for page, body in zip(pages, saved, strict=True):
            page.body = body
