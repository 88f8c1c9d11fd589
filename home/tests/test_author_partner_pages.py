"""Author and partner pages under each edition: /<lang>/authors/<slug>/ and /partners/."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.factories import AuthorFactory, PartnerOutletFactory, StoryPageFactory
from stories.models import Author

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def ilya(locales, translate_page):
    author = AuthorFactory(name="Ilya Sorin", bio="Translates our Russian partners.")
    translate_page(author, "fr")
    return author


def test_slugs_are_filled_unique_and_shared_by_translations(ilya, locales):
    assert ilya.slug == "ilya-sorin"
    assert ilya.get_translation(locales["fr"]).slug == "ilya-sorin"
    namesake = AuthorFactory(name="Ilya Sorin")
    assert namesake.slug == "ilya-sorin-2"
    cyrillic = AuthorFactory(name="Илья", locale=locales["ru"])
    assert cyrillic.slug  # never empty, even when the name has no Latin letters
    assert cyrillic.url == f"/ru/authors/{cyrillic.slug}/"


def test_author_page_lists_their_stories_in_that_edition(client, tree, ilya, locales):
    theirs = StoryPageFactory(parent=tree.section, title="The ferry stops", authors=[ilya])
    StoryPageFactory(parent=tree.section, title="Someone else's story")
    page = soup(client.get("/en/authors/ilya-sorin/"))
    assert page.h1.get_text() == "Ilya Sorin"
    assert "Translates our Russian partners." in page.get_text()
    assert [a.get_text() for a in page.select(".story-card__headline a")] == [theirs.title]
    assert page.title.get_text().startswith("Ilya Sorin")
    # The story links back to the author.
    story = soup(client.get(theirs.url))
    assert story.select_one("a.byline")["href"] == "/en/authors/ilya-sorin/"

    french = soup(client.get("/fr/authors/ilya-sorin/"))
    assert french.html["lang"] == "fr"
    assert french.select(".story-card") == []  # the story is not translated into French


def test_author_page_links_only_to_languages_it_exists_in(client, tree, ilya):
    page = soup(client.get("/en/authors/ilya-sorin/"))
    switcher = {a["hreflang"]: a["href"] for a in page.select(".language-switcher a")}
    assert switcher == {"en": "/en/authors/ilya-sorin/", "fr": "/fr/authors/ilya-sorin/"}
    alternates = {
        link["hreflang"]: link["href"] for link in page.select("link[rel=alternate][hreflang]")
    }
    assert alternates["x-default"] == alternates["en"]
    assert alternates["fr"].endswith("/fr/authors/ilya-sorin/")
    assert "ru" not in alternates
    assert client.get("/ru/authors/ilya-sorin/").status_code == 404


def test_unknown_or_malformed_author_is_a_404(client, tree, ilya):
    assert client.get("/en/authors/nobody/").status_code == 404
    assert client.get("/en/authors/%00/").status_code == 404
    assert client.get("/en/authors/").status_code == 404


def test_partner_page_lists_its_stories(client, tree, locales):
    partner = PartnerOutletFactory(name="Plain Facts", description="Independent, in exile.")
    theirs = StoryPageFactory(parent=tree.section, title="Counting the votes", partner=partner)
    StoryPageFactory(parent=tree.section, title="Our own reporting")
    page = soup(client.get(partner.url))
    assert partner.url == "/en/partners/plain-facts/"
    assert page.h1.get_text(" ", strip=True) == "Plain Facts Простые факты"
    assert "Independent, in exile." in page.get_text()
    assert [a.get_text() for a in page.select(".story-card__headline a")] == [theirs.title]
    card = soup(client.get(tree.section.url)).select_one(".story-card__partner")
    assert card["href"] == partner.url


def test_author_page_queries_do_not_grow_with_stories(
    client, tree, ilya, no_cache, django_assert_max_num_queries
):
    for _ in range(2):
        StoryPageFactory(parent=tree.section, authors=[ilya])
    with CaptureQueriesContext(connection) as captured:
        client.get(ilya.url)
    few = len(captured)  # at once: Django's query log is a bounded deque
    for _ in range(8):
        StoryPageFactory(parent=tree.section, authors=[ilya, AuthorFactory()])
    with django_assert_max_num_queries(few):
        page = soup(client.get(ilya.url))
    assert len(page.select(".story-card")) == 10


def test_author_pages_paginate(client, tree, ilya):
    for _ in range(12):
        StoryPageFactory(parent=tree.section, authors=[ilya])
    second = soup(client.get(ilya.url + "?page=2"))
    assert len(second.select(".story-card")) == 2
    assert soup(client.get(ilya.url + "?page=junk")).select(".story-card")
    assert Author.objects.get(pk=ilya.pk).slug == "ilya-sorin"
