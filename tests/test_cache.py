"""The production cache backend: Django's Redis cache with one client per connection pool.
Needs a Redis server (TEST_REDIS_URL, default 127.0.0.1:6379): skipped without one, except
in CI, where a missing server fails."""

import os

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
