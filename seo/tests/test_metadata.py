"""Titles, descriptions, canonical URLs, OpenGraph and Twitter tags, and schema.org JSON-LD,
extracted from rendered pages and checked; and no inline script or style on reader pages."""

import datetime
import json

import feedparser
import pytest
from bs4 import BeautifulSoup
from wagtail.rich_text import RichText

from stories.factories import (
    AuthorFactory,
    BriefingPageFactory,
    ImageFactory,
    PartnerOutletFactory,
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db

# What each schema.org type we publish must carry, and how to check it.
REQUIRED = {
    "NewsArticle": ["headline", "datePublished", "author", "publisher", "inLanguage", "url"],
    "BreadcrumbList": ["itemListElement"],
    "CollectionPage": ["name", "url", "inLanguage", "hasPart"],
    "WebSite": ["name", "url", "inLanguage"],
    "Person": ["name", "url"],
    "NewsMediaOrganization": ["name", "url"],
}
ARTICLES = {"NewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle"}


def is_absolute(url):
    return isinstance(url, str) and url.startswith(("http://", "https://"))


def validate(item):
    assert item["@context"] == "https://schema.org"
    kind = "NewsArticle" if item["@type"] in ARTICLES else item["@type"]
    missing = [key for key in REQUIRED[kind] if not item.get(key)]
    assert not missing, f"{item['@type']} lacks {missing}"
    for key in ("url", "mainEntityOfPage"):
        if key in item:
            assert is_absolute(item[key]), item[key]
    if kind == "NewsArticle":
        datetime.datetime.fromisoformat(item["datePublished"])
        assert len(item["headline"]) <= 110
        assert all(
            a["@type"] in ("Person", "NewsMediaOrganization") and is_absolute(a["url"])
            for a in item["author"]
        )
        assert item["publisher"]["@type"] == "NewsMediaOrganization"
    if kind == "BreadcrumbList":
        positions = [element["position"] for element in item["itemListElement"]]
        assert positions == list(range(1, len(positions) + 1))
        assert all(is_absolute(element["item"]) for element in item["itemListElement"])


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def json_ld(soup):
    items = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
    for item in items:
        validate(item)
    return {item["@type"]: item for item in items}


def meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


@pytest.fixture
def story(tree):
    author = AuthorFactory(name="Marta Kovač")
    return StoryPageFactory(
        parent=tree.section,
        title="Vineyards that learned to drink less",
        summary="Three dry summers changed how the valley farms.",
        authors=[author],
        topics=[tree.topics[1]],
        lead_image=ImageFactory(description="Dry vines on a hillside"),
        analysis_kind="analysis",
        body=[("paragraph", RichText("<p>The wells are deeper every year.</p>"))],
    )


def test_story_page_metadata(client, story):
    soup = page(client, story.url)
    assert soup.title.get_text() == f"{story.title} · The Meridian Review"
    assert meta(soup, "description") == story.summary
    assert soup.select_one("link[rel=canonical]")["href"] == "http://testserver" + story.url
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:title") == story.title
    assert meta(soup, "og:locale") == "en_GB"
    image = meta(soup, "og:image")
    assert is_absolute(image) and "fill-1200x630" in image
    width, height = int(meta(soup, "og:image:width")), int(meta(soup, "og:image:height"))
    assert round(width / height, 1) == 1.9  # 1200x630, or smaller when the original is
    assert meta(soup, "og:image:alt") == "Dry vines on a hillside"
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "article:published_time")

    data = json_ld(soup)
    article = data["AnalysisNewsArticle"]
    assert article["headline"] == story.title
    assert article["author"] == [
        {
            "@type": "Person",
            "name": "Marta Kovač",
            "url": "http://testserver/en/authors/marta-kovac/",
        }
    ]
    assert article["inLanguage"] == "en"
    assert article["image"] == [image]
    assert "translationOfWork" not in article
    names = [element["name"] for element in data["BreadcrumbList"]["itemListElement"]]
    assert names == ["The Meridian Review", "World Affairs", story.title]


def test_a_story_nobody_signed_credits_its_outlet_not_every_author(client, tree, story):
    # `story` is signed: its byline row must not turn up in another story's authors.
    partner = PartnerOutletFactory(name="Plain Facts")
    unsigned = StoryPageFactory(parent=tree.section, partner=partner, topics=tree.topics[:1])
    article = json_ld(page(client, unsigned.url))["NewsArticle"]
    assert article["author"] == [
        {
            "@type": "NewsMediaOrganization",
            "name": "Plain Facts",
            "url": "http://testserver" + partner.url,
        }
    ]
    ours = StoryPageFactory(parent=tree.section, topics=tree.topics[:1])
    article = json_ld(page(client, ours.url))["NewsArticle"]
    assert article["author"] == [
        {
            "@type": "NewsMediaOrganization",
            "name": "The Meridian Review",
            "url": "http://testserver/en/",
        }
    ]


@pytest.mark.parametrize(
    ("label", "schema_type"),
    [("op_ed", "OpinionNewsArticle"), ("reportage", "ReportageNewsArticle"), (None, "NewsArticle")],
)
def test_article_type_follows_the_genre(client, tree, label, schema_type):
    story = StoryPageFactory(
        parent=tree.section, authors=[AuthorFactory()], analysis_kind=label or ""
    )
    assert schema_type in json_ld(page(client, story.url))


def test_translation_points_to_its_original(client, tree, locales, translate_page):
    partner = PartnerOutletFactory(name="Plain Facts", locale=locales["ru"])
    author = AuthorFactory(locale=locales["ru"])
    original = StoryPageFactory(
        parent=tree.ru.section,
        title="Город без парома",
        slug="gorod-bez-paroma",
        authors=[author],
        partner=partner,
        original_language="ru",
        original_url="https://plain-facts.example/gorod",
        original_headline="Город без парома",
    )
    translate_page(partner, "en")
    translate_page(author, "en")
    # Each edition credits its own translator, in the translation editor.
    english = translate_page(original, "en", edition_fields={"translator_credit": "Ilya Sorin"})
    article = json_ld(page(client, english.url))["NewsArticle"]
    work = article["translationOfWork"]
    assert work["url"] == "http://testserver" + original.url
    assert work["inLanguage"] == "ru"
    assert work["headline"] == "Город без парома"
    assert article["isBasedOn"] == work["url"]
    assert article["translator"]["name"] == english.translator_credit == "Ilya Sorin"

    original.unpublish()
    article = json_ld(page(client, english.url))["NewsArticle"]
    assert article["translationOfWork"]["url"] == "https://plain-facts.example/gorod"


def test_topic_page_is_a_collection_with_breadcrumbs(client, tree, story):
    soup = page(client, tree.topics[1].url)
    data = json_ld(soup)
    collection = data["CollectionPage"]
    assert collection["name"] == "Energy"
    assert [part["headline"] for part in collection["hasPart"]] == [story.title]
    names = [element["name"] for element in data["BreadcrumbList"]["itemListElement"]]
    assert names == ["The Meridian Review", "Topics", "Energy"]
    assert meta(soup, "og:type") == "website"


def test_paginated_listing_canonical_keeps_the_page_number(client, tree):
    for _ in range(12):
        StoryPageFactory(parent=tree.section)
    soup = page(client, tree.section.url + "?page=2&utm_source=x")
    assert soup.select_one("link[rel=canonical]")["href"] == (
        f"http://testserver{tree.section.url}?page=2"
    )
    soup = page(client, tree.section.url + "?page=junk")
    assert soup.select_one("link[rel=canonical]")["href"] == f"http://testserver{tree.section.url}"


def test_search_results_name_the_search_page_as_canonical(client, tree, story):
    soup = page(client, "/en/search/?q=vineyards&page=2")
    assert soup.select_one("link[rel=canonical]")["href"] == "http://testserver/en/search/"
    # Crawlable: no robots meta hides the search page or the stories it links to.
    assert meta(soup, "robots") is None


def test_briefing_is_described_by_its_headlines(client, tree):
    item = {"text": RichText("<p>Details.</p>"), "story": None}
    briefing = BriefingPageFactory(
        parent=tree.briefing_index,
        body=[
            ("paragraph", RichText("<p>Good morning.</p>")),
            ("news_item", {**item, "headline": "Ferries stop in Varensk"}),
            ("news_item", {**item, "headline": "Grid holds through the frost"}),
        ],
    )
    soup = page(client, briefing.url)
    assert meta(soup, "description") == "Ferries stop in Varensk · Grid holds through the frost"
    data = json_ld(soup)
    article = data["NewsArticle"]
    assert article["headline"] == briefing.title
    assert article["description"] == "Ferries stop in Varensk · Grid holds through the frost"
    assert article["author"] == [
        {
            "@type": "NewsMediaOrganization",
            "name": "The Meridian Review",
            "url": "http://testserver/en/",
        }
    ]
    names = [element["name"] for element in data["BreadcrumbList"]["itemListElement"]]
    assert names == ["The Meridian Review", "In the News", briefing.title]


def test_a_section_is_a_collection_of_its_stories(client, tree, story):
    data = json_ld(page(client, tree.section.url))
    collection = data["CollectionPage"]
    assert collection["name"] == "World Affairs"
    assert [part["headline"] for part in collection["hasPart"]] == [story.title]
    names = [element["name"] for element in data["BreadcrumbList"]["itemListElement"]]
    assert names == ["The Meridian Review", "World Affairs"]


def test_the_front_page_is_shared_under_the_magazines_name(client, tree):
    soup = page(client, tree.home.url)
    assert meta(soup, "og:title") == "The Meridian Review"
    assert json_ld(soup)["WebSite"]["name"] == "The Meridian Review"
    # Each feed link is titled as the feed titles itself, here and on a topic's page.
    for url in (tree.home.url, tree.topics[0].url):
        for link in page(client, url).select("link[rel=alternate][type$='+xml']"):
            feed = feedparser.parse(client.get(link["href"]).content)
            kind = "RSS" if "rss" in link["type"] else "Atom"
            assert link["title"] == f"{feed.feed.title} ({kind})", url


def test_author_and_partner_pages_describe_their_subject(client, tree, story):
    author = story.bylines.get().author
    data = json_ld(page(client, author.url))
    assert data["Person"]["name"] == "Marta Kovač"
    crumbs = data["BreadcrumbList"]["itemListElement"]
    assert [(c["name"], c["item"]) for c in crumbs] == [
        ("The Meridian Review", "http://testserver/en/"),
        ("Marta Kovač", "http://testserver" + author.url),
    ]
    partner = PartnerOutletFactory(name="North Wind", website="https://north-wind.example")
    data = json_ld(page(client, partner.url))
    assert data["NewsMediaOrganization"]["url"] == "https://north-wind.example"
    names = [c["name"] for c in data["BreadcrumbList"]["itemListElement"]]
    assert names == ["The Meridian Review", "North Wind"]


def test_json_ld_cannot_close_its_script_element(client, tree):
    story = StoryPageFactory(
        parent=tree.section,
        title="</script><script>alert(1)</script>",
        slug="hostile-headline",
        authors=[AuthorFactory()],
    )
    html = client.get(story.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(BeautifulSoup(html, "html.parser"))["NewsArticle"]["headline"].startswith(
        "</script>"
    )


def test_reader_pages_have_no_inline_script_or_style(client, tree, story, translate_page):
    briefing = BriefingPageFactory(parent=tree.briefing_index)
    author = story.bylines.get().author
    partner = PartnerOutletFactory()
    StoryPageFactory(parent=tree.section, partner=partner)
    urls = [
        tree.home.url,
        tree.topic_index.url,
        tree.topics[1].url,
        tree.section.url,
        story.url,
        tree.briefing_index.url,
        briefing.url,
        author.url,
        partner.url,
        "/en/search/?q=vineyards",
    ]
    for url in urls:
        soup = page(client, url)
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", url
        assert not soup.find_all("style"), url
        assert not soup.select("[style]"), url
        assert not [
            tag for tag in soup.find_all(True) if any(a.startswith("on") for a in tag.attrs)
        ], url
    not_found = BeautifulSoup(client.get("/en/no-such-page/").content, "html.parser")
    assert all(s.get("src") for s in not_found.find_all("script"))
    assert not not_found.select("[style]")


def test_an_archive_storys_modified_time_is_its_own_not_its_entry(client, tree):
    # Entered and published today, dated 2023: JSON-LD and the Atom feed say 2023.
    archive = StoryPageFactory(
        parent=tree.section,
        title="From the archive",
        topics=[tree.topics[0]],
        published_at=datetime.datetime(2023, 5, 2, 9, 0, tzinfo=datetime.UTC),
    )
    archive.save_revision().publish()
    article = json_ld(page(client, archive.url))["NewsArticle"]
    assert article["dateModified"].startswith("2023-05-02")
    feed = feedparser.parse(client.get(f"{tree.section.url}feed/atom/").content)
    (entry,) = [e for e in feed.entries if e.title == "From the archive"]
    assert entry.updated.startswith("2023-05-02")
