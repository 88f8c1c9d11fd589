"""Faults under load: the site (gunicorn, production settings) runs on a PostgreSQL and a
Redis of its own, on 127.0.0.1, while readers and a subscriber keep sending requests. The
database is stopped and started again, then Redis: while the database is down readers get
the friendly 503 page, the site recovers by itself, and nothing is lost; without Redis,
readers get pages made afresh.

The servers are the test's own (tests/servers.py).
"""

import re
import shutil
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter
from contextlib import ExitStack
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

READERS = 4


class Load:
    """Readers reading in a loop, and a subscriber signing up, until stopped; each answer is
    kept with the phase it was asked and answered in."""

    def __init__(self, base_url, urls):
        self.base_url = base_url
        self.urls = urls
        self.phase = "up"
        self.answers = []  # (phase, url, status, body snippet)
        self.subscribed = []  # addresses the site said it took
        self.running = True
        self.threads = [threading.Thread(target=self.read, args=(n,)) for n in range(READERS)]
        self.threads.append(threading.Thread(target=self.subscribe))

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        for thread in self.threads:
            thread.join(timeout=60)

    def read(self, n):
        while self.running:
            url = self.urls[n % len(self.urls)]
            n += 1
            sent = self.phase
            status, body = fetch(self.base_url + url)
            # A request sent in one phase and answered in the next straddles the change.
            phase = sent if sent == self.phase else f"{sent}, then {self.phase}"
            self.answers.append((phase, url, status, body[:3000]))

    def subscribe(self):
        count = 0
        while self.running:
            time.sleep(0.2)
            try:
                with urllib.request.urlopen(f"{self.base_url}/en/newsletter/", timeout=15) as r:
                    body = r.read().decode()
                    cookies = r.headers.get_all("Set-Cookie") or []
            except OSError:
                continue
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
            # The cookie is marked Secure (production settings); over loopback's plain HTTP
            # it is sent back by hand.
            cookie = next((c.split(";")[0] for c in cookies if c.startswith("csrftoken=")), None)
            if not (token and cookie):
                continue
            count += 1
            email = f"reader{count}@example.com"
            data = urllib.parse.urlencode(
                {"csrfmiddlewaretoken": token.group(1), "email": email, "edition": "en"}
            ).encode()
            post = urllib.request.Request(
                f"{self.base_url}/en/newsletter/", data=data, headers={"Cookie": cookie}
            )
            status, body = fetch(post)
            if status == 200 and "Check your inbox" in body:
                self.subscribed.append(email)

    def during(self, phase, seconds):
        self.phase = phase
        time.sleep(seconds)

    def statuses(self, phase):
        return Counter(status for p, _url, status, _body in self.answers if p == phase)


@pytest.fixture
def site():
    need_servers()
    folder = Path(tempfile.mkdtemp(prefix="meridian-faults-"))
    with ExitStack() as stack:  # whatever started is stopped, even if a later start fails
        stack.callback(shutil.rmtree, folder, ignore_errors=True)
        postgres = PrivatePostgres(folder)
        stack.callback(postgres.stop)
        redis = PrivateRedis(folder)
        stack.callback(redis.stop)
        env = production_env(
            folder,
            postgres,
            redis,
            PAGE_CACHE="false",  # every reader request reaches the database
            NEWSLETTER_SIGNUP_RATE="100000/h",
        )
        load_site(env)
        server = Gunicorn(env)
        stack.callback(server.stop)
        yield server.url, postgres, redis


def wait_until_answered(base_url, postgres, seconds=60):
    deadline = time.monotonic() + seconds
    answers = []
    while time.monotonic() < deadline:
        status, body = fetch(base_url + "/en/")
        if status == 200:
            return time.monotonic()
        answers.append((status, re.findall(r"<h1>([^<]*)", body)))
        time.sleep(0.5)
    log = (postgres.folder / "log").read_text()[-2000:]
    raise AssertionError(f"the site did not come back: {answers[-5:]}\n{log}")


def test_the_site_survives_its_database_and_cache_going_away(site):
    base_url, postgres, redis = site
    urls = ["/en/", "/fr/", "/en/topics/", "/en/search/?q=ferry"]
    content = "SELECT count(*), sum(length(title)), max(latest_revision_id) FROM wagtailcore_page"
    before = postgres.query(content)
    assert fetch(base_url + "/readyz")[0] == 200

    with Load(base_url, urls) as load:
        load.during("up", 5)
        load.phase = "database stopping"
        postgres.stop()
        load.during("database down", 6)
        assert fetch(base_url + "/healthz")[0] == 200
        status, body = fetch(base_url + "/readyz")
        assert status == 503 and '"database": "unavailable"' in body
        # Requests answered while PostgreSQL starts belong to its coming back, not to its
        # absence: the phase changes before the start, as it does for Redis.
        load.phase = "database back"
        postgres.start()
        recovered = wait_until_answered(base_url, postgres)
        load.during("database up again", 5)
        load.phase = "cache stopping"
        redis.stop()
        load.during("cache down", 6)
        status, body = fetch(base_url + "/readyz")
        assert status == 503 and '"cache": "unavailable"' in body
        load.phase = "cache starting"
        redis.start()
        load.during("cache up again", 4)

    up = load.statuses("up")
    assert set(up) == {200} and up[200] > 20, up
    down = load.statuses("database down")
    # Never a 500, never a dropped connection, never a page: the 503 page for each request.
    assert set(down) == {503} and down[503] > 10, down
    friendly = [(u, b) for p, u, s, b in load.answers if p == "database down" and s == 503]
    heading = {"fr": "Nous revenons dans un instant", "en": "We will be back shortly"}
    assert all(heading[url[1:3]] in body for url, body in friendly)
    assert set(load.statuses("database up again")) == {200}
    # While the database shuts down or comes back, a request gets a page or the 503 page.
    for phase in ("database stopping", "database back"):
        assert set(load.statuses(phase)) <= {200, 503}, phase
    cache_down = load.statuses("cache down")
    assert set(cache_down) == {200} and cache_down[200] > 10, cache_down
    for phase in ("cache stopping", "cache starting", "cache up again"):
        assert set(load.statuses(phase)) <= {200}, phase
    # Straddling a change, a request gets a page or the 503 page, never an error.
    assert {status for _p, _u, status, _b in load.answers} <= {200, 503}
    assert recovered  # by itself: gunicorn was never restarted

    # Nothing lost or corrupted: the content as it was, every sign-up the site took.
    assert postgres.query(content) == before
    assert len(load.subscribed) > 5
    stored = set(postgres.query("SELECT email FROM newsletter_subscriber").split())
    assert set(load.subscribed) <= stored
    assert fetch(base_url + "/readyz")[0] == 200
