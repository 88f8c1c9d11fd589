"""Load the reader pages as a breaking story would: gunicorn with the production settings
(DEBUG off, PostgreSQL, Redis), on 127.0.0.1, driven by wrk for a bounded time per page.

Run through `bench/serve`, which installs wrk. For each archive size (--stories, repeatable)
it builds a PostgreSQL database once (demo content, then `generate_content`), then measures
every page twice: with the page cache off (cold: every request makes the page) and on and
primed (warm). It prints requests/s, p50 and p99 of each page, and each page's throughput as
a ratio of a static file's, served by the same gunicorn in the same run, and checks the
targets (README, "Speed"). Exits 1 when a target is missed.

Each size has its own gunicorn (and Redis database), all started at once but loaded one at
a time: each page is measured at every size in turn before the next page, so that the
machine's drift over a run, which can move a page's throughput by a third, does not pass
for a difference between sizes.
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack
from pathlib import Path

from local_server import Gunicorn, production_env, shell_json

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PAGES = (
    "home",
    "topic",
    "section",
    "story",
    "briefing",
    "search",
    "feed",
    "sitemap",
    "author",
    "static",
)
# Targets, as in the issue: warm pages at half a static file's throughput at least; cold
# story (12 blocks) and topic pages at 100 and 80 requests/s on 2 workers; listings and
# search no more than 1.5x slower cold at the largest archive than at the smallest.
WARM_RATIO = 0.5
COLD_FLOOR = {"story": 100, "topic": 80}
SCALE_PAGES = ("topic", "section", "home", "search")
SCALE_SLOWDOWN = 1.5
# Searched at every archive size: a word of one of generate_content's headlines, so that it
# matches the same share of the archive at each size, and the sizes compare like for like.
SEARCH_WORD = "river"


def run(*args, env, **kwargs):
    return subprocess.run(args, cwd=ROOT, env=env, check=True, **kwargs)


class Archive:
    """A PostgreSQL database with the demo content and `stories` generated stories, built
    once and kept (named after its size) so that later runs start at once."""

    def __init__(self, stories, topics, server_url):
        self.stories = stories
        self.name = f"meridian_bench_{stories}"
        self.url = f"{server_url.rstrip('/')}/{self.name}"
        self.topics = topics

    def build(self, env):
        env = env | {"DATABASE_URL": self.url}
        created = subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-U", "postgres", self.name],
            capture_output=True,
            text=True,
            check=False,
        )
        if created.returncode == 0:
            print(f"Building {self.name} ...", flush=True)
        manage = [PYTHON, "manage.py"]
        run(*manage, "migrate", "--noinput", "-v", "0", env=env)
        run(*manage, "createcachetable", env=env)
        run(*manage, "load_demo", env=env, stdout=subprocess.DEVNULL)
        started = time.monotonic()
        run(
            *manage,
            "generate_content",
            "--stories",
            str(self.stories),
            "--topics",
            str(self.topics),
            env=env,
        )
        print(f"  generate_content: {time.monotonic() - started:.0f} s", flush=True)
        return env


def discover(env):
    """The measured addresses: one page of each kind in the English edition, chosen as the
    benchmark means them (a story of 12 blocks, the busiest topic, author and section)."""
    script = """
import json
from django.db.models import Count
from home.models import HomePage
from stories.models import Author, BriefingPage, SectionPage, StoryPage, StoryTopic, TopicPage
from django.contrib.staticfiles.storage import staticfiles_storage

home = HomePage.objects.get(locale__language_code="en", depth=2)
stories = StoryPage.objects.live().filter(locale=home.locale).order_by("-published_at")
story = next(s for s in stories[:500].iterator() if len(s.body) == 12)
busiest = (
    StoryTopic.objects.filter(locale=home.locale)
    .values("topic")
    .annotate(n=Count("pk"))
    .order_by("-n")
    .first()
)
topic = TopicPage.objects.get(pk=busiest["topic"])
section = SectionPage.objects.filter(locale=home.locale).live().order_by("-numchild").first()
author = (
    Author.objects.filter(locale=home.locale)
    .annotate(n=Count("bylines"))
    .order_by("-n")
    .first()
)
briefing = BriefingPage.objects.live().filter(locale=home.locale).order_by("-date").first()
print(json.dumps({
    "home": home.url,
    "topic": topic.url,
    "section": section.url,
    "story": story.url,
    "briefing": briefing.url,
    "search": f"{home.url}search/?q={SEARCH_WORD}",
    "feed": f"{home.url}feed/rss/",
    "sitemap": "/sitemap-news-en.xml",
    "author": author.url,
    "static": staticfiles_storage.url("css/site.css"),
}))
"""
    return shell_json(env, f"SEARCH_WORD = {SEARCH_WORD!r}\n" + script)


LATENCY = re.compile(r"^\s+(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
SOCKET_ERRORS = r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"


def wrk(url, duration, connections):
    """requests/s, p50 and p99 (ms), and the count of errors (non-2xx, socket errors)."""
    output = subprocess.run(
        ["wrk", "-t", "2", "-c", str(connections), "-d", f"{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latencies = {int(p): float(v) * UNITS[u] for p, v, u in LATENCY.findall(output)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(SOCKET_ERRORS, output)
    failed = int(errors.group(1)) if errors else 0
    failed += sum(int(n) for n in socket.groups()) if socket else 0
    return rate, latencies.get(50, 0.0), latencies.get(99, 0.0), failed


def measure(sites, args, page_cache):
    """{size: {page: wrk's figures}} for `sites` ({size: (env, urls)}), each page measured
    at every size before the next page."""
    results = {size: {} for size in sites}
    mode = "true" if page_cache else "false"
    with ExitStack() as stack:
        servers = {
            size: stack.enter_context(
                Gunicorn(
                    "config.wsgi",
                    args.port + i,
                    env | {"PAGE_CACHE": mode},
                    workers=args.workers,
                )
            )
            for i, (size, (env, _)) in enumerate(sites.items())
        }
        for name in PAGES:
            for size, server in servers.items():
                url = server.base_url + sites[size][1][name]
                for _ in range(3):  # primes the page cache (warm) and each worker's imports
                    urllib.request.urlopen(url, timeout=60).read()
                results[size][name] = wrk(url, args.duration, args.connections)
                rate, p50, p99, failed = results[size][name]
                print(
                    f"  {size:>7} {'warm' if page_cache else 'cold'} {name:9} {rate:8.1f}/s "
                    f"p50 {p50:7.1f} ms  p99 {p99:7.1f} ms"
                    + (f"  {failed} errors" if failed else ""),
                    flush=True,
                )
    return results


def flush_redis(url):
    import redis

    redis.Redis.from_url(url).flushdb()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, action="append", help="archive sizes (1000)")
    parser.add_argument("--topics", type=int, default=200)
    parser.add_argument("--duration", type=int, default=10, help="seconds per page and mode")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    # One Redis database a size (10, 11, ...): their caches must not answer for each other.
    parser.add_argument("--redis", default="redis://127.0.0.1:6379")
    args = parser.parse_args()
    sizes = args.stories or [1000]

    folder = Path(tempfile.mkdtemp(prefix="meridian-serve-"))
    try:
        sites = {}
        for i, size in enumerate(sizes):
            redis_url = f"{args.redis.rstrip('/')}/{10 + i}"
            env = production_env(args.port + i, redis_url, folder)
            if not sites:
                run(PYTHON, "manage.py", "compile_catalogues", env=env, stdout=subprocess.DEVNULL)
                run(PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0", env=env)
            env = Archive(size, args.topics, args.postgres).build(env)
            sites[size] = env, discover(env)
            print(f"{size} stories: {sites[size][1]['story']}", flush=True)
        table = {}
        for page_cache in (False, True):
            for env, _ in sites.values():
                flush_redis(env["REDIS_URL"])
            for size, results in measure(sites, args, page_cache).items():
                table[size, page_cache] = results
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    sys.exit(report(table, sizes))


def report(table, sizes):
    print()
    print("stories  cache  page       req/s    p50 ms   p99 ms  x static  errors")
    missed = []
    for (size, warm), results in table.items():
        static = results["static"][0]
        for name, (rate, p50, p99, failed) in results.items():
            ratio = rate / static if static else 0
            print(
                f"{size:>7}  {'warm' if warm else 'cold':5}  {name:9} {rate:7.1f}  "
                f"{p50:7.1f}  {p99:7.1f}  {ratio:8.2f}  {failed:6}"
            )
            if failed:
                missed.append(f"{name} ({size}, {'warm' if warm else 'cold'}): {failed} errors")
            if warm and name != "static" and ratio < WARM_RATIO:
                missed.append(f"{name} warm at {size}: {ratio:.2f} of static < {WARM_RATIO}")
            if not warm and name in COLD_FLOOR and rate < COLD_FLOOR[name]:
                missed.append(f"{name} cold at {size}: {rate:.0f}/s < {COLD_FLOOR[name]}/s")
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        print(f"\nCold, {large} stories against {small}: how many times slower")
        for name in SCALE_PAGES:
            slowdown = table[small, False][name][0] / table[large, False][name][0]
            print(f"  {name:9} {slowdown:5.2f}x")
            if slowdown > SCALE_SLOWDOWN:
                missed.append(f"{name}: {slowdown:.2f}x slower at {large} than {small}")
    for line in missed:
        print("MISSED", line)
    print("All targets met." if not missed else f"{len(missed)} targets missed.")
    return 1 if missed else 0


if __name__ == "__main__":
    main()
