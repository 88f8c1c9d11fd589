"""Search per edition: /<lang>/search/?q=..., as readers use it, safe with any input. What it
finds in each language is test_corpus's."""

import pytest
from bs4 import BeautifulSoup
from wagtail.rich_text import RichText

from search.terms import search_terms
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def test_search_terms_keep_only_words():
    assert search_terms('  "ferry" -strike (Varensk) \\ OR && ') == "ferry strike Varensk OR"
    assert search_terms("паром\x00 пристань") == "паром пристань"
    assert search_terms("?!…–—«»") == ""
    assert len(search_terms("word " * 5000).split()) == 12
    assert search_terms("x" * 10_000) == "x" * 40


@pytest.fixture
def stories(tree, translate_page):
    ferry = StoryPageFactory(
        parent=tree.section, title="The ferry that stopped", summary="Varensk is cut off."
    )
    translate_page(ferry, "fr")
    StoryPageFactory(
        parent=tree.section,
        title="Vineyards run dry",
        summary="Three dry summers.",
        body=[("paragraph", RichText("<p>The growers dig deeper wells.</p>"))],
    )
    return ferry


def results(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup, [a.get_text() for a in soup.select(".story-card__headline a")]


def test_search_finds_stories_in_the_readers_edition(client, stories):
    soup, found = results(client, "/en/search/", q="ferry")
    assert found == ["The ferry that stopped"]
    assert soup.select_one("#search-page-q")["value"] == "ferry"
    _, french = results(client, "/fr/search/", q="ferry")
    assert french == ["[fr] The ferry that stopped"]
    switcher = {a["hreflang"]: a["href"] for a in soup.select(".language-switcher a")}
    assert switcher["fr"] == "/fr/search/"


def test_search_form_on_every_page(client, stories):
    soup = BeautifulSoup(client.get(stories.url).content, "html.parser")
    form = soup.select_one("form[role=search]")
    assert form["action"] == "/en/search/"
    assert soup.select_one("label[for=site-search-q]")


def test_search_paginates(client, tree):
    for n in range(13):
        StoryPageFactory(parent=tree.section, title=f"Ferry story {n}")
    _, first = results(client, "/en/search/", q="ferry")
    _, second = results(client, "/en/search/", q="ferry", page="2")
    assert len(first) == 10 and len(second) == 3
    assert not set(first) & set(second)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 10_000,
        "ferry\x00",
        "\x00",
        "!!! ??? ...",
        "\\",
        "'\"",
        "ferry & | ! ( ) : * <->",
        "-ferry",
        "((ferry",
        "<script>alert(1)</script>",
        "𝔣𝔢𝔯𝔯𝔶 🚢",
    ],
)
def test_absurd_queries_get_a_friendly_page(client, stories, query):
    soup, _ = results(client, "/en/search/", q=query)
    assert soup.h1.get_text() == "Search"
    assert "<script>alert(1)</script>" not in str(soup.select_one("main"))


def test_query_is_echoed_escaped(client, stories):
    response = client.get("/en/search/", {"q": '<b>ferry</b>"><script>x</script>'})
    html = response.content.decode()
    assert "<script>x</script>" not in html
    assert "<b>ferry</b>" not in html


def test_pagination_keeps_the_query(client, tree):
    for n in range(13):
        StoryPageFactory(parent=tree.section, title=f"Ferry story {n}")
    soup, _ = results(client, "/en/search/", q="ferry")
    next_link = soup.select_one(".pagination a[rel=next]")["href"]
    assert "q=ferry" in next_link and "page=2" in next_link


def test_best_match_first_or_newest_first_and_a_long_list_says_it_stops(client, tree, monkeypatch):
    mention = [("paragraph", RichText("<p>The ferry was late again.</p>"))]
    about = StoryPageFactory(parent=tree.section, title="The last ferry to Varensk")
    for n in range(3):
        StoryPageFactory(parent=tree.section, title=f"Harbour notes {n}", summary="", body=mention)
    soup, found = results(client, "/en/search/", q="ferries")
    assert found[0] == about.title  # the headline's word, though the oldest
    assert soup.select_one("#results-heading").get_text() == "4 stories for “ferries”"
    order = {a.get_text(): a for a in soup.select(".search-order a")}
    assert order["best match"]["aria-current"] == "true"
    newest_url = order["newest first"]["href"]
    assert "order=newest" in newest_url and "q=ferries" in newest_url
    soup, found = results(client, "/en/search/", q="ferries", order="newest")
    assert found == [f"Harbour notes {n}" for n in (2, 1, 0)] + [about.title]
    assert soup.select_one('.search-order a[aria-current="true"]').get_text() == "newest first"
    # Search ranks the newest matches only: here, as if that were ten, one page.
    monkeypatch.setattr("search.query.WINDOW", 10)
    monkeypatch.setattr("home.models.SEARCH_PAGES", 1)
    for n in range(3, 10):
        StoryPageFactory(parent=tree.section, title=f"Harbour notes {n}", summary="", body=mention)
    soup, found = results(client, "/en/search/", q="ferry")
    assert len(found) == 10 and found[0] == about.title
    heading = soup.select_one("#results-heading").get_text()
    assert heading == "More than 10 stories for “ferry”"
    assert not soup.select(".pagination a[rel=next]")


def test_each_result_shows_where_the_words_are(client, tree):
    StoryPageFactory(
        parent=tree.section,
        title="Dry summers",
        summary="",
        body=[("paragraph", RichText("<p>Growers <b>counted</b> the dry wells & waited.</p>"))],
    )
    soup, found = results(client, "/en/search/", q="wells counting")
    assert found == ["Dry summers"]
    note = soup.select_one(".card-with-note .card-note")
    assert [mark.get_text() for mark in note.select("mark")] == ["counted", "wells"]
    assert note.get_text() == "Growers counted the dry wells & waited."


def test_a_french_reader_finds_accented_words_typed_without_accents(client, tree):
    StoryPageFactory(
        parent=tree.fr.section,
        title="Les réfugiés de la vallée",
        standfirst="Ils sont arrivés l'hiver dernier.",
        summary="",
    )
    soup, found = results(client, "/fr/search/", q="refugie")
    assert found == ["Les réfugiés de la vallée"]
    assert soup.select_one("#results-heading").get_text() == "1 article pour « refugie »"
