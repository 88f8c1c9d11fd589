"""A topic's page as the front door readers arrive at from search engines and shared links:
its picture, name, description, how many articles it has and how to follow it, then its
stories and briefings, the newest as the lead."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories import pagination
from stories.factories import BriefingPageFactory, ImageFactory, StoryPageFactory
from tests.support import soup_of

pytestmark = pytest.mark.django_db


def test_a_topics_header_shows_its_picture_count_and_ways_to_follow(client, tree):
    topic = tree.topics[0]
    topic.lead_image = ImageFactory(
        description="A drone over a wheat field at dusk", file__width=1000, file__height=375
    )
    topic.save_revision().publish()
    StoryPageFactory.create_batch(2, parent=tree.section, topics=[topic])
    BriefingPageFactory(parent=tree.briefing_index, topics=[topic])
    StoryPageFactory(parent=tree.section, topics=[tree.topics[1]])  # another topic's

    header = soup_of(client, topic.url).select_one("main header.listing-header")
    img = header.select_one(".listing-header__picture picture img")
    assert img["alt"] == "A drone over a wheat field at dusk"
    assert img["fetchpriority"] == "high" and ".fill-640x240." in img["src"] + img["srcset"]
    assert header.h1.get_text() == topic.title
    assert header.select_one(".page-description").get_text() == topic.description
    # Stories and briefings alike.
    assert header.select_one(".listing-header__count").get_text() == "3 articles"
    follow = {a.get_text(): a["href"] for a in header.select("a.follow-link")}
    assert follow == {
        "Follow by RSS": f"{topic.url}feed/rss/",
        "Get the daily briefing by e-mail": "/en/newsletter/",
    }
    # In French, in the French edition.
    french = soup_of(client, tree.fr.topic.url).select_one("header.listing-header")
    assert french.select_one(".listing-header__count").get_text() == "0 article"
    assert [a["href"] for a in french.select("a.follow-link")][1] == "/fr/newsletter/"


def test_a_topic_without_a_picture_and_a_section_have_plain_headers(client, tree):
    StoryPageFactory(parent=tree.section, topics=[tree.topics[0]])
    topic = soup_of(client, tree.topics[0].url).select_one("header.listing-header")
    assert topic.select_one(".listing-header__picture") is None
    assert topic.select_one(".listing-header__count").get_text() == "1 article"
    section = soup_of(client, tree.section.url).select_one("header.listing-header")
    assert section.select_one(".listing-header__count") is None
    assert section.select_one("a.follow-link")["href"] == f"{tree.section.url}feed/rss/"


def test_a_busy_topic_is_counted_up_to_its_listings_limit_in_one_query(
    client, tree, monkeypatch, no_cache
):
    monkeypatch.setattr(pagination, "LISTED_PAGES", 2)  # 20 stories listed at most
    topic = tree.topics[0]
    StoryPageFactory.create_batch(21, parent=tree.section, topics=[topic])
    with CaptureQueriesContext(connection) as queries:
        page = soup_of(client, topic.url)
    (count,) = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT COUNT")]
    assert "LIMIT 21" in count
    assert page.select_one(".listing-header__count").get_text() == "More than 20 articles"
