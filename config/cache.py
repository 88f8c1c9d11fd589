"""Django's Redis cache, minus a cost on every operation.

Django's client builds a new redis.Redis object (and its table of ~200 response callbacks)
for every get and set, around a connection pool it keeps anyway: a cold story page, which
reads the cache a dozen times, spent a fifth of its time there. A Redis object is safe to
share between threads, so one per pool serves them all.
"""

from django.core.cache.backends import redis


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


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
