"""The cache backends: each key read once a request, and Django's Redis cache, minus a
cost on every operation and degrading when Redis is down.

Within a request, each key is read from the cache once: later reads of it are answered
from what the first one found, until the request writes to the cache. Every reader page
reads the same few keys (its edition's home page, the site's root paths, the settings, the
menu, whether any page is private), some of them more than once and each at its own step,
much of it in Wagtail's code: `read_ahead` fetches them together, in one round trip.

Django's client builds a new redis.Redis object (and its table of ~200 response callbacks)
for every get and set, around a connection pool it keeps anyway: a cold story page, which
reads the cache a dozen times, spent a fifth of its time there. A Redis object is safe to
share between threads, so one per pool serves them all.

The cache only ever saves work: when Redis cannot be reached, reads miss and writes are
dropped (logged), so readers get pages made afresh rather than errors. A Redis that accepts
connections and never answers costs each call its whole read timeout (0.5 s in production):
a page asks a dozen times. So the first call that fails pauses the process's calls to that
Redis for `CACHE_RETRY_AFTER` seconds (a circuit breaker): they miss at once, and the first
call after the pause tries again.
"""

import logging
import time
from contextvars import ContextVar
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends import db, locmem, redis
from django.core.signals import request_finished, request_started
from django.dispatch import receiver
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (ConnectionError, TimeoutError)
# What the request being served has read of each cache: {id(backend): {full key: the value
# found, or MISSING}}, and what other modules keep for the request beside it, under string
# keys (request_memo). None outside requests (commands, workers), which read every time.
_read = ContextVar("cache_read_in_this_request", default=None)
MISSING = object()


@receiver(request_started)
def remember_reads_for_the_request(**kwargs):
    _read.set({})


@receiver(request_finished)
def forget_reads_after_the_request(**kwargs):
    _read.set(None)


def request_memo():
    """A dict that lives as long as the request being served (what it has read of each
    cache, and what others keep beside it under keys of their own); None outside requests."""
    return _read.get()


def read_ahead(*keys):
    """Read `keys` (each a key, or a (key, version) pair) of the default cache at once,
    for this request's reads of them."""
    backend = caches["default"]
    if isinstance(backend, ReadOnce):
        backend.read_ahead(keys)


def write(name):
    """The backend's write `name`, after which what the request read no longer answers."""

    def method(self, *args, **kwargs):
        if read := _read.get():
            read.pop(id(self), None)
        return getattr(super(ReadOnce, self), name)(*args, **kwargs)

    method.__name__ = name
    return method


class ReadOnce:
    """A cache backend that reads each key once a request (the module's doc)."""

    def get(self, key, default=None, version=None):
        read = _read.get()
        if read is None:
            return super().get(key, default, version)
        read = read.setdefault(id(self), {})
        made = self.make_and_validate_key(key, version=version)
        value = read.get(made)
        if value is None:
            value = read[made] = super().get(key, MISSING, version)
        return default if value is MISSING else value

    def read_ahead(self, keys):
        read = _read.get()
        if read is None:
            return
        pairs = [key if isinstance(key, tuple) else (key, None) for key in keys]
        made = {self.make_and_validate_key(key, version): (key, version) for key, version in pairs}
        found = self.read_many(made)
        read.setdefault(id(self), {}).update({key: found.get(key, MISSING) for key in made})

    def read_many(self, made):
        """{full key: value} of the keys of `made` ({full key: (key, version)}) the cache
        holds: one read for each version."""
        by_version = {}
        for full, (key, version) in made.items():
            by_version.setdefault(version, {})[key] = full
        return {
            keys[key]: value
            for version, keys in by_version.items()
            for key, value in self.get_many(list(keys), version).items()
        }

    set = write("set")
    set_many = write("set_many")
    add = write("add")
    touch = write("touch")
    incr = write("incr")
    delete = write("delete")
    delete_many = write("delete_many")
    clear = write("clear")


class LocMemCache(ReadOnce, locmem.LocMemCache):
    """The tests' cache, which reads as production's does."""


class DatabaseCache(ReadOnce, db.DatabaseCache):
    """Production's cache without Redis."""


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


class Breaker:
    """Whether a server may be asked now: not for a while (the setting `pause` names, in
    seconds) after a call to it failed. A Redis's here; a read replica's in config.replica."""

    def __init__(self, pause="CACHE_RETRY_AFTER"):
        self.pause = pause
        self.closed_until = 0.0

    def allows(self):
        return time.monotonic() >= self.closed_until

    def trip(self):
        self.closed_until = time.monotonic() + getattr(settings, self.pause)


# One per Redis server and process, shared by the backends (and threads) that use it.
_breakers = {}


def breaker_for(servers):
    return _breakers.setdefault(tuple(servers), Breaker())


def degrades_to(fallback):
    """What an operation returns while Redis is unreachable (`fallback(*args)`), or while
    its breaker pauses calls after a failure."""

    def decorator(method):
        @wraps(method)
        def degrading(self, *args, **kwargs):
            breaker = breaker_for(self._servers)
            if not breaker.allows():
                return fallback(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except UNREACHABLE as error:
                breaker.trip()
                logger.warning(
                    "Cache unreachable, %s skipped, no calls for %s s: %s",
                    method.__name__,
                    settings.CACHE_RETRY_AFTER,
                    error,
                )
                return fallback(*args, **kwargs)

        return degrading

    return decorator


def nothing(*args, **kwargs):
    return None


def default(key, default=None, *args, **kwargs):
    return default


class DegradingRedisCache(redis.RedisCache):
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


class RedisCache(ReadOnce, DegradingRedisCache):
    @degrades_to(lambda made: {})
    def read_many(self, made):
        # One MGET whatever the keys' versions.
        return self._cache.get_many(list(made))


class SkipsRewrites:
    """A cache of Wagtail's image renditions that does not write back what it has just read.

    Image.get_renditions writes every rendition it did not get from a prefetch back to the
    cache, and get_rendition writes even those it read from it: on a story page, a second
    round trip and the pickling of a dozen renditions for every picture; on the database
    cache, an UPDATE for each picture of a feed. What this cache hands out is marked as
    read from it (the mark Wagtail itself checks), and a write of what is so marked is
    skipped."""

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

    def set(self, key, value, *args, **kwargs):
        if not getattr(value, "_from_cache", False):
            super().set(key, value, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        fresh = {
            key: value for key, value in data.items() if not getattr(value, "_from_cache", False)
        }
        return super().set_many(fresh, *args, **kwargs) if fresh else []


class RenditionCache(SkipsRewrites, RedisCache):
    pass


class DatabaseRenditionCache(SkipsRewrites, DatabaseCache):
    pass


def database_caches(table):
    """CACHES without Redis: one table in the database (`manage.py createcachetable`), with
    Wagtail's renditions in it under an alias that does not write back what it reads."""
    return {
        "default": {"BACKEND": "config.cache.DatabaseCache", "LOCATION": table},
        "renditions": {"BACKEND": "config.cache.DatabaseRenditionCache", "LOCATION": table},
    }
