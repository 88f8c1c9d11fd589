"""Two seams between the site and what it runs on, timed. Not a test.

Run through `bench/seams`. It serves a small database (the demo content, built once and
kept) with gunicorn and the production settings on 127.0.0.1, its e-mail going to an SMTP
sink on 127.0.0.1, and measures:

- Sign-ups: new addresses and addresses already confirmed, interleaved. A stranger must not
  tell one from the other by the time a sign-up takes. Prints the medians, and how often the
  better of two blind guesses is right: "already a subscriber" for every sign-up slower (or
  faster) than the median of all. Near 50 % the time tells nothing.
- A hung Redis (one that accepts connections and never answers) against a healthy one:
  reader pages made afresh (page cache off in both), p50, p95 and the slowest. The target:
  a hung Redis costs a page at most 1 s more than a healthy one.
"""

import argparse
import http.cookiejar
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from aiosmtpd.controller import Controller
from load import LoopbackCookiePolicy
from local_server import ROOT, Gunicorn, served_env, shell_json
from serve import flush_redis

DATABASE = "meridian_bench_seams"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
HUNG_TARGET_S = 1.0


class Sink:
    """Accepts every message and keeps none."""

    async def handle_DATA(self, server, session, envelope):
        return "250 OK"


def build(env, server_url):
    url = f"{server_url.rstrip('/')}/{DATABASE}"
    env = env | {"DATABASE_URL": url}
    created = subprocess.run(
        ["createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE], capture_output=True
    )
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    if created.returncode == 0:
        print(f"Building {DATABASE} ...", flush=True)
        subprocess.run([*manage, "createcachetable"], cwd=ROOT, env=env, check=True)
        subprocess.run(
            [*manage, "load_demo"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
    return env


def confirmed_addresses(env, count, run_id):
    script = f"""
import json
from newsletter.models import Subscriber
emails = [f"known{{n}}-{run_id}@bench.example" for n in range({count})]
Subscriber.objects.bulk_create(
    [Subscriber(email=e, edition="en", status=Subscriber.Status.CONFIRMED) for e in emails]
)
print(json.dumps(emails))
"""
    return shell_json(env, script)


def sign_up(base_url, email):
    """Seconds the sign-up's POST took (the form fetched first, as a browser does)."""
    jar = http.cookiejar.CookieJar(LoopbackCookiePolicy())
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base_url}/en/newsletter/", timeout=30).read().decode()
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": TOKEN.search(page)[1],
            "email": email,
            "edition": "en",
            "website": "",
        }
    ).encode()
    started = time.perf_counter()
    response = opener.open(f"{base_url}/en/newsletter/", data=data, timeout=30)
    seconds = time.perf_counter() - started
    if not response.url.endswith("/check-your-inbox/"):
        raise SystemExit(f"sign-up of {email} answered {response.status} {response.url}")
    return seconds


def measure_signups(env, port, rounds):
    run_id = str(int(time.time()))
    known = confirmed_addresses(env, rounds, run_id)
    with Gunicorn("config.wsgi", port, env, workers=1) as server:
        for n in range(5):  # the worker's first requests load what later ones find ready
            sign_up(server.base_url, f"warm{n}-{run_id}@bench.example")
        times = {"new": [], "known": []}
        for n in range(rounds):
            times["new"].append(sign_up(server.base_url, f"new{n}-{run_id}@bench.example"))
            times["known"].append(sign_up(server.base_url, known[n]))
    everything = times["new"] + times["known"]
    median = statistics.median(everything)
    right = sum(t > median for t in times["known"]) + sum(t <= median for t in times["new"])
    for kind, values in times.items():
        print(
            f"  sign-up, {kind:5} address: p50 {statistics.median(values) * 1000:6.1f} ms"
            f"  p90 {statistics.quantiles(values, n=10)[-1] * 1000:6.1f} ms  ({len(values)})"
        )
    # Either way round: a guesser who finds known addresses faster guesses the other way.
    best = max(right, len(everything) - right) / len(everything)
    print(f"  the better blind guess by time is right {best:.0%} of the time (50 %: no clue)")


def hung_redis():
    """A listening socket nobody reads: connections complete, commands never answer."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(512)
    return server, f"redis://127.0.0.1:{server.getsockname()[1]}/0"


def page_times(base_url, paths, rounds):
    times = []
    for _ in range(rounds):
        for path in paths:
            started = time.perf_counter()
            with urllib.request.urlopen(base_url + path, timeout=60) as response:
                response.read()
            times.append(time.perf_counter() - started)
    return times


def measure_hung_redis(env, port, rounds, healthy_url):
    paths = ["/en/", "/en/world-affairs/", "/en/topics/", "/en/search/?q=river", "/en/feed/rss/"]
    results = {}
    hung_socket, hung_url = hung_redis()
    try:
        for name, url in (("healthy", healthy_url), ("hung", hung_url)):
            if name == "healthy":
                flush_redis(url)
            server_env = env | {"REDIS_URL": url, "PAGE_CACHE": "false"}
            with Gunicorn("config.wsgi", port, server_env, workers=2) as server:
                page_times(server.base_url, paths, 2)  # every worker's first pages
                results[name] = sorted(page_times(server.base_url, paths, rounds))
    finally:
        hung_socket.close()
    for name, values in results.items():
        print(
            f"  reader pages, {name:7} Redis: p50 {statistics.median(values) * 1000:7.1f} ms"
            f"  p95 {statistics.quantiles(values, n=20)[-1] * 1000:7.1f} ms"
            f"  slowest {values[-1] * 1000:7.1f} ms  ({len(values)})"
        )
    cost = (
        statistics.quantiles(results["hung"], n=20)[-1]
        - statistics.quantiles(results["healthy"], n=20)[-1]
    )
    verdict = "within" if cost <= HUNG_TARGET_S else "OVER"
    print(
        f"  a hung Redis costs {cost * 1000:.0f} ms at p95: {verdict} the {HUNG_TARGET_S} s target"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=200, help="sign-ups of each kind")
    parser.add_argument("--page-rounds", type=int, default=20, help="rounds of reader pages")
    parser.add_argument("--port", type=int, default=8093)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/5")
    args = parser.parse_args()

    with socket.socket() as probe:  # a free port for the sink
        probe.bind(("127.0.0.1", 0))
        sink_port = probe.getsockname()[1]
    sink = Controller(Sink(), hostname="127.0.0.1", port=sink_port)
    sink.start()
    try:
        env = served_env(args.port, args.redis, "seams") | {
            "NEWSLETTER_SIGNUP_RATE": "1000000/h",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(sink_port),
        }
        env = build(env, args.server)
        print("Sign-ups (1 worker):")
        measure_signups(env, args.port, args.rounds)
        print("A hung Redis (2 workers):")
        measure_hung_redis(env, args.port, args.page_rounds, args.redis)
    finally:
        sink.stop()


if __name__ == "__main__":
    main()
