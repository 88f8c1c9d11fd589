"""Topic and section pages: their own edition only, newest first, safe pagination,
and a number of queries that does not grow with what they list."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from stories.factories import AuthorFactory, ImageFactory, StoryPageFactory
from stories.models import STORIES_PER_PAGE, StoryTopic
from tests.support import require_postgresql

pytestmark = pytest.mark.django_db


def headlines(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in soup.select(".story-card__headline a")]


def test_topic_page_lists_only_its_own_locale_newest_first(client, tree):
    topic = tree.topics[0]
    older = StoryPageFactory(parent=tree.section, title="Older", topics=[topic])
    newer = StoryPageFactory(parent=tree.section, title="Newer", topics=[topic], focus=topic)
    StoryPageFactory(parent=tree.section, title="Other topic", topics=[tree.topics[1]])
    StoryPageFactory(parent=tree.fr.section, title="French story", topics=[tree.fr.topic])
    # A mis-tagged story in another locale pointing at the English topic stays off it.
    StoryPageFactory(parent=tree.ru.section, title="Russian story", slug="ru-story", topics=[topic])
    assert newer.published_at > older.published_at

    response = client.get(topic.url)
    assert headlines(response) == ["Newer", "Older"]
    assert "Focus: Drones" in response.content.decode()
    assert headlines(client.get(tree.fr.topic.url)) == ["French story"]


def test_card_label_follows_the_published_focus_topic_and_outlives_it(client, tree):
    drones, energy = tree.topics
    story = StoryPageFactory(
        parent=tree.section, title="Ferry", topics=[drones, energy], focus=drones
    )

    def label():
        soup = BeautifulSoup(client.get(tree.section.url).content, "html.parser")
        return [a.get_text() for a in soup.select(".story-card .focus-label")]

    assert label() == ["Focus: Drones"]
    story.story_topics = [
        StoryTopic(topic=drones, is_focus=False, sort_order=0),
        StoryTopic(topic=energy, is_focus=True, sort_order=1),
    ]
    story.save_revision().publish()
    assert label() == ["Focus: Energy"]

    # Deleting the topic unlabels the card; the story stays.
    energy.delete()
    assert headlines(client.get(tree.section.url)) == ["Ferry"]
    assert label() == []


def test_card_has_excerpt_video_marker_bylines_and_date(client, tree):
    topic = tree.topics[0]
    StoryPageFactory(
        parent=tree.section,
        title="With video",
        topics=[topic],
        lead_video_url="https://vimeo.com/123456789",
        authors=[AuthorFactory(name="Inès Marlow"), AuthorFactory(name="Ilya Sorin")],
    )
    soup = BeautifulSoup(client.get(topic.url).content, "html.parser")
    card = soup.select_one(".story-card")
    assert card.select_one(".video-marker").get_text() == "Watch video"
    details = card.select_one("details.story-card__excerpt")
    assert details.summary.get_text(" ", strip=True) == "Keep reading Show less"
    assert "The ferry stopped running in March." in details.get_text()
    assert card.select_one(".bylines").get_text() == "By Inès Marlow and Ilya Sorin"
    assert card.find("time")["datetime"]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("2", "page 2"),
        ("0", "last"),
        ("-1", "last"),
        ("999999999999999999999", "last"),
        ("abc", "page 1"),
        ("", "page 1"),
        ("1e3", "page 1"),
        ("inf", "page 1"),
        ("2.5", "page 1"),
        ("%00", "page 1"),
        ("\x00", "page 1"),
        ("x" * 10_000, "page 1"),
    ],
)
def test_bad_page_numbers_give_a_page_never_an_error(client, tree, page, expected):
    topic = tree.topics[0]
    for n in range(STORIES_PER_PAGE + 3):
        StoryPageFactory(parent=tree.section, title=f"Story {n:02d}", topics=[topic])
    newest_first = [f"Story {n:02d}" for n in reversed(range(STORIES_PER_PAGE + 3))]
    pages = {
        "page 1": newest_first[:STORIES_PER_PAGE],
        "page 2": newest_first[STORIES_PER_PAGE:],
        "last": newest_first[STORIES_PER_PAGE:],
    }
    response = client.get(topic.url, {"page": page})
    assert response.status_code == 200
    assert headlines(response) == pages[expected]


def test_pagination_links_are_numbered(client, tree):
    for _ in range(STORIES_PER_PAGE + 1):
        StoryPageFactory(parent=tree.section, topics=[tree.topics[0]])
    soup = BeautifulSoup(client.get(tree.topics[0].url).content, "html.parser")
    links = [a["href"] for a in soup.select(".pagination a")]
    assert "?page=2" in links
    assert soup.select_one('.pagination [aria-current="page"]').get_text() == "1"


def count_queries(client, url):
    client.get(url)  # warm Wagtail's site-root cache, as every request after the first does
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_stories(tree, count, topic):
    authors = [AuthorFactory() for _ in range(3)]
    for _ in range(count):
        StoryPageFactory(
            parent=tree.section, topics=[topic, tree.topics[1]], focus=topic, authors=authors
        )


@pytest.mark.parametrize("listing", ["topic", "section", "home"])
def test_listing_queries_do_not_grow_with_stories(client, tree, no_cache, listing):
    topic = tree.topics[0]
    url = {"topic": topic.url, "section": tree.section.url, "home": tree.home.url}[listing]
    add_stories(tree, 3, topic)
    with_three = count_queries(client, url)
    add_stories(tree, 27, topic)
    with_thirty = count_queries(client, url)
    assert with_thirty == with_three


def test_story_page_queries_do_not_grow_with_bylines_and_topics(client, tree, no_cache):
    from stories.factories import TopicPageFactory

    topics = [TopicPageFactory(parent=tree.topic_index) for _ in range(30)]
    authors = [AuthorFactory(photo=ImageFactory()) for _ in range(30)]

    def story(n):
        return StoryPageFactory(
            parent=tree.section, topics=topics[:n], focus=topics[0], authors=authors[:n]
        )

    few, many = story(3), story(30)
    assert count_queries(client, few.url) == count_queries(client, many.url)


def test_long_archives_get_elided_page_links(rf):
    from stories.models import PaginatedListingMixin

    def links(items, number):
        return PaginatedListingMixin().paginate(rf.get(f"/?page={number}"), items).page_links

    # Counted two pages ahead of the one shown: the last page's number is not known.
    assert links(list(range(1000)), 20) == [1, "…", 18, 19, 20, 21, 22, "…"]
    assert links(list(range(1000)), 1) == [1, 2, 3, "…"]
    assert links(list(range(45)), 4) == [1, 2, 3, 4, 5]
    # The newest 100 pages are listed: the last of them ends the links.
    assert links(list(range(5000)), 99) == [1, "…", 97, 98, 99, 100]
    assert links(list(range(5000)), 1000) == [1, "…", 98, 99, 100]
    assert links(list(range(5000)), 0) == [1, "…", 98, 99, 100]


def test_listings_count_only_as_far_as_their_page_links_reach(client, tree, no_cache):
    """A busy section's page costs the same as a quiet one's: its stories are counted up to
    two pages past the one shown, not through the newest thousand."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    topic = tree.section
    StoryPageFactory.create_batch(35, parent=tree.section, topics=[tree.topics[0]])
    with CaptureQueriesContext(connection) as queries:
        soup = BeautifulSoup(client.get(topic.url).content, "html.parser")
    (count,) = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT COUNT")]
    assert "LIMIT 31" in count
    assert [li.get_text(strip=True) for li in soup.select(".pagination li")] == [
        "1",
        "2",
        "3",
        "…",
        "Older",
    ]
    assert soup.select_one(".pagination a[rel=next]")["href"] == "?page=2"
    last = BeautifulSoup(client.get(topic.url + "?page=4").content, "html.parser")
    assert len(last.select(".story-card")) == 5
    assert not last.select(".pagination a[rel=next]")


def test_postgresql_samples_every_topic_and_author(db):
    """Its planner tells a rare topic (or a new author) from a busy one only by the values
    it samples: with too few, the related stories of a story with a new topic walked the
    whole archive (migration stories/0010; docs/performance.md)."""
    require_postgresql(connection)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attrelid::regclass::text, attname, attstattarget FROM pg_attribute"
            " WHERE (attrelid, attname) IN"
            " (('stories_storytopic'::regclass, 'topic_id'),"
            " ('stories_storybyline'::regclass, 'author_id'))"
        )
        targets = sorted(cursor.fetchall())
    assert targets == [
        ("stories_storybyline", "author_id", 1000),
        ("stories_storytopic", "topic_id", 1000),
    ]


def test_a_cards_excerpt_shows_ampersands_and_angle_brackets_as_written(client, tree):
    topic = tree.topics[0]
    StoryPageFactory(
        parent=tree.section,
        title="Spending",
        topics=[topic],
        body=[("paragraph", RichText("<p>R&amp;D &lt;2%&gt; of output, “Q&amp;A” below.</p>"))],
    )
    response = client.get(topic.url)
    details = BeautifulSoup(response.content, "html.parser").select_one(".story-card__excerpt")
    assert "R&D <2%> of output, “Q&A” below." in details.get_text()
    assert "&amp;amp;" not in response.content.decode()


def test_a_card_never_loses_its_teaser(client, tree):
    topic = tree.topics[0]
    dek = (
        "Residents of the border villages say the shelling has not stopped for a week, and "
        "the regional governor has ordered schools closed; volunteers are driving the "
        "elderly to shelters in the town, where the mayor has opened two sports halls and a "
        "theatre, while officials in the capital insist that the situation is under control "
        "and that no evacuation is needed."
    )
    assert 320 < len(dek) < 360
    long = " ".join(["Every village along the river has its own account of the night."] * 9)
    StoryPageFactory(parent=tree.section, title="A", topics=[topic], summary=dek)
    StoryPageFactory(parent=tree.section, title="B", topics=[topic], summary="", standfirst="Why.")
    StoryPageFactory(parent=tree.section, title="C", topics=[topic], summary=long)
    soup = BeautifulSoup(client.get(topic.url).content, "html.parser")
    teasers = {
        card.select_one("h3, h2").get_text(strip=True): card.select_one(".story-card__summary")
        for card in soup.select(".story-card")
    }
    assert teasers["A"].get_text() == dek  # a long dek, whole
    assert teasers["B"].get_text() == "Why."  # no card summary: the standfirst
    shortened = teasers["C"].get_text()
    assert shortened.endswith("…") and len(shortened) <= 361
    assert long.startswith(shortened[:-1])  # cut at a word
    assert shortened[-2] != " " and long[len(shortened) - 1] == " "
