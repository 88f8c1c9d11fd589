"""More than one app server, rehearsed small (bench/cluster runs the whole of it): two
gunicorn servers of the site (production settings) share one Redis and one PostgreSQL
primary, and read from a streaming replica of it. With the replica's replay paused, a
publish shows on both servers, on the story and on the front page, while the replica still
has the old title: their pages were made from the primary, and no page made from the
lagging replica is kept in the page cache (config/replica.py). With the replica stopped,
readers are served from the primary. How soon a publish shows is bench/cluster's to
measure: this test asserts an order, not a time.

The servers are the test's own (tests/servers.py).
"""

import json
import shutil
import tempfile
import time
import uuid
from contextlib import ExitStack
from pathlib import Path

import pytest

from tests.servers import (
    Gunicorn,
    PrivatePostgres,
    PrivateRedis,
    fetch,
    headline,
    load_site,
    need_servers,
    production_env,
)
from tests.support import manage

# A reader's request waits this long for the replica, then reads the primary.
REPLICA_WAIT = 0.3

STORY = """
import json
from stories.models import StoryPage
story = StoryPage.objects.live().filter(locale__language_code="en").order_by("-published_at")[0]
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
    with ExitStack() as stack:  # whatever started is stopped, even if a later start fails
        stack.callback(shutil.rmtree, folder, ignore_errors=True)
        primary = PrivatePostgres(folder / "primary")
        stack.callback(primary.stop)
        redis = PrivateRedis(folder)
        stack.callback(redis.stop)
        env = production_env(folder, primary, redis)
        load_site(env)
        replica = PrivatePostgres(folder / "replica", primary=primary)
        stack.callback(replica.stop)
        env |= {"DATABASE_REPLICA_URL": replica.url, "REPLICA_WAIT": str(REPLICA_WAIT)}
        servers = []
        for _ in range(2):
            servers.append(Gunicorn(env, workers=1))
            stack.callback(servers[-1].stop)
        yield servers, primary, replica, env


def read(server, path):
    """(status, body) of `path` on one app server, asked for the site's one address as a
    load balancer passes it on: every server keeps and finds the page under it."""
    return fetch(server.url + path, headers={"Host": "127.0.0.1"})


def replica_reads(replica):
    """How many of the app servers' connections to the replica (kept open: CONN_MAX_AGE)
    last asked it for content, not for how far it has replayed."""
    return int(
        replica.query(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = 'meridian' "
            "AND pid <> pg_backend_pid() AND query LIKE '%FROM \"%'"
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
    assert replica_reads(replica) == 1
    status, second = read(servers[1], story["url"])
    assert status == 200 and second == first  # the page the first server kept
    status, front = read(servers[0], "/en/")
    assert status == 200 and story["title"] in front  # the newest story leads it

    # The replica stops replaying; a publish on the primary.
    replica.query("SELECT pg_wal_replay_pause()")
    while replica.query("SELECT pg_get_wal_replay_pause_state()") != "paused":
        time.sleep(0.05)
    title = f"{story['title']} (updated {uuid.uuid4().hex[:6]})"
    manage("shell", "-c", PUBLISH.format(pk=story["pk"], title=title), env=env).check_returncode()
    on_replica = f"SELECT title FROM wagtailcore_page WHERE id = {story['pk']}"
    assert primary.query(on_replica) == title

    # Every page the publish purged is made again with the new headline, on each server,
    # while the replica still has the old one: made from the primary. A page made from
    # the replica would have the old headline, and be kept as fresh.
    for server in servers:
        status, body = read(server, story["url"])
        assert (status, headline(body)) == (200, title), server.url
        status, body = read(server, "/en/")
        assert status == 200 and title in body, server.url
    assert replica.query(on_replica) == story["title"]

    # Replaying again, it catches up; the pages kept are still the new ones.
    replica.query("SELECT pg_wal_replay_resume()")
    give_up = time.monotonic() + 60
    while replica.query(on_replica) != title and time.monotonic() < give_up:
        time.sleep(0.05)
    assert replica.query(on_replica) == title
    for server in servers:
        assert headline(read(server, story["url"])[1]) == title

    # The replica stopped: every reader is answered, from the primary.
    replica.stop()
    for n in range(6):
        for server in servers:
            status, _body = read(server, f"/en/search/?q=tram{n}")  # a page not cached yet
            assert status == 200, (server.url, n)
