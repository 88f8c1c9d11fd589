"""Readers' search with OpenSearch (search.opensearch), against a cluster in memory
(fake_opensearch): what each language's index is made of, the requests a search sends,
documents following the entries as stories are published, unpublished and deleted,
`index_stories` building fresh indexes behind an alias, and the database answering when
OpenSearch does not."""

import logging

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.rich_text import RichText

from search import opensearch
from search.models import StoryEntry
from search.query import WINDOW, find
from search.tests.fake_opensearch import FakeOpenSearch
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cluster(settings, monkeypatch):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch3",
            "URLS": ["http://127.0.0.1:9"],  # never asked: the fake stands in for its client
            "INDEX_PREFIX": "meridian_",
            "AUTO_UPDATE": False,  # Wagtail's own index is not what is tested here
        }
    }
    fake = FakeOpenSearch()
    monkeypatch.setattr(opensearch.backend(), "es", fake)
    return fake


@pytest.fixture
def published(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the sync task) as the request's end would."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def filters(code):
    return opensearch.analysis(code)["analyzer"]["words"]["filter"]


def test_each_language_is_analysed_with_its_own_stemmer_and_accents_folded():
    assert filters("fr") == ["articles", "lowercase", "stop_words", "asciifolding", "stemmer"]
    french = opensearch.analysis("fr")["filter"]
    assert french["stemmer"] == {"type": "snowball", "language": "French"}
    assert french["stop_words"]["stopwords"] == "_french_"
    assert "l" in french["articles"]["articles"]
    assert filters("en") == ["possessive", "lowercase", "stop_words", "asciifolding", "stemmer"]
    assert opensearch.analysis("ru")["filter"]["stemmer"]["language"] == "Russian"
    assert opensearch.analysis("it")["filter"]["articles"]["articles"][:3] == ["c", "l", "all"]
    # No stemmer nor stop words without plugins: word for word, accents folded.
    assert filters("pl") == filters("uk") == ["lowercase", "asciifolding"]
    for code in ("de", "pt", "es", "ar"):
        assert "stemmer" in filters(code), code
    assert opensearch.analysis("ru")["char_filter"]["yo"]["mappings"] == ["ё => е", "Ё => Е"]


def test_a_search_asks_the_editions_language_index_for_every_word(cluster, tree, published):
    story = published(StoryPageFactory, parent=tree.section, title="The salt road reopens")
    opensearch.rebuild()
    assert find(story.locale_id, "en", "salt roads") == [story.pk]
    index, body = cluster.searches[-1]
    assert index == "meridian_stories_en"
    query = body["query"]["script_score"]
    assert query["script"]["params"]["days"] == 30
    match = query["query"]["bool"]["must"]["multi_match"]
    assert match == {
        "query": "salt roads",
        "type": "cross_fields",
        "fields": ["title^10", "standfirst^4", "body^2", "other"],
        "operator": "and",
    }
    assert query["query"]["bool"]["filter"] == {"term": {"locale": story.locale_id}}
    assert body["size"] == WINDOW + 1 and body["_source"] is False

    assert find(story.locale_id, "en", "salt", newest=True) == [story.pk]
    index, body = cluster.searches[-1]
    assert body["sort"][0] == {"published_at": {"order": "desc", "missing": "_last"}}
    assert "script_score" not in body["query"]


def test_the_headline_ranks_first_and_newest_first_lists_by_date(cluster, tree, published):
    now = timezone.now()
    about = published(
        StoryPageFactory,
        parent=tree.section,
        title="Lighthouses of the northern coast",
        published_at=now - timezone.timedelta(days=3),
    )
    mentions = [
        published(
            StoryPageFactory,
            parent=tree.section,
            title=f"Harbour notes {n}",
            body=[("paragraph", RichText("<p>The old lighthouse was painted again.</p>"))],
            published_at=now - timezone.timedelta(hours=n),
        )
        for n in range(1, 4)
    ]
    opensearch.rebuild()
    assert find(about.locale_id, "en", "lighthouse")[0] == about.pk
    assert find(about.locale_id, "en", "lighthouse", newest=True) == [
        *(story.pk for story in mentions),
        about.pk,
    ]


def test_documents_follow_publish_unpublish_and_delete(cluster, tree, published):
    opensearch.rebuild()
    story = published(StoryPageFactory, parent=tree.section, title="Night ferries")
    docs = cluster.docs("meridian_stories_en")
    assert docs[str(story.pk)]["title"] == "Night ferries"
    assert docs[str(story.pk)]["locale"] == story.locale_id

    story.title = "Night ferries return"
    published(story.save_revision().publish)
    assert cluster.docs("meridian_stories_en")[str(story.pk)]["title"] == "Night ferries return"

    story.title = "A draft headline"
    published(story.save_revision)  # a draft: readers still search the live headline
    assert cluster.docs("meridian_stories_en")[str(story.pk)]["title"] == "Night ferries return"

    story.refresh_from_db()
    published(story.unpublish)
    assert str(story.pk) not in cluster.docs("meridian_stories_en")

    other = published(StoryPageFactory, parent=tree.section, title="Day ferries")
    published(other.delete)
    assert str(other.pk) not in cluster.docs("meridian_stories_en")


def test_a_write_before_the_index_is_built_makes_no_index(cluster, tree, published, caplog):
    with caplog.at_level(logging.ERROR, logger="search.opensearch"):
        published(StoryPageFactory, parent=tree.section, title="Early edition")
    # An `index` to a name that is no alias would make a concrete index of that name,
    # mapped by guesswork, and block the alias: require_alias refuses it.
    assert cluster.indexes == {} and cluster.aliases == {}
    assert not caplog.records


def test_index_stories_builds_fresh_indexes_and_moves_each_alias(cluster, tree, published):
    story = published(StoryPageFactory, parent=tree.section, title="Tide tables")
    call_command("index_stories", verbosity=0)
    first = cluster.aliases["meridian_stories_en"]
    assert set(cluster.aliases) == {f"meridian_stories_{code}" for code in languages()}
    created = cluster.indexes[first]["body"]
    assert created["mappings"]["dynamic"] == "strict"
    assert created["settings"]["analysis"] == opensearch.analysis("en")
    assert created["settings"]["refresh_interval"] is None  # back to the default once filled
    assert set(cluster.docs("meridian_stories_en")) == {
        str(pk) for pk in StoryEntry.objects.filter(language="en").values_list("page_id", flat=True)
    }
    assert str(story.pk) in cluster.docs("meridian_stories_en")

    cluster.indexes[first]["docs"]["999999"] = {"page": 999999}  # a document left behind
    call_command("index_stories", verbosity=0)
    second = cluster.aliases["meridian_stories_en"]
    assert second != first and first not in cluster.indexes  # the old index is dropped
    assert "999999" not in cluster.docs("meridian_stories_en")
    assert len(cluster.indexes) == len(languages())


def test_what_is_published_while_the_index_is_built_is_not_lost(
    cluster, tree, published, monkeypatch
):
    opensearch.rebuild()
    gone = published(StoryPageFactory, parent=tree.section, title="Gone by morning")
    stories = []
    bulk = cluster.bulk

    def publish_meanwhile(body, **kwargs):
        # The first batch of the new English index is written; a story is published and
        # another unpublished, and their sync reaches the old index, still the alias's.
        if not stories and kwargs == {} and "meridian_stories_en_" in str(body[0]):
            stories.append(
                published(StoryPageFactory, parent=tree.section, title="Published meanwhile")
            )
            gone.refresh_from_db()
            published(gone.unpublish)
        return bulk(body, **kwargs)

    monkeypatch.setattr(cluster, "bulk", publish_meanwhile)
    opensearch.rebuild()
    docs = cluster.docs("meridian_stories_en")
    assert str(stories[0].pk) in docs
    assert str(gone.pk) not in docs


def test_a_sync_opensearch_does_not_take_is_tried_again_later(cluster, tree, settings):
    from django_tasks import default_task_backend

    opensearch.rebuild()
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    story = StoryPageFactory(parent=tree.section, title="Snow on the pass")
    cluster.down = True
    opensearch.sync.call([story.pk])
    (retry,) = [r for r in default_task_backend.results if r.task.func is opensearch.sync.func]
    assert retry.args == [[story.pk], 1]
    assert retry.task.run_after > timezone.now() + timezone.timedelta(seconds=50)
    cluster.down = False
    opensearch.sync.call(*retry.args)
    assert str(story.pk) in cluster.docs("meridian_stories_en")
    cluster.down = True  # the last attempt fails for the worker to report
    with pytest.raises(opensearch.OpenSearchException):
        opensearch.sync.call([story.pk], len(opensearch.RETRY_MINUTES))


def test_a_build_that_fails_leaves_readers_on_the_index_they_had(cluster, tree, published):
    published(StoryPageFactory, parent=tree.section, title="Tram lines")
    opensearch.rebuild()
    before = dict(cluster.aliases)
    cluster.down = True
    with pytest.raises(opensearch.OpenSearchException):
        call_command("index_stories", verbosity=0)
    assert cluster.aliases == before
    assert set(cluster.indexes) == set(before.values())  # the half-built one is gone


def test_the_database_answers_when_opensearch_does_not(cluster, tree, published, caplog):
    story = published(StoryPageFactory, parent=tree.section, title="Mountain passes close")
    # Not built yet: the database's entries answer.
    with caplog.at_level(logging.WARNING, logger="search.opensearch"):
        assert find(story.locale_id, "en", "passes") == [story.pk]
    assert "index_not_found_exception" in caplog.text
    opensearch.rebuild()
    cluster.down = True
    assert find(story.locale_id, "en", "passes") == [story.pk]
    assert find(story.locale_id, "en", "passes", newest=True) == [story.pk]


def test_a_reader_searching_while_opensearch_is_down_gets_the_page(client, cluster, tree):
    StoryPageFactory(parent=tree.section, title="Ice on the river")
    cluster.down = True
    response = client.get("/en/search/", {"q": "river"})
    assert response.status_code == 200
    assert "Ice on the river" in response.text


def test_a_view_restricted_story_is_not_found_through_opensearch(cluster, tree, published):
    from wagtail.models import PageViewRestriction

    story = published(StoryPageFactory, parent=tree.section, title="Members' briefing")
    opensearch.rebuild()
    assert find(story.locale_id, "en", "briefing") == [story.pk]
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert find(story.locale_id, "en", "briefing") == []


def languages():
    from search import setup

    return setup.languages()
