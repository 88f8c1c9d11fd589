"""What the site emits, read by parsers nobody here wrote: JSON-LD through extruct and
PyLD, feeds through lxml by the rules of RSS 2.0 and RFC 4287 that feedparser forgives,
sitemaps through the sitemaps.org schemas and sitemap-verify's rules for Google, hreflang
links both ways, and the catalogues through GNU gettext. On edge
content: a story nobody signed, a story by two people, a story with every block, a
briefing, a right-to-left tree and a language added from a management command."""

import email.utils
import shutil
import subprocess
from importlib.resources import files
from urllib.parse import urlsplit

import extruct
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from lxml import etree
from pyld import jsonld
from sitemap_verify.engine_profiles import EngineValidationContext, validate_engine_profile
from sitemap_verify.parser import parse_sitemap_document
from sitemap_verify.validators import validate_document
from wagtail.models import Page

from editions.factories import LocaleFactory
from editions.tests.test_cross_process import NEW_EDITION
from stories.factories import (
    AuthorFactory,
    BriefingPageFactory,
    ImageFactory,
    PartnerOutletFactory,
    StoryPageFactory,
    every_block,
)
from stories.models import StoryByline, StoryPartnerCredit
from tests.support import BASE_DIR, copy_translation, missing

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
# What Google's documentation asks of each type (Article: recommended properties it reads;
# BreadcrumbList and Organization: required ones).
GOOGLE = {
    "NewsArticle": ["headline", "datePublished", "author"],
    "BreadcrumbList": ["itemListElement"],
    "NewsMediaOrganization": ["name", "url"],
    "Person": ["name", "url"],
}


def schema_org_loader(url, options=None):
    # schema.org's context, offline: every term is a schema.org IRI.
    if urlsplit(url).netloc.removeprefix("www.") != "schema.org":
        raise ValueError(f"no document {url} offline")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": SCHEMA}},
    }


@pytest.fixture
def edge_content(client, tree, django_capture_on_commit_callbacks):
    image = ImageFactory()
    two = [AuthorFactory(name="Inès Marlow"), AuthorFactory(name="Tomás Aranha")]
    partner = PartnerOutletFactory(name="Plain Facts")
    stories = [
        StoryPageFactory(parent=tree.section, title="Unsigned", partner=partner),
        StoryPageFactory(parent=tree.section, title="By two", authors=two, lead_image=image),
        StoryPageFactory(
            parent=tree.section, title="Every block", body=every_block(image), topics=tree.topics
        ),
    ]
    # Signed by its outlet, crediting another: an Organization as author, a contributor.
    signed = StoryPageFactory(parent=tree.section, title="Signed", topics=tree.topics)
    StoryByline.objects.create(page=signed, partner=partner, sort_order=0)
    north = PartnerOutletFactory(name="North Wind")
    StoryPartnerCredit.objects.create(page=signed, partner=north, sort_order=0)
    stories.append(signed)
    briefing = BriefingPageFactory(
        parent=tree.briefing_index,
        topics=tree.topics,
        authors=two,
        lead_video_url="https://vimeo.com/123456789",
    )
    for page in Page.objects.live().filter(depth__gt=1, last_published_at=None).specific():
        page.save_revision().publish()  # as an editor does: dates for the sitemap's lastmod
    french = copy_translation(stories[1], "fr")
    LocaleFactory(language_code="ar")
    arabic = [copy_translation(page, "ar") for page in (tree.home, tree.section)]
    # A language added by an operator from a management command, after a reader asked for
    # it: what the site emits must know of it at once.
    assert client.get("/uk/").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        call_command("shell", command=NEW_EDITION, verbosity=0)
    pages = [tree.home, tree.section, tree.topics[0], *stories, french, briefing, *arabic]
    return [page.url for page in pages] + [two[0].url, partner.url, "/uk/"]


def test_json_ld_reads_as_schema_org_with_what_google_asks(client, edge_content):
    jsonld.set_document_loader(schema_org_loader)
    for url in edge_content:
        html = client.get(url).content.decode()
        items = extruct.extract(html, base_url="http://testserver" + url, syntaxes=["json-ld"])
        assert items["json-ld"], url
        for item in items["json-ld"]:
            expanded = jsonld.expand(item)
            assert expanded and all(
                kind.startswith(SCHEMA) for node in expanded for kind in node["@type"]
            ), url
            kind = "NewsArticle" if item["@type"].endswith("NewsArticle") else item["@type"]
            for key in GOOGLE.get(kind, []):
                assert item.get(key), (url, kind, key)
            for author in item.get("author", []):
                assert author["@type"] in ("Person", "NewsMediaOrganization"), url
                assert author["name"] and author["url"].startswith("http"), url
            for element in item.get("itemListElement", []):
                assert {"position", "name", "item"} <= set(element), url


def test_feeds_follow_rss_2_and_rfc_4287(client, tree, edge_content):
    contributors = 0
    for page in (tree.home, tree.section, tree.topics[0], tree.briefing_index, tree.fr.home):
        rss = etree.fromstring(client.get(f"{page.url}feed/rss/").content)
        channel = rss.find("channel")
        assert rss.get("version") == "2.0"
        assert all(channel.findtext(tag) for tag in ("title", "link", "description"))
        for item in channel.findall("item"):
            assert item.findtext("title") or item.findtext("description")
            assert item.findtext("guid")
            email.utils.parsedate_to_datetime(item.findtext("pubDate"))  # RFC 822 dates

        atom = etree.fromstring(client.get(f"{page.url}feed/atom/").content)
        assert all(atom.findtext(f"{ATOM}{tag}") for tag in ("id", "title", "updated"))
        feed_author = atom.find(f"{ATOM}author/{ATOM}name") is not None
        for entry in atom.findall(f"{ATOM}entry"):
            assert all(entry.findtext(f"{ATOM}{tag}") for tag in ("id", "title", "updated"))
            assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
            assert feed_author or entry.find(f"{ATOM}author/{ATOM}name") is not None
            for person in entry.findall(f"{ATOM}contributor"):  # a Person construct
                assert person.findtext(f"{ATOM}name")
                contributors += 1
    assert contributors  # the signed story's second outlet


def sitemap_problems(client, path):
    """The document at path, checked against the sitemaps.org schema for its kind (as
    sitemap-verify ships them) and by sitemap-verify's own rules and Google's profile."""
    content = client.get(path).content
    root = etree.fromstring(content)
    schema_file = "siteindex.xsd" if root.tag == f"{SITEMAP}sitemapindex" else "sitemap.xsd"
    schema = etree.XMLSchema(etree.parse(str(files("sitemap_verify.schemas") / schema_file)))
    schema.validate(root)
    problems = [str(error) for error in schema.error_log]
    document = parse_sitemap_document(
        content.decode(), source=path, uncompressed_size=len(content), is_gzipped=False
    )
    diagnostics, urls, children = validate_document(document, base_url="http://testserver/")
    diagnostics += validate_engine_profile(
        "google", EngineValidationContext(document=document, urls=urls, child_sitemaps=children)
    )
    problems += [f"{d.level} {d.code}: {d.message} ({d.location})" for d in diagnostics]
    return root, problems


def test_sitemaps_and_pages_link_their_languages_both_ways(client, edge_content):
    index, problems = sitemap_problems(client, "/sitemap.xml")
    assert index.tag == f"{SITEMAP}sitemapindex"
    assert problems == []
    alternates = {}
    for location in index.iter(f"{SITEMAP}loc"):
        sitemap, problems = sitemap_problems(client, urlsplit(location.text).path)
        assert sitemap.tag == f"{SITEMAP}urlset"
        # A quiet edition's news sitemap may be empty for a day; listed all the same.
        problems = [p for p in problems if "news" not in location.text or "empty_sitemap" not in p]
        assert problems == [], location.text
        for entry in sitemap.findall(f"{SITEMAP}url"):
            address = entry.findtext(f"{SITEMAP}loc")
            assert address.startswith("http://testserver/")
            links = entry.findall(f"{XHTML}link")
            if links:
                alternates[address] = {(link.get("hreflang"), link.get("href")) for link in links}
    assert len(alternates) >= 10  # the tree's pages in three languages, and a story in two
    for address, links in alternates.items():
        for language, href in links:
            # Each version lists the same versions: Google ignores one-way hreflang.
            assert alternates.get(href) == links, (address, language, href)

    checked = 0
    for url in edge_content:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        versions = {
            (link["hreflang"], link["href"])
            for link in soup.select("link[rel=alternate][hreflang]")
        }
        for language, href in versions:
            if language == "x-default":
                continue
            other = BeautifulSoup(client.get(urlsplit(href).path).content, "html.parser")
            back = {
                (link["hreflang"], link["href"])
                for link in other.select("link[rel=alternate][hreflang]")
            }
            assert back == versions, (url, href)
            checked += 1
    assert checked >= 10


def test_catalogues_pass_gnu_gettexts_checks():
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        missing("GNU gettext's msgfmt is not installed (apt-get install gettext)")
    for catalogue in sorted((BASE_DIR / "locale").glob("*/LC_MESSAGES/django.po")):
        result = subprocess.run(
            [msgfmt, "--check", "-o", "/dev/null", str(catalogue)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
