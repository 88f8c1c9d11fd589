"""A page missing from the cache is made once while readers wait for it, never served from
before the purge, and made again by the task worker after a change, before readers ask."""

import threading
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django_tasks.signals import task_enqueued

from pagecache import store, tasks
from pagecache.recording import Record
from stories.factories import StoryPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def state(response):
    assert response.status_code == 200, response
    return response.get("X-Page-Cache")


def url_of(page):
    return f"http://testserver{page.url}"


@pytest.fixture
def story(tree):
    return StoryPageFactory(parent=tree.section, title="The ferry runs again")


def later(seconds, action):
    timer = threading.Timer(seconds, action)
    timer.start()
    return timer


def test_a_reader_who_asks_while_the_page_is_made_gets_that_page(client, story):
    """Another request (here, a thread with a page of its own) holds the claim; the reader
    waits for what it stores, though a purge came after the copy already cached."""
    url = url_of(story)
    assert state(client.get(story.url)) == "miss"
    store.mark_purged([f"page:{story.pk}"])
    assert store.claim(url)

    def made_by_the_claimant():
        record = Record()
        record.tags = {f"page:{story.pk}"}
        store.store(url, HttpResponse("<p>made after the purge</p>"), record)
        store.release(url)

    timer = later(0.2, made_by_the_claimant)
    response = client.get(story.url)
    timer.join()
    assert state(response) == "waited"
    assert response.content == b"<p>made after the purge</p>"


def test_a_reader_makes_the_page_when_the_maker_kept_none(client, story):
    url = url_of(story)
    assert store.claim(url)
    timer = later(0.1, lambda: store.release(url))  # a 404, an error, a private page
    response = client.get(story.url)
    timer.join()
    assert state(response) == "miss"
    assert b"The ferry runs again" in response.content


def test_a_claim_never_released_costs_a_reader_the_wait_at_most(client, story, settings):
    settings.PAGE_CACHE_WAIT = 0.2
    assert store.claim(url_of(story))  # a process killed while it made the page
    assert state(client.get(story.url)) == "miss"


def test_a_page_made_by_a_reader_leaves_no_claim(client, story):
    client.get(story.url)
    client.get(f"{story.url}nothing-here/")  # a 404: not kept, not claimed either
    assert not cache.has_key(store.making_key(url_of(story)))
    assert not cache.has_key(store.making_key(f"{url_of(story)}nothing-here/"))


def test_a_publish_has_the_worker_make_its_pages_again(
    client, tree, story, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_REWARM = True  # tasks run at once here: the worker's part, in line
    pages = [story, tree.section, tree.home]
    urls = [page.get_full_url() for page in pages] + [tree.section.get_full_url() + "feed/rss/"]
    sitemap = tree.home.get_site().root_url + "/sitemap-en.xml"

    def read(url):  # as a reader of the site's own host
        parts = urlsplit(url)
        return client.get(parts.path, headers={"host": parts.netloc})

    for url in [*urls, sitemap]:
        read(url)
    with django_capture_on_commit_callbacks(execute=True):
        story.title = "The ferry runs again, twice a day"
        story.save_revision().publish()
    # Made since the purge: the first reader of each is answered from the cache, and sees
    # the change. The sitemap was purged and is left to the first crawler.
    responses = [read(url) for url in urls]
    assert [state(response) for response in responses] == ["hit"] * len(urls)
    assert state(read(sitemap)) == "miss"
    assert b"twice a day" in responses[0].content
    assert b"twice a day" in responses[1].content


def test_making_again_is_skipped_without_the_page_cache(
    tree, story, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_REWARM = True
    settings.PAGE_CACHE_ENABLED = False  # as in development: nothing would keep the pages
    enqueued = []

    def seen(sender, task_result, **kwargs):
        enqueued.append(task_result.task.func)

    task_enqueued.connect(seen)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            story.save_revision().publish()
    finally:
        task_enqueued.disconnect(seen)
    assert enqueued, "the publish's other work went through the queue"
    assert tasks.make_again.func not in enqueued


def test_addresses_of_hosts_this_server_does_not_serve_are_skipped(caplog):
    # A Site without a host name yet (a new install), or another server's.
    tasks.make_again.call(["http:///en/", "http://elsewhere.example/en/"])
    assert "Invalid HTTP_HOST" not in caplog.text
    assert not any(key.startswith(":1:pagecache:entry:") for key in cache._cache)
