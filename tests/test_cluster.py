"""More than one app server, rehearsed small (bench/cluster runs the whole of it): two
gunicorn servers of the site (production settings) share one Redis and one PostgreSQL
primary, and read from a streaming replica of it that replays each commit 1.5 s late on
purpose. A publish shows on both servers within 2 s, and no page made from the lagging
replica is kept in the page cache (config/replica.py); with the replica stopped, readers
are served from the primary.

The servers are the test's own (tests/servers.py).
"""

import json
import re
import shutil
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from tests.servers import (
    Gunicorn,
    PrivatePostgres,
    PrivateRedis,
    fetch,
    load_site,
    need_servers,
    production_env,
)
from tests.support import manage

APPLY_DELAY = 1.5  # seconds the replica waits before it replays a commit
# A reader's request waits this long for the replica, then reads the primary.
REPLICA_WAIT = 0.3

STORY = """
import json
from stories.models import StoryPage
story = StoryPage.objects.live().filter(locale__language_code="en").order_by("pk").first()
print(json.dumps({"pk": story.pk, "url": story.url, "title": story.title}))
"""
PUBLISH = """
from stories.models import StoryPage
story = StoryPage.objects.get(pk={pk})
story.title = {title!r}
story.save_revision().publish()
"""


@pytest.fixture
def cluster():
    need_servers()
    folder = Path(tempfile.mkdtemp(prefix="meridian-cluster-"))
    folder.chmod(0o755)  # the clusters inside belong to the postgres user
    primary = PrivatePostgres(folder / "primary")
    redis = PrivateRedis(folder)
    env = production_env(folder, primary, redis)
    load_site(env)
    replica = PrivatePostgres(
        folder / "replica", primary=primary, apply_delay=f"{int(APPLY_DELAY * 1000)}ms"
    )
    env |= {"DATABASE_REPLICA_URL": replica.url, "REPLICA_WAIT": str(REPLICA_WAIT)}
    servers = [Gunicorn(env, workers=1) for _ in range(2)]
    try:
        yield servers, primary, replica, env
    finally:
        for server in servers:
            server.stop()
        redis.stop()
        for postgres in (replica, primary):
            postgres.stop()
        shutil.rmtree(folder, ignore_errors=True)


def read(server, path):
    """(status, body) of `path` on one app server, asked for the site's one address as a
    load balancer passes it on: every server keeps and finds the page under it."""
    return fetch(server.url + path, headers={"Host": "127.0.0.1"})


def headline(body):
    found = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S)
    return found and re.sub(r"<[^>]+>|\s+", " ", found.group(1)).strip()


def replica_reads(replica):
    """How many of the app servers' connections to the replica have read a page there."""
    return int(
        replica.query(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = 'meridian' "
            "AND pid <> pg_backend_pid() AND query LIKE '%wagtailcore_page%'"
        )
    )


def test_two_app_servers_share_a_publish_and_a_lagging_replica_never_reaches_the_cache(
    cluster,
):
    servers, primary, replica, env = cluster
    story = json.loads(manage("shell", "-c", STORY, env=env).stdout.splitlines()[-1])

    # Caught up, the replica serves readers' queries; the page cache is shared.
    status, first = read(servers[0], story["url"])
    assert status == 200 and headline(first) == story["title"]
    assert replica_reads(replica) >= 1
    status, second = read(servers[1], story["url"])
    assert status == 200 and second == first  # the page the first server kept

    # A publish on the primary, which the replica replays 1.5 s late.
    title = f"{story['title']} (updated {uuid.uuid4().hex[:6]})"
    manage("shell", "-c", PUBLISH.format(pk=story["pk"], title=title), env=env).check_returncode()
    published = time.monotonic()
    seen = {server.url: [] for server in servers}  # (seconds after the publish, headline)
    while time.monotonic() - published < APPLY_DELAY + 2:
        for server in servers:
            status, body = read(server, story["url"])
            assert status == 200
            seen[server.url].append((time.monotonic() - published, headline(body)))
    replayed = time.monotonic()
    assert primary.query(f"SELECT title FROM wagtailcore_page WHERE id = {story['pk']}") == title
    assert replica.query(f"SELECT title FROM wagtailcore_page WHERE id = {story['pk']}") == title

    for server in servers:
        answers = seen[server.url]
        first_new = next((after for after, shown in answers if shown == title), None)
        assert first_new is not None and first_new < 2, (server.url, answers[:3], answers[-3:])
        # Once the new headline shows, it stays: no page read from the lagging replica was
        # kept, which would be served until the next purge.
        assert all(shown == title for after, shown in answers if after >= first_new)
        # Asked again after the replica replayed the publish: the same page, from the cache.
        assert headline(read(server, story["url"])[1]) == title
    assert replayed - published >= APPLY_DELAY

    # The replica stopped: every reader is answered, from the primary.
    replica.stop()
    for n in range(6):
        for server in servers:
            status, _body = read(server, f"/en/search/?q=tram{n}")  # a page not cached yet
            assert status == 200, (server.url, n)
