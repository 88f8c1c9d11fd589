"""A breaking story's day, bounded: 50 readers and 2 editors at once, for 2 minutes.

Run through `bench/load`. It serves an archive of bench/serve (1,000 stories unless
`--stories` says otherwise; built there once, or here if missing) with gunicorn and the
production settings (PostgreSQL, Redis, the page cache on) on 127.0.0.1, with the task
worker beside it, as production runs it (docs/deploying.md): the readers' app server, and
the desk's own for the admin. Readers ask for what readers ask for (MIX): mostly stories,
drawn from the whole archive by popularity (a few hot, a long cold tail: Popular), then
topics, the front page, sections, search and feeds, so that the page cache misses as it
does in life. Each editor signs in to the admin and, on a story of the busiest topic, opens
the edit form, saves a draft and publishes, in turn, with `--think` seconds (5) between the
admin's answer and the next click, as an editor reads and types (`--think 0`: as fast as the
admin answers, where a faster admin is given more work); after each publish the editor's client
reads the story as a reader until the change shows: the publish-to-visible time. The
readers' client runs in processes of its own, so that its threads do not delay the editors'
client; when the desk has its own server, the readers' server and client and the task
worker (whose work is the readers': pages made again after a purge) share a lower part of
the cores (a cgroup at CPU weight 20, as docs/deploying.md advises, or nice 10).

It prints requests, errors and latency (p50, p95, p99) for readers, apart for the page
cache's hits and misses, its hit ratio, each kind of editor request and the
publish-to-visible times, and checks that every save the admin acknowledged is a revision
of its story. `--baseline REV` first runs the same load against revision REV's code (a git
worktree, one app server for readers and editors, as it was deployed), on the same archive,
in the same run: before and after, side by side. `--one-pool` adds today's code with the
admin on the readers' app server. Exits 1 on any error, lost revision or publish not
visible within 2 s.
"""

import argparse
import http.cookiejar
import itertools
import multiprocessing
import random
import re
import secrets
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from pathlib import Path

from local_server import (
    ROOT,
    Gunicorn,
    LowerShare,
    TaskWorker,
    checkout,
    remove,
    served_env,
    shell_json,
)
from serve import Archive, discover, flush_redis

EDITORS = ("desk-one", "desk-two")
READER_PROCESSES = 2  # the readers' client: one interpreter per core
VISIBLE_WITHIN = 2.0  # seconds from a publish's response to a reader's page showing it
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FIELD_ERROR = re.compile(r'class="error-message">\s*([^<]+?)\s*<')


def request(opener, url, data=None, headers=None):
    """(status, seconds, body) of one request; status 0 when the server did not answer, and
    an error's body for the message."""
    started = time.monotonic()
    try:
        with opener.open(urllib.request.Request(url, data, headers or {}), timeout=60) as answer:
            body = answer.read().decode()
            return answer.status, time.monotonic() - started, body
    except urllib.error.HTTPError as error:
        return error.code, time.monotonic() - started, error.read().decode(errors="replace")
    except OSError:
        return 0, time.monotonic() - started, ""


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.errors = []
        self.by_state = {}  # the page cache's answer (hit, waited, miss): latencies

    def add(self, label, status, seconds, ok, state=""):
        with self.lock:
            self.latencies.append(seconds)
            self.by_state.setdefault(state or "not kept", []).append(seconds)
            if not ok:
                self.errors.append(f"{label}: {status}")

    def taken(self):
        """What a readers' process sends back to the run."""
        return {"latencies": self.latencies, "errors": self.errors, "by_state": self.by_state}

    def merge(self, taken):
        self.latencies += taken["latencies"]
        self.errors += taken["errors"]
        for state, latencies in taken["by_state"].items():
            self.by_state.setdefault(state, []).extend(latencies)

    def line(self, name):
        return line(name, self.latencies, len(self.errors))

    def cache_lines(self):
        total = len(self.latencies) or 1
        hits = len(self.by_state.get("hit", [])) + len(self.by_state.get("waited", []))
        yield f"  page cache: {hits / total:.1%} of readers' requests answered from it"
        for state in ("hit", "waited", "miss", "not kept"):
            if state in self.by_state:
                yield line(f"  {state}", self.by_state[state])


def line(name, latencies, errors=0):
    if not latencies:
        return f"  {name:15} no requests"
    ordered = sorted(latencies)

    def at(q):
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    return (
        f"  {name:15} {len(ordered):7} requests {errors:4} errors  "
        f"p50 {at(0.50):7.1f} ms  p95 {at(0.95):7.1f} ms  p99 {at(0.99):7.1f} ms  "
        f"mean {statistics.fmean(ordered) * 1000:7.1f} ms"
    )


class Desk:
    """The editors' requests by kind (the edit form, a save, a publish), and how long each
    publish took to reach readers."""

    def __init__(self):
        self.lock = threading.Lock()
        self.kinds = {}
        self.errors = []
        self.visible = []
        self.acknowledged = {}  # story id: titles the admin said it saved

    def add(self, kind, status, seconds, ok, detail=""):
        with self.lock:
            self.kinds.setdefault(kind, []).append(seconds)
            if not ok:
                self.errors.append(f"{kind}: {status} {detail}".strip())

    def lines(self):
        everything = [s for latencies in self.kinds.values() for s in latencies]
        yield line("editors, all", everything, len(self.errors))
        for kind in ("edit form", "action-draft", "action-publish", "login"):
            yield line(kind, self.kinds.get(kind, []))
        late = [s for s in self.visible if s is None or s > VISIBLE_WITHIN]
        shown = [s for s in self.visible if s is not None]
        if shown:
            yield (
                f"  publish to visible: {len(self.visible)} publishes, median "
                f"{statistics.median(shown) * 1000:.0f} ms, slowest {max(shown) * 1000:.0f} ms, "
                f"{len(late)} later than {VISIBLE_WITHIN} s"
            )


# What readers ask for, by share of requests: a story most often, chosen by popularity
# (ZIPF_S), then topics (the busiest first), the front page, sections, search and feeds.
MIX = {"story": 60, "topic": 15, "home": 10, "section": 5, "search": 5, "feed": 5}
ZIPF_S = 1.0


class Popular:
    """Addresses drawn as readers choose them: the k-th most popular with a weight of
    1 / k^ZIPF_S, so a few are hot, most are read now and then, and the tail rarely."""

    def __init__(self, addresses):
        self.addresses = addresses
        self.cumulative = list(
            itertools.accumulate(1 / k**ZIPF_S for k in range(1, len(addresses) + 1))
        )

    def draw(self, rng):
        return rng.choices(self.addresses, cum_weights=self.cumulative)[0]


def readers_addresses(env):
    """The English edition's addresses by kind, most popular first: stories newest first,
    topics with the most stories first."""
    script = """
import json
from django.db.models import Count
from home.models import HomePage
from stories.models import SectionPage, StoryPage, StoryTopic, TopicPage

home = HomePage.objects.get(locale__language_code="en", depth=2)


def address(url_path):  # the page's URL, without asking Wagtail for each of 100,000
    return home.url + url_path[len(home.url_path):]


stories = StoryPage.objects.live().filter(locale=home.locale).order_by("-published_at")
tagged = dict(
    StoryTopic.objects.filter(locale=home.locale).values_list("topic").annotate(n=Count("pk"))
)
topics = sorted(
    TopicPage.objects.live().filter(locale=home.locale).only("title", "url_path"),
    key=lambda topic: -tagged.get(topic.pk, 0),
)
sections = SectionPage.objects.live().filter(locale=home.locale)
topic_paths = [topic.url_path for topic in topics]
print(json.dumps({
    "story": [address(p) for p in stories.values_list("url_path", flat=True)],
    "topic": [address(p) for p in topic_paths],
    "home": [home.url],
    "section": [address(p) for p in sections.values_list("url_path", flat=True)],
    "search": [f"{home.url}search/?q={topic.title.split()[0].lower()}" for topic in topics],
    "feed": [home.url + "feed/rss/"] + [address(p) + "feed/atom/" for p in topic_paths],
}))
"""
    return {kind: Popular(addresses) for kind, addresses in shell_json(env, script).items()}


def reader(base_url, addresses, deadline, tally, seed):
    opener = urllib.request.build_opener()
    rng = random.Random(seed)
    kinds, weights = list(MIX), list(MIX.values())
    while time.monotonic() < deadline:
        url = addresses[rng.choices(kinds, weights)[0]].draw(rng)
        started = time.monotonic()
        try:
            with opener.open(base_url + url, timeout=30) as response:
                response.read()
                status, state = response.status, response.headers.get("X-Page-Cache", "")
        except urllib.error.HTTPError as error:
            status, state = error.code, ""
        except OSError:
            status, state = 0, ""
        tally.add(url, status, time.monotonic() - started, status == 200, state)


def readers_process(base_url, addresses, deadline, count, first_seed, share):
    """`count` readers in a process of their own: the editors' client, in the run's process,
    does not wait for the readers' threads to hand it the interpreter, and the readers' side
    (their server and their client) can run at a lower priority than the desk's."""
    if share:
        share.join()
    tally = Tally()
    threads = [
        threading.Thread(target=reader, args=(base_url, addresses, deadline, tally, seed))
        for seed in range(first_seed, first_seed + count)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally.taken()


def start_readers(pool, base_url, addresses, deadline, count, share=None):
    """`count` readers until `deadline`, spread over the pool's processes: their futures."""
    counts = [
        count // READER_PROCESSES + (n < count % READER_PROCESSES) for n in range(READER_PROCESSES)
    ]
    return [
        pool.submit(readers_process, base_url, addresses, deadline, n, sum(counts[:i]), share)
        for i, n in enumerate(counts)
    ]


def start_editors(base_url, reader_urls, password, stories, deadline, desk, think, host=None):
    """An editor thread for each of EDITORS, on its story (`editor`), started."""
    threads = [
        threading.Thread(
            target=editor,
            args=(base_url, reader_urls, name, password, story, deadline, desk, think, host),
        )
        for name, story in zip(EDITORS, stories, strict=True)
    ]
    for thread in threads:
        thread.start()
    return threads


class LoopbackCookiePolicy(http.cookiejar.DefaultCookiePolicy):
    """Sends the admin's Secure cookies back over loopback's plain HTTP, as a browser would
    over the HTTPS the production settings expect."""

    def return_ok_secure(self, cookie, request):
        return True


def signed_in(base_url, username, password):
    """(an opener signed in to the admin as `username`, with `csrf()` for its token; the
    sign-in's status, seconds and whether it worked)."""
    jar = http.cookiejar.CookieJar(LoopbackCookiePolicy())
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = f"{base_url}/admin/login/"
    _status, _seconds, body = request(opener, login)
    data = {"username": username, "password": password}
    data["csrfmiddlewaretoken"] = TOKEN.search(body)[1]
    status, seconds, body = request(opener, login, urllib.parse.urlencode(data).encode())
    opener.csrf = lambda: next(c.value for c in jar if c.name == "csrftoken")
    return opener, (status, seconds, status == 200 and 'id="id_password"' not in body)


def editor(base_url, reader_urls, username, password, story, deadline, desk, think, host=None):
    """Signs in, then works on the story as an editor at a breaking story's pace does, until
    the deadline: opens its edit form, saves a draft, publishes from the edit page the admin
    answers the save with, and reads the story as a reader until the change shows on every
    one of `reader_urls` (app servers, asked with the `host` a load balancer passes on). `think`
    seconds pass between an answer and the editor's next click (0: as fast as the admin
    answers, which makes a faster admin a busier one)."""
    opener, login = signed_in(base_url, username, password)
    desk.add("login", *login)
    anonymous = urllib.request.build_opener()
    edit_url = f"{base_url}/admin/pages/{story['id']}/edit/"
    n, body = 0, None

    def pause():
        time.sleep(max(0.0, min(think, deadline - time.monotonic())))

    while time.monotonic() < deadline:
        if body is None:  # the first time, and after a publish: the admin showed the listing
            status, seconds, body = request(opener, edit_url)
            desk.add("edit form", status, seconds, status == 200)
            pause()
            continue
        token = TOKEN.search(body)
        if not token:
            body = None
            continue
        n += 1
        action = "action-draft" if n % 2 else "action-publish"
        suffix = f"({username}, save {n})"
        form = story["form"] | {
            "title": f"{story['title']} {suffix}",
            "csrfmiddlewaretoken": token[1],
            action: "1",
        }
        status, seconds, body = request(opener, edit_url, urllib.parse.urlencode(form).encode())
        published = time.monotonic()
        # The admin answers a draft with the edit page again (after a redirect), a publish
        # with the section's listing, each with its message.
        saved = status == 200 and ("has been published" in body or "has been updated" in body)
        desk.add(action, status, seconds, saved, "; ".join(FIELD_ERROR.findall(body)))
        if not saved or action == "action-publish":
            body = None
        if saved:
            with desk.lock:
                desk.acknowledged.setdefault(story["id"], []).append(form["title"])
            if action == "action-publish":
                with desk.lock:  # the servers up now: bench/cluster stops and starts one
                    servers_up = tuple(reader_urls)
                seen = [
                    visible_after(anonymous, url + story["url"], suffix, published, host)
                    for url in servers_up
                ]
                desk.visible.append(None if None in seen else max(seen))
        pause()


def visible_after(opener, url, text, since, host=None, give_up=10.0):
    """Seconds from `since` until the page at `url` shows `text`; None if it never did."""
    while time.monotonic() - since < give_up:
        status, _seconds, body = request(opener, url, headers={"Host": host} if host else None)
        if status == 200 and text in body:
            return time.monotonic() - since
        time.sleep(0.02)
    return None


# The story and its form as the admin would post it, for a `manage.py shell` script.
DESCRIBED = """
def described(story):
    form = nested_form_data({
        "title": story.title, "slug": story.slug, "standfirst": story.standfirst,
        "summary": story.summary, "dateline": story.dateline, "lead_video_url": "",
        "body": streamfield([("paragraph", rich_text("<p>The ferry runs again.</p>"))]),
        # The rows the story has, with their ids, as the admin's form posts them: rows
        # without ids are new ones, added beside the old.
        "story_topics": inline_formset(
            [{"id": t.pk, "topic": t.topic_id, "is_focus": t.is_focus}
             for t in story.story_topics.all()],
            initial=story.story_topics.count(),
        ),
        "bylines": inline_formset(
            [{"id": b.pk, "author": b.author_id or "", "partner": b.partner_id or ""}
             for b in story.bylines.all()],
            initial=story.bylines.count(),
        ),
        "partner_credits": inline_formset(
            [{"id": c.pk, "partner": c.partner_id, "url": c.url}
             for c in story.partner_credits.all()],
            initial=story.partner_credits.count(),
        ),
    })
    return {"id": story.pk, "url": story.url, "title": story.title, "form": form}
"""


def prepare(env, story_url):
    """Editors' accounts, and a story for each to edit (the measured story, and the newest
    other of its topic), with its form as the admin would post it."""
    script = f"""
import json
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from stories.models import StoryPage

for name in {EDITORS!r}:
    user, _ = get_user_model().objects.get_or_create(username=name)
    user.is_superuser = user.is_staff = True
    user.set_password({env["LOAD_PASSWORD"]!r})
    user.save()
story = next(s for s in StoryPage.objects.live() if s.url == {story_url!r})
topic = story.story_topics.first().topic_id
other = (
    StoryPage.objects.live().filter(locale=story.locale, story_topics__topic=topic)
    .exclude(pk=story.pk).order_by("-published_at").first()
)


{DESCRIBED}
print(json.dumps([described(story), described(other)]))
"""
    return shell_json(env, script)


def revisions_of(env, story_id):
    script = (
        "from wagtail.models import Revision\n"
        f"revisions = Revision.page_revisions.filter(object_id='{story_id}')\n"
        "import json\n"
        "print(json.dumps([r.content['title'] for r in revisions]))"
    )
    return shell_json(env, script)


def load(label, root, env, args, addresses, stories, desk_pool):
    """One run of the load against the code at `root`: readers' and editors' tallies."""
    flush_redis(args.redis)
    readers, desk = Tally(), Desk()
    threads_option = ("--threads", str(args.threads), "--worker-class", "gthread")
    with ExitStack() as stack:
        share = None
        if desk_pool:  # the readers' server and client, and the task worker, behind the desk
            share = stack.enter_context(
                LowerShare("meridian-readers", args.readers_weight, args.readers_nice)
            )
        served = stack.enter_context(
            Gunicorn(
                "config.wsgi",
                args.port,
                env,
                args.workers,
                options=threads_option,
                root=root,
                share=share,
            )
        )
        admin = served
        if desk_pool:
            # The desk's own app server, as deployed: the proxy sends /admin/ there.
            admin = stack.enter_context(
                Gunicorn(
                    "config.wsgi",
                    args.port + 1,
                    env,
                    workers=1,
                    options=("--threads", "4", "--worker-class", "gthread"),
                    root=root,
                )
            )
        stack.enter_context(
            TaskWorker(env, Path(env["MEDIA_ROOT"]).parent / "worker.log", root, share=share)
        )
        print(
            f"{label}: {args.readers} readers and {len(EDITORS)} editors for {args.seconds} s "
            f"({args.workers} workers x {args.threads} threads for readers"
            + (f", 1 x 4 for the desk; readers in {share.how}" if desk_pool else ", the desk's too")
            + ") ...",
            flush=True,
        )
        deadline = time.monotonic() + args.seconds
        pool = stack.enter_context(
            ProcessPoolExecutor(READER_PROCESSES, mp_context=multiprocessing.get_context("fork"))
        )
        readers_done = start_readers(
            pool, served.base_url, addresses, deadline, args.readers, share
        )
        threads = start_editors(
            admin.base_url,
            [served.base_url],
            env["LOAD_PASSWORD"],
            stories,
            deadline,
            desk,
            args.think,
        )
        for thread in threads:
            thread.join()
        for done in readers_done:
            readers.merge(done.result())
    return readers, desk


def report(env, readers, desk):
    """Prints the run's figures; whether it failed."""
    lost = []
    for story_id, titles in desk.acknowledged.items():
        stored = revisions_of(env, story_id)
        lost += [title for title in titles if title not in stored]
    print(readers.line("readers"))
    for text in readers.cache_lines():
        print(text)
    for text in desk.lines():
        print(text)
    saves = sum(len(titles) for titles in desk.acknowledged.values())
    print(f"  saves acknowledged {saves}, lost {len(lost)}")
    for error in sorted(set(readers.errors + desk.errors))[:20]:
        print(f"  error: {error}")
    late = [s for s in desk.visible if s is None or s > VISIBLE_WITHIN]
    return bool(readers.errors or desk.errors or lost or not saves or late)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--stories", type=int, default=1000, help="the archive's size")
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8, help="gunicorn threads per worker")
    parser.add_argument(
        "--think", type=float, default=5.0, help="an editor's seconds between answer and click"
    )
    parser.add_argument("--port", type=int, default=8110)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/6")
    parser.add_argument("--baseline", help="a git revision to load first, for comparison")
    parser.add_argument("--one-pool", action="store_true", help="also: admin on readers' server")
    parser.add_argument(
        "--readers-weight",
        type=int,
        default=20,
        help="the readers' server's and client's CPU weight (systemd's scale), where cgroups allow",
    )
    parser.add_argument(
        "--readers-nice",
        type=int,
        default=10,
        help="their niceness where cgroups are not allowed",
    )
    args = parser.parse_args()

    base_env = served_env(args.port, args.redis, "load")
    base_env["LOAD_PASSWORD"] = secrets.token_urlsafe(16)
    env = Archive(args.stories, 200, args.postgres).build(base_env)
    urls = discover(env)
    addresses = readers_addresses(env)
    stories = prepare(env, urls["story"])

    runs = [("today", ROOT, True)]
    if args.one_pool:
        runs.insert(0, ("today, one pool", ROOT, False))
    baseline = checkout(args.baseline, env) if args.baseline else None
    if baseline:
        runs.insert(0, (f"baseline {args.baseline}", baseline, False))
    failed = False
    try:
        for label, root, desk_pool in runs:
            readers, desk = load(label, root, env, args, addresses, stories, desk_pool)
            failed |= report(env, readers, desk)
    finally:
        if baseline:
            remove(baseline)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
