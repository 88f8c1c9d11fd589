"""Every public URL pattern, walked with hostile variants: each answer is a page or a 4xx,
never a 500, on SQLite and PostgreSQL alike."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents.models import Document
from wagtail.models import Collection

from stories.factories import (
    AuthorFactory,
    BriefingPageFactory,
    PartnerOutletFactory,
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db

# Quotes, backslashes, operators, a leading minus, unbalanced brackets: what breaks
# full-text query parsers (PostgreSQL's to_tsquery, OpenSearch's query string).
SEARCH_QUERIES = [
    '"',
    "'",
    "\\",
    "\\\\'",
    "-ferry",
    "--",
    "!",
    "ferry & | ! <->",
    "(ferry",
    "ferry))",
    "[]{}",
    "ferry:*",
    "a:b:c",
    "NOT AND OR",
    "*",
    "%",
    "_",
    "\x00",
    "ferry\x00drone",
    "\ufeff\u202e",
    "<script>alert(1)</script>",
    "x" * 20_000,
    "ferry " * 2_000,
]
PAGE_NUMBERS = ["0", "-1", "1e9", "abc", "", "%00", "99999999999999999999", "1;2", "last"]
# Appended to a path: NUL, broken UTF-8, a 5,000-character segment, traversal, encodings.
PATH_SUFFIXES = ["%00/", "%ff%fe/", "a" * 5000 + "/", "../../etc/passwd", "%2e%2e/", "%c0%af/"]
BAD_PREFIXES = ["/xx/", "/EN/", "/en-us/", "/e/", "/%ff/", "/fr-FR/", "/ru-RU/", "/zz/search/"]


@pytest.fixture
def site(tree, search_index, media_on_disk):
    author = AuthorFactory(name="Inès Marlow")
    partner = PartnerOutletFactory(name="Kryvets Daily")
    story = StoryPageFactory(
        parent=tree.section, title="The ferry to Varensk", topics=tree.topics, authors=[author]
    )
    briefing = BriefingPageFactory(parent=tree.briefing_index)
    document = Document.objects.create(
        title="Statement",
        file=SimpleUploadedFile("statement.txt", b"text"),
        collection=Collection.get_first_root_node(),
    )
    home = tree.home.url
    return {
        "home": home,
        "section": tree.section.url,
        "topic index": tree.topic_index.url,
        "topic": tree.topics[0].url,
        "story": story.url,
        "briefing index": tree.briefing_index.url,
        "briefing": briefing.url,
        "edition feed": f"{home}feed/rss/",
        "topic feed": f"{tree.topics[0].url}feed/atom/",
        "section feed": f"{tree.section.url}feed/rss/",
        "author": f"{home}authors/{author.slug}/",
        "partner": f"{home}partners/{partner.slug}/",
        "search": f"{home}search/",
        "french home": tree.fr.home.url,
        "newsletter": "/en/newsletter/",
        "newsletter start": "/en/newsletter/start/",
        "newsletter inbox": "/en/newsletter/check-your-inbox/",
        "newsletter confirm": "/en/newsletter/confirm/not-a-token/",
        "newsletter unsubscribe": "/en/newsletter/unsubscribe/not-a-token/",
        "newsletter preferences": "/en/newsletter/preferences/not-a-token/",
        "sitemap": "/sitemap.xml",
        "edition sitemap": "/sitemap-en.xml",
        "news sitemap": "/sitemap-news-en.xml",
        "robots": "/robots.txt",
        "document": document.url,
        "root": "/",
    }


def no_server_error(client, method, url, **extra):
    response = getattr(client, method)(url, **extra)
    assert response.status_code < 500, (method, url[:200], response.status_code)
    return response


def test_every_url_answers_its_plain_request(client, site):
    for name, url in site.items():
        response = no_server_error(client, "get", url)
        if name == "root":
            assert response.status_code == 302
        elif name == "newsletter start":
            assert response.status_code == 405  # a form's target: POST only
        elif "token" in url:
            assert response.status_code in (200, 400, 404), name  # "this link has expired"
        else:
            assert response.status_code == 200, name


def test_hostile_paths_are_4xx(client, site):
    for url in site.values():
        base = url if url.endswith("/") else url + "/"
        for suffix in PATH_SUFFIXES:
            response = no_server_error(client, "get", base + suffix)
            assert 400 <= response.status_code < 500 or response.status_code in (301, 302)


def test_unknown_and_malformed_language_prefixes_are_404_not_redirects(client, site):
    for prefix in BAD_PREFIXES:
        response = no_server_error(client, "get", prefix)
        assert response.status_code == 404, prefix
        assert not response.has_header("Location")


def test_hostile_query_strings(client, site):
    junk = [
        "\x00",
        "%ff",
        "\ud800".encode("utf-8", "surrogatepass").decode("latin-1"),
        "x" * 10_000,
    ]
    for url in site.values():
        for value in junk:
            no_server_error(
                client,
                "get",
                url,
                data={"page": value, "q": value, "order": value, "utm_source": value},
            )
        for number in PAGE_NUMBERS:
            no_server_error(client, "get", url, data={"page": number})
        no_server_error(client, "get", f"{url}?%ff%fe=%ff&page=%ff&q=%c0%80")


def test_search_queries_that_break_full_text_parsers(client, site):
    for query in SEARCH_QUERIES:
        for page in ("1", "2", "junk"):
            response = no_server_error(
                client, "get", site["search"], data={"q": query, "page": page}
            )
            assert response.status_code == 200
            assert "<script>alert(1)</script>" not in response.content.decode()


def test_too_many_parameters_are_refused(client, site):
    many = "&".join(f"p{n}=1" for n in range(10_001))
    for name in ("home", "search", "story", "newsletter"):
        assert no_server_error(client, "get", f"{site[name]}?{many}").status_code == 400


def test_bad_host_headers_are_400(client, site):
    for host in ("evil.example", "localhost:abc", "local host", "\x00", "a" * 300, "[::1"):
        for url in (site["home"], site["story"], "/"):
            assert no_server_error(client, "get", url, HTTP_HOST=host).status_code == 400


def test_wrong_methods_and_missing_or_wrong_csrf_tokens(site):
    client = Client(enforce_csrf_checks=True)
    for name, url in site.items():
        for method in ("post", "put", "patch", "delete"):
            response = no_server_error(client, method, url)
            if name == "newsletter start" and method == "post":
                # Cached pages carry no CSRF token: their sign-up box posts here, which
                # changes nothing and answers with the real, protected form.
                assert response.status_code == 200
            else:
                assert 400 <= response.status_code < 500, (name, method)
    # The newsletter form with a forged token, and with none.
    client.get(site["newsletter"])
    for token in ("", "forged" * 8):
        response = no_server_error(
            client,
            "post",
            site["newsletter"],
            data={"email": "reader@example.com", "csrfmiddlewaretoken": token},
        )
        assert response.status_code == 403


def test_hostile_form_input_to_the_newsletter(client, site):
    for email in ("", "\x00", "a" * 5000 + "@example.com", "<script>@x", "reader@@example.com"):
        response = no_server_error(
            client, "post", site["newsletter"], data={"email": email, "website": ""}
        )
        assert response.status_code in (200, 400, 429)
        assert "<script>@x" not in response.content.decode()


def test_bad_image_rendition_and_media_urls(client, site):
    for url in (
        "/media/images/nothing.fill-99999x99999.jpg",
        "/media/images/../../config/settings/base.py",
        "/media/original_images/%00.jpg",
        "/media/images/" + "x" * 5000 + ".webp",
        "/documents/999999/nothing.pdf",
        "/documents/1/other-name.txt",
        "/documents/abc/statement.txt",
        "/documents/1/%00",
        "/static/../config/settings/base.py",
        "/static/css/%00.css",
    ):
        assert 400 <= no_server_error(client, "get", url).status_code < 500, url
