"""Every reader page has a query budget, and keeps to it whether it lists 3 things or 30.

Counted on a request after a first one, as every request after a deploy's first finds
Wagtail's site roots, renditions and the magazine's settings in the shared cache; with the
page cache off (as in tests), which would answer the second request with none.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from stories.factories import (
    AuthorFactory,
    BriefingPageFactory,
    ImageFactory,
    PartnerOutletFactory,
    StoryPageFactory,
    TopicPageFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]

# Queries for one anonymous request of each reader page, in English; a French page costs
# the same (its edition's home comes from the shared cache, as the last test checks).
BUDGETS = {
    "home": 7,  # two for "In focus": the newest stories' focus topics, then those topics
    "topic_index": 4,
    "topic": 9,  # the page's rows, then its stories and briefings, each with their bylines
    "section": 6,
    # 6, one for the images of its body's blocks, one for its partner credits, one for its
    # related stories' bylines (apart from its own: each is kept in a fragment of its own).
    "story": 9,
    "briefing_index": 5,
    "briefing": 5,  # and its bylines, and its topics
    "search": 5,  # the ranked matches in one, the cards' stories, the snippets' text
    "author": 5,
    "partner": 5,
    "home_rss": 4,
    "topic_atom": 10,  # the topic's, and one for the stories' partner credits
    "section_rss": 6,
    "sitemap_index": 12,  # two a language (size and date), whatever the language's size
    "sitemap": 5,
    "news_sitemap": 4,  # the edition's recent stories, then its recent briefings
}


class Archive:
    """A site that grows: each `grow(n)` adds n of everything pages list."""

    def __init__(self, tree):
        self.tree = tree
        self.topic = tree.topics[0]
        self.partner = PartnerOutletFactory(logo=ImageFactory())
        self.author = AuthorFactory(photo=ImageFactory())
        self.story = None
        self.briefing = None
        self.size = 0

    def grow(self, n):
        tree = self.tree
        for _ in range(n):
            self.size += 1
            TopicPageFactory(parent=tree.topic_index, title=f"Listed topic {self.size}")
            authors = [self.author, AuthorFactory(photo=ImageFactory())]
            story = StoryPageFactory(
                parent=tree.section,
                title=f"Ferry story {self.size}",
                topics=tree.topics,
                focus=self.topic,
                authors=authors,
                partner=self.partner,
                lead_image=ImageFactory(),
                original_headline="Паром",
                original_url="https://partner.example/ferry",
                original_language="ru",
                original_published_at="2026-11-01",
            )
            # Between stories, so that every page of a topic lists both kinds.
            self.briefing = BriefingPageFactory(
                parent=tree.briefing_index,
                topics=tree.topics,
                authors=authors,
                published_at=story.published_at + datetime.timedelta(seconds=30),
            )
        # The story page's lists: its bylines, topics and blocks, as many as the archive's size.
        if self.story is not None:
            self.story.delete()
        topics = [TopicPageFactory(parent=tree.topic_index) for _ in range(self.size)]
        self.story = StoryPageFactory(
            parent=tree.section,
            slug="the-story",
            title="The ferry that stopped",
            topics=[self.topic, *topics],
            focus=self.topic,
            authors=[AuthorFactory(photo=ImageFactory()) for _ in range(self.size)],
            lead_image=ImageFactory(),
            body=[
                block
                for n in range(self.size)
                for block in (
                    ("paragraph", RichText(f"<p>Paragraph {n} about the ferry.</p>")),
                    ("image", {"image": ImageFactory(), "caption": "The pier", "credit": "Desk"}),
                    ("pull_quote", {"quote": "We wait.", "attribution": "A ferryman"}),
                )
            ],
        )

    def url(self, name):
        tree = self.tree
        return {
            "home": tree.home.url,
            "topic_index": tree.topic_index.url,
            "topic": self.topic.url,
            "section": tree.section.url,
            "story": self.story.url,
            "briefing_index": tree.briefing_index.url,
            "briefing": self.briefing.url,
            "search": f"{tree.home.url}search/?q=ferry",
            "author": self.author.url,
            "partner": self.partner.url,
            "home_rss": f"{tree.home.url}feed/rss/",
            "topic_atom": f"{self.topic.url}feed/atom/",
            "section_rss": f"{tree.section.url}feed/rss/",
            "sitemap_index": "/sitemap.xml",
            "sitemap": "/sitemap-en.xml",
            "news_sitemap": "/sitemap-news-en.xml",
        }[name]


def queries(client, url):
    assert client.get(url).status_code == 200  # renditions are made, caches filled
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_every_reader_page_keeps_its_query_budget_from_3_to_30_items(client, tree):
    # One archive for every page: building thirty of everything is most of the test's time.
    archive = Archive(tree)
    archive.grow(3)
    with_3 = {name: queries(client, archive.url(name)) for name in BUDGETS}
    archive.grow(27)
    with_30 = {name: queries(client, archive.url(name)) for name in BUDGETS}
    assert with_30 == with_3, "these pages' queries grow with the items they list"
    over = {name: n for name, n in with_30.items() if n > BUDGETS[name]}
    assert not over, f"over budget: {over}"


def test_a_french_page_costs_no_more_queries_than_an_english_one(client, tree):
    # Each edition's home page, where routing starts, comes from the shared cache
    # (editions.routing): Wagtail would look up the site root's translation for French.
    english = queries(client, tree.topics[1].url)
    french = queries(client, tree.fr.topic2.url)
    assert french == english
