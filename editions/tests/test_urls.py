"""Language-prefixed URLs: the reader lands in their language; junk is a 404, never a 500."""

from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from editions.factories import LocaleFactory
from tests.support import copy_translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-FR,fr;q=0.9,en;q=0.8", "/fr/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("de;q=0.9,fr;q=0.8", "/fr/"),
        ("ru,de;q=0.5", "/en/"),
        ("en;q=0.1,fr;q=0.9", "/fr/"),
        ("", "/en/"),
        ("ja", "/en/"),
        ("fr;q=abc,,;;==", "/en/"),
        ("*", "/en/"),
        ("x" * 5000, "/en/"),
        ("\x00\xff", "/en/"),
        # q=0 is "not acceptable": never the edition chosen, nor the fallback.
        ("fr;q=0", "/en/"),
        ("en;q=0", "/fr/"),
        ("en;q=0.0, ru", "/fr/"),
        ("en;q=0, fr;q=0", "/en/"),
    ],
)
def test_root_sends_readers_to_their_language(client, tree, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize(
    ("path", "accept_language", "expected"),
    [
        ("/search/", "fr;q=0", "/en/search/"),
        ("/feed/rss/", "fr;q=0", "/en/feed/rss/"),
        ("/world-affairs/", "fr;q=0", "/en/world-affairs/"),
        ("/search/", "fr;q=0, ru", "/ru/search/"),
        ("/search/", "fr", "/fr/search/"),
        ("/search/", "en;q=0, fr;q=0", "/en/search/"),
    ],
)
def test_other_paths_without_a_prefix_never_go_to_a_refused_language(
    client, tree, path, accept_language, expected
):
    # Django's locale middleware chooses these; its parser keeps q=0 as least preferred.
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_every_language_has_its_prefix(client, tree):
    assert client.get("/en/").status_code == 200
    assert client.get("/fr/").status_code == 200
    assert client.get("/ru/").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/xx/",
        "/zz/world-affairs/",
        "/en/no-such-page/",
        "/fr/no-such-page/deeper/",
        "/en/world-affairs/%00/",
        "/en/" + "a" * 3000 + "/",
        "/en/topics/drones/?page=%00",
    ],
)
def test_unknown_paths_are_404(client, tree, path):
    response = client.get(path)
    if "?page=" in path:
        assert response.status_code == 200
    else:
        assert response.status_code == 404


def test_404_page_speaks_the_readers_language(client, tree):
    response = client.get("/fr/pas-de-page/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "fr"
    assert soup.h1.get_text() == "Page introuvable"
    assert soup.find("a", string="Aller à la page d’accueil")["href"] == "/fr/"

    english = BeautifulSoup(client.get("/en/no-page/").content, "html.parser")
    assert english.h1.get_text() == "Page not found"


def test_pages_list_their_live_translations(client, tree):
    soup = BeautifulSoup(client.get(tree.section.url).content, "html.parser")
    alternates = {
        link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate][hreflang]")
    }
    assert alternates == {
        "x-default": "http://testserver/en/world-affairs/",
        "en": "http://testserver/en/world-affairs/",
        "fr": "http://testserver/fr/world-affairs-fr/",
        "ru": "http://testserver/ru/world-affairs-ru/",
    }
    switcher = [a["href"] for a in soup.select(".language-switcher a")]
    assert switcher == ["/en/world-affairs/", "/fr/world-affairs-fr/", "/ru/world-affairs-ru/"]


def test_unpublished_translation_is_not_linked(client, tree):
    tree.fr.section.unpublish()
    soup = BeautifulSoup(client.get(tree.section.url).content, "html.parser")
    hrefs = [a["href"] for a in soup.select(".language-switcher a")]
    assert "/fr/world-affairs-fr/" not in hrefs


def test_russian_readers_get_russian_interface_strings(client, tree):
    soup = BeautifulSoup(client.get("/ru/net-takoy-stranitsy/").content, "html.parser")
    assert soup.html["lang"] == "ru"
    assert soup.h1.get_text() == "Страница не найдена"


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/fr/international/", "fr", "Une erreur s’est produite"),
        ("/ru/", "ru", "Что-то пошло не так"),
        ("/en/x/", "en", "Something went wrong"),
        ("/admin/", "en", "Something went wrong"),
    ],
)
def test_server_error_page_speaks_the_readers_language(rf, path, lang, heading):
    from bs4 import BeautifulSoup

    from config import urls
    from editions.views import server_error

    assert urls.handler500 == "editions.views.server_error"
    response = server_error(rf.get(path))
    assert response.status_code == 500
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == lang
    assert soup.h1.get_text() == heading


def test_a_path_without_its_language_goes_to_what_exists_and_nowhere_else(client, tree):
    # To the page or view under the reader's language, when there is one...
    assert client.get("/world-affairs/")["Location"] == "/en/world-affairs/"
    assert client.get("/newsletter/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/fr/newsletter/"
    # ...and a plain 404 otherwise, never a redirect to an address that 404s.
    for path in ("/e/", "/no-such-page/", "/world-affairs/no-such-story/"):
        response = client.get(path)
        assert response.status_code == 404 and not response.has_header("Location"), path


def test_a_language_without_a_live_home_page_is_a_404_not_the_english_site(client, tree):
    # German is a language of originals we configure, with no tree yet.
    for path in ("/de/", "/de/world-affairs/", "/de/topics/drones/", "/de/search/?q=ferry"):
        response = client.get(path)
        assert response.status_code == 404, path
        soup = BeautifulSoup(response.content, "html.parser")
        assert not soup.select("link[rel=canonical]"), path  # nothing to index under /de/
        # The interface has no German: the page says so in the language it is written in.
        assert soup.html["lang"] == "en" and soup.h1.get_text() == "Page not found", path
    # A tree that is not live yet is no edition either.
    tree.ru.home.unpublish()
    assert client.get("/ru/").status_code == 404
    assert client.get("/en/").status_code == 200


def test_a_tree_made_by_a_process_with_another_cache_never_answers_500(client, tree):
    """An operator's shell on other settings adds a Ukrainian tree: the web process's
    cache still holds the old map of editions and Wagtail's old site root paths."""
    assert client.get("/en/").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200
    root_paths = cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    assert root_paths is not None
    LocaleFactory(language_code="uk")
    copy_translation(tree.home, "uk")
    copy_translation(tree.section, "uk")
    # What the other process's receivers cleared, in a cache this one never sees.
    cache.set(SITE_ROOT_PATHS_CACHE_KEY, root_paths, version=SITE_ROOT_PATHS_CACHE_VERSION)
    for url in ("/uk/", "/uk/world-affairs-uk/", "/sitemap.xml"):
        assert client.get(url).status_code == 200, url
    sitemap = client.get("/sitemap-uk.xml")
    assert sitemap.status_code == 200
    assert b"/uk/world-affairs-uk/" in sitemap.content


def test_adding_an_edition_to_the_map_does_not_lengthen_stale_entries(client, tree):
    from editions import routing

    client.get("/en/")
    (expiry_en,) = [expiry for expiry, _found in cache.get(routing.KEY).values()]
    with mock.patch("time.time", return_value=expiry_en - 1):
        client.get("/fr/")
    entries = cache.get(routing.KEY)
    assert sorted(expiry for expiry, _found in entries.values())[0] == expiry_en
    # Past its own expiry, the English entry is read again, whatever the French one says.
    later = mock.patch("time.time", return_value=expiry_en + 1)
    with later, mock.patch.object(routing, "_edition_home", wraps=routing._edition_home) as read:
        client.get("/en/")
    assert read.call_count == 1
