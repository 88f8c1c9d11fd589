"""Briefings as the desk writes them: topics, bylines, a video, a greeting with its footnote
at the end, and a place among the stories on topic pages, feeds and the news sitemap."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from seo.tests.test_metadata import json_ld
from stories.factories import AuthorFactory, BriefingPageFactory, StoryPageFactory
from stories.models import BriefingPage
from tests.support import soup_of

pytestmark = pytest.mark.django_db

NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


@pytest.fixture
def desk(tree):
    """Two stories on Drones, and between them a briefing that covered the topic."""
    now = timezone.now()
    older = StoryPageFactory(
        parent=tree.section,
        title="Older story",
        topics=[tree.topics[0]],
        published_at=now - datetime.timedelta(hours=5),
    )
    editors = [AuthorFactory(name=name) for name in ("Aino Lepp", "Bruno Sà", "Chiara Vell")]
    briefing = BriefingPageFactory(
        parent=tree.briefing_index,
        title="Drones over the border towns",
        topics=[tree.topics[0]],
        authors=editors,
        lead_video_url="https://vimeo.com/123456789",
        published_at=now - datetime.timedelta(hours=3),
        body=[
            (
                "greeting",
                {
                    "emoji": "👋",
                    "word": "Servus",
                    "language": "Bavarian",
                    "footnote": "Bavarian, Germany and Austria",
                },
            ),
            ("news_item", {"headline": "Night of drones", "text": RichText("<p>Sirens.</p>")}),
            ("paragraph", RichText("<p>That is all for today.</p>")),
        ],
    )
    newer = StoryPageFactory(
        parent=tree.section,
        title="Newer story",
        topics=[tree.topics[0]],
        published_at=now - datetime.timedelta(hours=1),
    )
    return older, briefing, newer, editors


def test_a_topic_page_lists_its_stories_and_briefings_newest_first(client, tree, desk):
    soup = soup_of(client, tree.topics[0].url)
    cards = soup.select(".story-card")
    assert [c.select_one(".story-card__headline").get_text() for c in cards] == [
        "Newer story",
        "Drones over the border towns",
        "Older story",
    ]
    briefing_card = cards[1]
    assert briefing_card.select_one(".story-card__labels").get_text(strip=True) == "In The News"
    assert briefing_card.select_one(".story-card__summary").get_text() == "Night of drones"
    assert briefing_card.select_one(".video-marker")
    assert [a.get_text() for a in briefing_card.select(".byline")] == [
        "Aino Lepp",
        "Bruno Sà",
        "Chiara Vell",
    ]
    # The other topic lists neither.
    assert not soup_of(client, tree.topics[1].url).select(".story-card")


def test_a_briefing_shows_its_bylines_video_and_footnote_at_its_end(client, desk):
    _older, briefing, _newer, _editors = desk
    soup = soup_of(client, briefing.url)
    article = soup.select_one("article.briefing")
    assert "By Aino Lepp, Bruno Sà and Chiara Vell" in article.get_text()
    greeting = article.select_one(".greeting")
    assert greeting.get_text() == "👋 Servus*"
    assert greeting.select_one("[aria-hidden=true]").get_text() == "👋"
    assert soup.select_one(".video__facade")["href"] == "https://vimeo.com/123456789"
    # The footnote after the news, not under the greeting; no sentence around it.
    paragraphs = article.find_all("p")
    footnote = article.select_one("#greeting-footnote")
    assert paragraphs.index(footnote) > paragraphs.index(article.select_one(".block-news-item p"))
    assert footnote.get_text(" ", strip=True) == "* Bavarian, Germany and Austria"
    assert "greeting is in" not in article.get_text()
    assert [a.get_text() for a in article.select(".topic-tags a")] == ["Drones"]


def test_an_unsigned_briefing_is_signed_by_the_magazine(client, tree):
    briefing = BriefingPageFactory(parent=tree.briefing_index)
    soup = soup_of(client, briefing.url)
    assert "By The Meridian Review" in soup.select_one(".story__meta").get_text(" ", strip=True)


def test_a_briefings_footnote_is_shown_as_text(client, tree):
    greeting = {"word": "Hej", "language": "Swedish", "footnote": "<b>Sweden</b> & Finland"}
    briefing = BriefingPageFactory(parent=tree.briefing_index, body=[("greeting", greeting)])
    html = client.get(briefing.url).content.decode()
    assert "&lt;b&gt;Sweden&lt;/b&gt; &amp; Finland" in html


def test_topic_feeds_carry_briefings_with_their_authors(client, tree, desk):
    feed = feedparser.parse(client.get(f"{tree.topics[0].url}feed/atom/").content)
    assert not feed.bozo, feed.bozo_exception
    entry = feed.entries[1]
    assert entry.title == "Drones over the border towns"
    assert [author.name for author in entry.authors] == ["Aino Lepp", "Bruno Sà", "Chiara Vell"]
    rss = feedparser.parse(client.get(f"{tree.briefing_index.url}feed/rss/").content)
    assert [e.title for e in rss.entries] == ["Drones over the border towns"]


def test_structured_data_names_a_briefings_editors(client, desk):
    _older, briefing, _newer, _editors = desk
    article = json_ld(soup_of(client, briefing.url))["NewsArticle"]
    assert [a["name"] for a in article["author"]] == ["Aino Lepp", "Bruno Sà", "Chiara Vell"]
    assert all(a["@type"] == "Person" for a in article["author"])


def test_the_news_sitemap_lists_recent_briefings(client, desk):
    _older, briefing, _newer, _editors = desk
    root = ET.fromstring(client.get("/sitemap-news-en.xml").content)
    titles = [url.find(f"{NEWS}news/{NEWS}title").text for url in root]
    assert titles == ["Newer story", "Drones over the border towns", "Older story"]


def test_publishing_a_briefing_dates_it_once(tree):
    briefing = BriefingPageFactory(parent=tree.briefing_index)
    first = BriefingPage.objects.get(pk=briefing.pk).published_at
    assert first is not None
    briefing.save_revision().publish()
    assert BriefingPage.objects.get(pk=briefing.pk).published_at == first
