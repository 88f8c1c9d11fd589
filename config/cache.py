"""Django's Redis cache, minus a cost on every operation, and degrading when Redis is down.

Django's client builds a new redis.Redis object (and its table of ~200 response callbacks)
for every get and set, around a connection pool it keeps anyway: a cold story page, which
reads the cache a dozen times, spent a fifth of its time there. A Redis object is safe to
share between threads, so one per pool serves them all.

The cache only ever saves work: when Redis cannot be reached, reads miss and writes are
dropped (logged), so readers get pages made afresh rather than errors.
"""

import logging
from functools import wraps

from django.core.cache.backends import redis
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (ConnectionError, TimeoutError)


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client


def degrades_to(fallback):
    """What an operation returns while Redis is unreachable (`fallback(*args)`)."""

    def decorator(method):
        @wraps(method)
        def degrading(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except UNREACHABLE as error:
                logger.warning("Cache unreachable, %s skipped: %s", method.__name__, error)
                return fallback(*args, **kwargs)

        return degrading

    return decorator


def nothing(*args, **kwargs):
    return None


def default(key, default=None, *args, **kwargs):
    return default


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    get = degrades_to(default)(redis.RedisCache.get)
    get_many = degrades_to(lambda *args, **kwargs: {})(redis.RedisCache.get_many)
    has_key = degrades_to(lambda *args, **kwargs: False)(redis.RedisCache.has_key)
    set = degrades_to(nothing)(redis.RedisCache.set)
    set_many = degrades_to(lambda data, *args, **kwargs: list(data))(redis.RedisCache.set_many)
    add = degrades_to(lambda *args, **kwargs: False)(redis.RedisCache.add)
    touch = degrades_to(lambda *args, **kwargs: False)(redis.RedisCache.touch)
    delete = degrades_to(lambda *args, **kwargs: False)(redis.RedisCache.delete)
    delete_many = degrades_to(nothing)(redis.RedisCache.delete_many)
    clear = degrades_to(lambda *args, **kwargs: False)(redis.RedisCache.clear)
    # A counter that cannot count (django-ratelimit's) starts again: limits open, not shut.
    incr = degrades_to(lambda key, delta=1, *args, **kwargs: delta)(redis.RedisCache.incr)


class RenditionCache(RedisCache):
    """Wagtail's cache of image renditions, without writing back what it has just read.

    Image.get_renditions writes every rendition it did not get from a prefetch back to the
    cache, and get_rendition writes even those it read from it: on a story page, a second
    round trip and the pickling of a dozen renditions for every picture. What this cache
    hands out is marked as read from it (the mark Wagtail itself checks), and a write of
    what is so marked is skipped."""

    def get(self, key, default=None, version=None):
        value = super().get(key, default, version)
        if value is not default:
            value._from_cache = True
        return value

    def get_many(self, keys, version=None):
        found = super().get_many(keys, version)
        for rendition in found.values():
            rendition._from_cache = True
        return found

    def set(self, key, value, timeout=redis.DEFAULT_TIMEOUT, version=None):
        if not getattr(value, "_from_cache", False):
            super().set(key, value, timeout, version)

    def set_many(self, data, timeout=redis.DEFAULT_TIMEOUT, version=None):
        fresh = {
            key: value for key, value in data.items() if not getattr(value, "_from_cache", False)
        }
        return super().set_many(fresh, timeout, version) if fresh else []
