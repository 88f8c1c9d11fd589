"""The production cache backend: Django's Redis cache with one client per connection pool.
Needs a Redis server (TEST_REDIS_URL, default 127.0.0.1:6379): skipped without one, except
in CI, where a missing server fails."""

import os
from unittest import mock

import pytest
import redis

from config.cache import RedisCache

from .conftest import missing

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

    from stories.pictures import specs

    from .factories import ImageFactory

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
