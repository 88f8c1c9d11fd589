"""sitemap.xml (an index of per-language and Google News sitemaps) and robots.txt."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from stories.factories import StoryPageFactory, TopicPageFactory

pytestmark = pytest.mark.django_db

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def locations(root):
    return [loc.text for loc in root.findall("s:url/s:loc", NS)]


@pytest.fixture
def stories(tree, translate_page):
    now = timezone.now()
    fresh = StoryPageFactory(parent=tree.section, title="Fresh news", published_at=now)
    translate_page(fresh, "fr")
    old = StoryPageFactory(
        parent=tree.section, title="Old news", published_at=now - datetime.timedelta(days=3)
    )
    draft = StoryPageFactory(parent=tree.section, title="Draft", live=False)
    private = StoryPageFactory(parent=tree.section, title="Private", published_at=now)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return fresh, old, draft, private


def test_index_lists_a_sitemap_per_language_and_news_per_edition(client, stories):
    index = xml(client, "/sitemap.xml")
    sections = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    assert sections == [
        f"http://testserver/sitemap-{name}.xml" for name in ("en", "fr", "ru", "news-en", "news-fr")
    ]


def test_language_sitemap_has_live_public_pages_with_alternates(client, tree, stories):
    fresh, old, draft, private = stories
    root = xml(client, "/sitemap-en.xml")
    urls = locations(root)
    assert "http://testserver" + fresh.url in urls
    assert "http://testserver" + old.url in urls
    assert "http://testserver" + draft.get_url_parts()[2] not in urls
    assert not [url for url in urls if url.endswith("/private/")]
    assert all("/fr/" not in url for url in urls)

    (entry,) = [
        url for url in root.findall("s:url", NS) if url.find("s:loc", NS).text.endswith(fresh.url)
    ]
    alternates = {
        link.get("hreflang"): link.get("href") for link in entry.findall("xhtml:link", NS)
    }
    french = fresh.get_translation(tree.fr.home.locale)
    assert alternates == {
        "en": "http://testserver" + fresh.url,
        "fr": "http://testserver" + french.url,
        "x-default": "http://testserver" + fresh.url,
    }
    # A page with no translation has no alternates to list.
    (lonely,) = [
        url for url in root.findall("s:url", NS) if url.find("s:loc", NS).text.endswith(old.url)
    ]
    assert lonely.findall("xhtml:link", NS) == []


def test_news_sitemap_has_the_last_two_days(client, stories):
    fresh, old, _draft, _private = stories
    root = xml(client, "/sitemap-news-en.xml")
    assert locations(root) == ["http://testserver" + fresh.url]
    news = root.find("s:url/news:news", NS)
    assert news.find("news:publication/news:name", NS).text == "The Meridian Review"
    assert news.find("news:publication/news:language", NS).text == "en"
    assert news.find("news:title", NS).text == "Fresh news"
    assert news.find("news:publication_date", NS).text.startswith(
        fresh.published_at.date().isoformat()
    )
    french = xml(client, "/sitemap-news-fr.xml")
    assert french.find("s:url/news:news/news:title", NS).text == "[fr] Fresh news"


def test_unknown_sitemap_is_a_404(client, stories):
    assert client.get("/sitemap-de.xml").status_code == 404
    assert client.get("/sitemap-news-ru.xml").status_code == 404
    assert client.post("/sitemap.xml").status_code == 405


def test_robots_txt_points_to_the_sitemap(client, tree):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_a_page_made_live_without_publishing_still_has_a_lastmod(client, tree):
    # Scripts and imports can make a page live with a revision but no publish date.
    story = TopicPageFactory(parent=tree.topic_index, title="Scripted")
    revision = story.save_revision()
    type(story).objects.filter(pk=story.pk).update(last_published_at=None)
    entries = {
        url.find("s:loc", NS).text: url.find("s:lastmod", NS)
        for url in xml(client, "/sitemap-en.xml").findall("s:url", NS)
    }
    lastmod = entries["http://testserver" + story.url]
    assert lastmod is not None
    assert lastmod.text == revision.created_at.date().isoformat()
    index = xml(client, "/sitemap.xml")
    assert index.find("s:sitemap/s:lastmod", NS).text.startswith(
        revision.created_at.date().isoformat()
    )


def test_a_storys_lastmod_is_its_publication_or_last_update_not_its_save(client, tree):
    # Entered today, dated 2023: an archive story has not changed today.
    archive = StoryPageFactory(
        parent=tree.section,
        title="Archive",
        published_at=datetime.datetime(2023, 5, 2, 9, 0, tzinfo=datetime.UTC),
    )
    archive.save_revision().publish()
    updated = StoryPageFactory(
        parent=tree.section,
        title="Updated",
        published_at=datetime.datetime(2023, 5, 2, 9, 0, tzinfo=datetime.UTC),
        body=[
            (
                "update_note",
                {
                    "updated_at": datetime.datetime(2026, 11, 3, 8, 0, tzinfo=datetime.UTC),
                    "text": "Adds the court's ruling.",
                },
            )
        ],
    )
    updated.save_revision().publish()
    entries = {
        url.find("s:loc", NS).text: url.find("s:lastmod", NS)
        for url in xml(client, "/sitemap-en.xml").findall("s:url", NS)
    }
    assert entries["http://testserver" + archive.url].text.startswith("2023-05-02")
    assert entries["http://testserver" + updated.url].text.startswith("2026-11-03")
