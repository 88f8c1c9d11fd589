"""The cache backends: each key read once a request, and Django's Redis cache with one
client per connection pool. The Redis tests need a server (TEST_REDIS_URL, default
127.0.0.1:6379): skipped without one, except in CI, where a missing server fails."""

import os
from unittest import mock

import pytest
import redis

from config.cache import (
    LocMemCache,
    RedisCache,
    forget_reads_after_the_request,
    remember_reads_for_the_request,
)
from tests.support import counting_reads, missing

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


@pytest.fixture
def redis_server():
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.ConnectionError:
        missing(f"no Redis answers at {REDIS_URL}")


def test_the_redis_cache_works_and_reuses_its_client(redis_server):
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": "meridian-test"})
    cache.clear()
    cache.set("story", {"title": "The ferry stops"}, 30)
    assert cache.get("story") == {"title": "The ferry stops"}
    cache.set_many({"a": 1, "b": 2}, 30)
    assert cache.get_many(["a", "b", "missing"]) == {"a": 1, "b": 2}
    assert cache.add("a", 3, 30) is False
    cache.delete("a")
    assert cache.get("a") is None
    client = cache._cache.get_client(write=True)
    assert cache._cache.get_client() is client  # one server: one pool, one client
    cache.clear()


@pytest.mark.django_db
def test_renditions_read_from_the_cache_are_not_written_back(redis_server, settings, media_on_disk):
    from django.core.cache import caches
    from wagtail.images import get_image_model

    from stories.factories import ImageFactory
    from stories.pictures import specs

    settings.CACHES = settings.CACHES | {
        "renditions": {
            "BACKEND": "config.cache.RenditionCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "meridian-test-renditions",
        }
    }
    renditions = caches["renditions"]
    renditions.clear()
    story = specs("story")
    made = ImageFactory().get_renditions(*story)  # made, and cached

    image = get_image_model().objects.get(pk=next(iter(made.values())).image_id)
    with (
        mock.patch.object(RedisCache, "set_many") as set_many,
        mock.patch.object(RedisCache, "set") as set_one,
    ):
        from_cache = image.get_renditions(*story)
        one = image.get_rendition(story[0])
    assert {spec: r.pk for spec, r in from_cache.items()} == {
        spec: r.pk for spec, r in made.items()
    }
    assert one.pk == made[story[0]].pk
    set_many.assert_not_called()
    set_one.assert_not_called()
    renditions.clear()


@pytest.fixture
def in_a_request():
    # What request_started and request_finished do, without the database they also close.
    remember_reads_for_the_request()
    yield
    forget_reads_after_the_request()


def test_a_request_reads_each_key_of_the_cache_once_until_it_writes(in_a_request):
    cache = LocMemCache("read-once", {})
    cache.set("menu", ["World"])
    with counting_reads() as reads:
        assert cache.get("menu") == ["World"]
        assert cache.get("menu") == ["World"]
        assert cache.get("absent", "none") == "none"
        assert cache.get("absent", "none") == "none"  # a miss is remembered too
        assert reads == ["menu", "absent"]
        cache.set("menu", ["World", "Culture"])  # the request's own write is seen
        assert cache.get("menu") == ["World", "Culture"]
        assert reads == ["menu", "absent", "menu"]
    forget_reads_after_the_request()  # outside a request, every read is the cache's
    with counting_reads() as reads:
        cache.get("menu")
        cache.get("menu")
        assert reads == ["menu", "menu"]


def test_read_ahead_reads_keys_of_any_version_in_one_round_trip(redis_server, in_a_request):
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": "meridian-test"})
    cache.clear()
    cache.set("settings", {"name": "The Meridian"}, 30)
    cache.set("root-paths", ["/home/"], 30, version=2)
    client = cache._cache
    with (
        mock.patch.object(client, "get_many", wraps=client.get_many) as get_many,
        mock.patch.object(client, "get", wraps=client.get) as get,
    ):
        cache.read_ahead(["settings", ("root-paths", 2), "menu"])
        assert get_many.call_count == 1
        assert cache.get("settings") == {"name": "The Meridian"}
        assert cache.get("root-paths", version=2) == ["/home/"]
        assert cache.get("menu") is None  # read ahead, and missing
        get.assert_not_called()
    cache.clear()


def test_read_ahead_without_redis_leaves_the_reads_to_later(in_a_request, caplog):
    cache = RedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.2}})
    cache.read_ahead(["settings"])  # no error: the cache only saves work
    assert cache.get("settings", "made afresh") == "made afresh"
    assert "read_many skipped" in caplog.text


@pytest.mark.django_db
def test_a_story_page_makes_three_round_trips_to_redis(
    redis_server, settings, media_on_disk, client, tree, django_capture_on_commit_callbacks
):
    """The edition's frame read ahead in two, and every picture's renditions in one."""
    from django.core.cache import caches

    from config.cache import RedisCacheClient
    from stories.factories import AuthorFactory, ImageFactory, StoryPageFactory

    redis = {"LOCATION": REDIS_URL, "KEY_PREFIX": "meridian-test-page"}
    settings.CACHES = {
        "default": redis | {"BACKEND": "config.cache.RedisCache"},
        "renditions": redis | {"BACKEND": "config.cache.RenditionCache"},
    }
    caches["default"].clear()  # what earlier runs' sites left there
    with django_capture_on_commit_callbacks(execute=True):
        lead, inside, photo = (ImageFactory() for _ in range(3))
        author = AuthorFactory(photo=photo)
    story = StoryPageFactory(
        parent=tree.section,
        lead_image=lead,
        authors=[author],
        body=[("image", {"image": inside, "caption": "The pier", "credit": "Desk"})],
    )
    assert client.get(story.url).status_code == 200  # the cache filled
    trips = []

    def counted(read):
        def method(self, *args, **kwargs):
            trips.append(read.__name__)
            return read(self, *args, **kwargs)

        return method

    with (
        mock.patch.object(RedisCacheClient, "get", counted(RedisCacheClient.get)),
        mock.patch.object(RedisCacheClient, "get_many", counted(RedisCacheClient.get_many)),
    ):
        assert client.get(story.url).status_code == 200
    assert trips == ["get_many"] * 3
    caches["default"].clear()
