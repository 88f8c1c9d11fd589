"""RSS and Atom feeds per edition, topic and section, read back with feedparser."""

import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree

from config.cache import database_caches
from stories.factories import (
    AuthorFactory,
    ImageFactory,
    PartnerOutletFactory,
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(tree, translate_page):
    author = AuthorFactory(name="Inès Marlow")
    translate_page(author, "fr")
    drones = StoryPageFactory(
        parent=tree.section,
        title="Who pays when a drone hits your roof?",
        summary="Insurers near the front rewrite their policies.",
        topics=[tree.topics[0]],
        focus=tree.topics[0],
        authors=[author],
        lead_image=ImageFactory(),
    )
    energy = StoryPageFactory(
        parent=tree.section, title="The grid at its limit", topics=[tree.topics[1]]
    )
    translate_page(drones, "fr")
    return drones, energy


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


ATOM = "{http://www.w3.org/2005/Atom}"


def test_atom_names_every_author_and_never_leaves_an_entry_without_one(client, tree):
    """RFC 4287 4.1.2: a feed or each of its entries has an author; a person is one author."""
    partner = PartnerOutletFactory(name="Plain Facts")
    section = tree.section
    StoryPageFactory(parent=section, title="Ours", topics=tree.topics[:1])
    StoryPageFactory(parent=section, title="Theirs", partner=partner, topics=tree.topics[:1])
    StoryPageFactory(
        parent=section,
        title="Two of us",
        topics=tree.topics[:1],
        authors=[AuthorFactory(name="Inès Marlow"), AuthorFactory(name="Tomás Aranha")],
    )
    response = client.get(f"{tree.home.url}feed/atom/")
    feed = etree.fromstring(response.content)
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "The Meridian Review"
    authors = {
        entry.findtext(f"{ATOM}title"): [
            (author.findtext(f"{ATOM}name"), author.findtext(f"{ATOM}uri"))
            for author in entry.findall(f"{ATOM}author")
        ]
        for entry in feed.findall(f"{ATOM}entry")
    }
    assert authors == {
        "Two of us": [
            ("Inès Marlow", "http://testserver/en/authors/ines-marlow/"),
            ("Tomás Aranha", "http://testserver/en/authors/tomas-aranha/"),
        ],
        "Theirs": [("Plain Facts", "http://testserver" + partner.url)],
        "Ours": [("The Meridian Review", "http://testserver/en/")],
    }
    rss = feedparser.parse(client.get(f"{tree.home.url}feed/rss/").content)
    assert [entry.author for entry in rss.entries] == [
        "Inès Marlow, Tomás Aranha",
        "Plain Facts",
        "The Meridian Review",
    ]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_edition_feed_has_full_metadata(client, tree, stories, kind):
    drones, energy = stories
    response, feed = parse(client, f"{tree.home.url}feed/{kind}/")
    assert response["Content-Type"].startswith(
        "application/rss+xml" if kind == "rss" else "application/atom+xml"
    )
    assert feed.feed.title == "The Meridian Review"
    assert feed.feed.language == "en"
    assert [entry.title for entry in feed.entries] == [energy.title, drones.title]
    entry = feed.entries[1]
    assert entry.link == "http://testserver" + drones.url
    assert entry.summary == "Insurers near the front rewrite their policies."
    assert entry.author == "Inès Marlow"
    assert entry.published_parsed[:3] == drones.display_date.utctimetuple()[:3]
    assert [tag.term for tag in entry.tags] == ["Drones"]
    (enclosure,) = [link for link in entry.links if link.rel == "enclosure"]
    assert enclosure.type.startswith("image/")
    assert enclosure.href.startswith("http://testserver/")  # served from this request's host
    assert int(enclosure.length) > 0
    assert not [link for link in feed.entries[0].links if link.rel == "enclosure"]


def test_topic_and_section_feeds_list_their_own_stories(client, tree, stories):
    drones, energy = stories
    _, topic = parse(client, f"{tree.topics[0].url}feed/rss/")
    assert [entry.title for entry in topic.entries] == [drones.title]
    assert topic.feed.title == "Drones · The Meridian Review"
    _, section = parse(client, f"{tree.section.url}feed/atom/")
    assert {entry.title for entry in section.entries} == {drones.title, energy.title}


def test_french_feed_is_french(client, tree, stories):
    drones, _ = stories
    _, feed = parse(client, f"{tree.fr.home.url}feed/rss/")
    assert feed.feed.language == "fr"
    assert [entry.title for entry in feed.entries] == [f"[fr] {drones.title}"]
    assert "/fr/" in feed.entries[0].link


def test_pages_with_feeds_announce_them(client, tree, stories):
    soup = BeautifulSoup(client.get(tree.topics[0].url).content, "html.parser")
    links = {link["type"]: link["href"] for link in soup.select("link[rel=alternate][type]")}
    assert links == {
        "application/rss+xml": f"{tree.topics[0].url}feed/rss/",
        "application/atom+xml": f"{tree.topics[0].url}feed/atom/",
    }


def test_feed_queries_do_not_grow_with_stories(
    client, tree, stories, no_cache, django_assert_max_num_queries
):
    url = f"{tree.home.url}feed/rss/"
    client.get(url)  # renditions are made on the first request
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    few = len(captured)  # now: Django's query log is a bounded deque, later slices shift
    for _ in range(5):
        StoryPageFactory(parent=tree.section, lead_image=ImageFactory(), authors=[AuthorFactory()])
    client.get(url)
    with django_assert_max_num_queries(few):
        _, feed = parse(client, url)
    assert len(feed.entries) == 7


# A feed reader polls every few minutes. On PostgreSQL and Redis a feed costs 4 queries;
# without REDIS_URL the cache is a database table, and what it reads must not be written back.
FEED_QUERY_BUDGET = 7


def test_a_polled_feed_keeps_its_query_budget_on_the_database_cache(client, tree, settings):
    settings.CACHES = database_caches("meridian_cache")  # production's, without REDIS_URL
    call_command("createcachetable", verbosity=0)
    for _ in range(6):
        StoryPageFactory(parent=tree.section, lead_image=ImageFactory(), authors=[AuthorFactory()])
    url = f"{tree.home.url}feed/rss/"
    client.get(url)  # renditions are made, and cached, on the first request
    with CaptureQueriesContext(connection) as captured:
        _, feed = parse(client, url)
    assert len(feed.entries) == 6
    writes = [q["sql"] for q in captured if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []
    assert len(captured) <= FEED_QUERY_BUDGET, [q["sql"][:80] for q in captured]


def test_times_are_in_the_editions_zone_on_pages_and_in_feeds(client, tree):
    # 23:30 UTC on 5 December is 00:30 on the 6th in Paris, and still the 5th in London.
    published = datetime.datetime(2026, 12, 5, 23, 30, tzinfo=datetime.UTC)
    french = StoryPageFactory(
        parent=tree.fr.section, title="Le bac de nuit", published_at=published
    )
    english = StoryPageFactory(parent=tree.section, title="Night ferry", published_at=published)
    page = BeautifulSoup(client.get(french.url).content, "html.parser")
    assert page.select_one("main time").get_text() == "6 décembre 2026 00:30 CET"
    page = BeautifulSoup(client.get(english.url).content, "html.parser")
    assert page.select_one("main time").get_text() == "Dec. 5, 2026, 11:30 p.m. GMT"
    rss = client.get(f"{tree.fr.home.url}feed/rss/").content.decode()
    assert "<pubDate>Sun, 06 Dec 2026 00:30:00 +0100</pubDate>" in rss
    atom = client.get(f"{tree.home.url}feed/atom/").content.decode()
    assert "2026-12-05T23:30:00+00:00" in atom
