"""Anonymous readers' queries on a read replica (`DATABASE_REPLICA_URL`), everything else on
the primary.

A PostgreSQL streaming replica replays the primary's changes a moment after they commit.
Its queries are routed here by request, not by model: an anonymous reader's GET or HEAD
(`config.readers`) reads from the replica; the admin, signed-in users, sign-ups (POSTs),
the task worker and commands (no request), a request once it has written, and anything in a
transaction read from the primary. Writes always go to the primary.

A page made from a replica that had not yet replayed a publish would be the old page, and
the page cache would keep it as fresh: its purge came before the page was made. So before
a reader's request reads the replica, `ReplicaMiddleware` asks the primary where its log
ends (`pg_current_wal_lsn()`: past every commit made before the request began) and waits,
at most `REPLICA_WAIT` seconds, for the replica to have replayed that far. A replica
further behind, one that does not answer, or one that is no longer replaying (promoted)
leaves the request to the primary and is not asked again for `REPLICA_RETRY_AFTER` seconds
(config.cache.Breaker), so readers go to the primary at once meanwhile. Shared caches that
outlive the request are filled inside `on_primary()`. Two small queries per request that
reaches the database; cached pages reach neither.
"""

import logging
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DatabaseError, connections

from .cache import Breaker
from .readers import is_anonymous_read

logger = logging.getLogger(__name__)
REPLICA = "replica"
# State a request writes and reads back at once, never read from a replica that lags: the
# cache table (Django's database cache, without Redis) and the page cache's pending purges
# (one replayed from a lagging copy would be replayed twice).
PRIMARY_ONLY_APPS = {"django_cache", "pagecache"}
breaker = Breaker(pause="REPLICA_RETRY_AFTER")


class Reading:
    """A reader's request on the replica, until it writes."""

    wrote = False


_reading = ContextVar("replica_reading", default=None)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        reading = _reading.get()
        if (
            reading is None
            or reading.wrote
            or model._meta.app_label in PRIMARY_ONLY_APPS
            or in_transaction()
        ):
            return "default"
        return REPLICA

    def db_for_write(self, model, **hints):
        reading = _reading.get()
        if reading is not None and model._meta.app_label not in PRIMARY_ONLY_APPS:
            reading.wrote = True  # what it reads next includes what it wrote
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the primary's rows, under the same keys

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


@contextmanager
def on_primary():
    """Reads inside go to the primary. For what fills a shared cache (the menu, the
    editions' homes, the magazine's settings): such an entry outlives the request, and one
    filled from a replica that had not replayed the change that cleared it would be kept,
    and shown on pages made after the purge."""
    token = _reading.set(None)
    try:
        yield
    finally:
        _reading.reset(token)


def in_transaction():
    """Whether the request is inside a transaction on the primary: what it reads there must
    be what the transaction sees (select_for_update, a read before a write)."""
    return connections["default"].in_atomic_block


def replica_configured():
    return REPLICA in settings.DATABASES


def primary_position():
    """Where the primary's log ends: past every commit made before this was asked."""
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        return cursor.fetchone()[0]


def replayed(target):
    """Whether the replica has replayed the primary's log up to `target`, within
    REPLICA_WAIT seconds. Raises NotReplica for a server that is not replaying: a promoted
    replica, or a primary named as the replica by mistake, may hold commits the primary
    does not, or miss some it has."""
    deadline = time.monotonic() + settings.REPLICA_WAIT
    with connections[REPLICA].cursor() as cursor:
        while True:
            cursor.execute(
                "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn() >= %s::pg_lsn", [target]
            )
            recovering, done = cursor.fetchone()
            if not recovering:
                raise NotReplica("the replica is not in recovery: promoted, or a primary")
            if done:
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.005)


class NotReplica(Exception):
    pass


def replica_usable():
    if not breaker.allows():
        return False
    try:
        target = primary_position()
    except DatabaseError:
        # The primary's trouble, not the replica's: the request goes on to the primary and
        # its own failure handling (the 503 page). A page read from the replica now could
        # miss the primary's last commits and be kept by the page cache.
        return False
    try:
        if replayed(target):
            return True
        problem = f"more than {settings.REPLICA_WAIT} s behind"
    except (DatabaseError, NotReplica) as error:
        problem = f"unavailable: {error}"
    # Behind or failing, it is left alone for a while: each request would otherwise wait
    # REPLICA_WAIT for it. Django closes a broken connection when the request ends.
    breaker.trip()
    logger.warning(
        "Read replica %s; readers on the primary for %s s", problem, settings.REPLICA_RETRY_AFTER
    )
    return False


class ReplicaMiddleware:
    """Routes an anonymous reader's request to the replica when it has caught up (above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (replica_configured() and is_anonymous_read(request) and replica_usable()):
            return self.get_response(request)
        token = _reading.set(Reading())
        try:
            return self.get_response(request)
        finally:
            _reading.reset(token)
