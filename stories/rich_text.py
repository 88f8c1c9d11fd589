"""Rich text's links to pages, robust to what an editor's browser may post: Wagtail stores
a page link's id as posted, and its handler looks it up as a number, so an id that is not
one (`<a linktype="page" id="x">`) made every page showing that text fail with a 500.
Found by stories/tests/test_block_properties.py. Such a link renders as a link to nowhere, as a
link to a deleted page does."""

from wagtail.rich_text.pages import PageLinkHandler


class ReaderPageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        found = iter(super().get_many([a for a in attrs_list if _is_id(a.get("id"))]))
        return [next(found) if _is_id(a.get("id")) else None for a in attrs_list]


def _is_id(value):
    return str(value).isdigit()
