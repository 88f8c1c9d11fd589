"""More than one app server, rehearsed small (bench/cluster runs the whole of it): two
gunicorn servers of the site (production settings) share one Redis and one PostgreSQL
primary, and read from a streaming replica of it that replays each commit 5 s late on
purpose. A publish shows on both servers before the replica has replayed it (read from the
primary), and no page made from the lagging replica is kept in the page cache
(config/replica.py); with the replica stopped, readers are served from the primary. How
soon a publish shows is bench/cluster's to measure: this test asserts an order, not a time.

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

APPLY_DELAY = 5  # seconds the replica waits before it replays a commit
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

    # A publish on the primary, which the replica replays 5 s late.
    title = f"{story['title']} (updated {uuid.uuid4().hex[:6]})"
    manage("shell", "-c", PUBLISH.format(pk=story["pk"], title=title), env=env).check_returncode()
    on_replica = f"SELECT title FROM wagtailcore_page WHERE id = {story['pk']}"
    assert primary.query(on_replica) == title

    # Each server shows the new headline while the replica still has the old one: its page
    # was made from the primary.
    waiting, give_up = set(range(len(servers))), time.monotonic() + APPLY_DELAY + 30
    while waiting and time.monotonic() < give_up:
        for n in sorted(waiting):
            status, body = read(servers[n], story["url"])
            assert status == 200
            if headline(body) == title:
                assert replica.query(on_replica) == story["title"], "replayed before it showed"
                waiting.discard(n)
    assert not waiting, "the publish never showed: a page read from the lagging replica was kept"

    # Until the replica replays the publish, and after, every answer has the new headline:
    # no page read from the lagging replica was kept, which would be served until the next
    # purge.
    answers = []
    while replica.query(on_replica) != title and time.monotonic() < give_up:
        answers += [headline(read(server, story["url"])[1]) for server in servers]
    answers += [headline(read(server, story["url"])[1]) for server in servers]
    assert replica.query(on_replica) == title
    assert answers and set(answers) == {title}

    # The replica stopped: every reader is answered, from the primary.
    replica.stop()
    for n in range(6):
        for server in servers:
            status, _body = read(server, f"/en/search/?q=tram{n}")  # a page not cached yet
            assert status == 200, (server.url, n)
