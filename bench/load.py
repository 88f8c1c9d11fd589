"""A breaking story's day, bounded: 50 readers and 2 editors at once, for 2 minutes.

Run through `bench/load`. It serves the 1,000-story archive of bench/serve (built there
once, or here if missing) with gunicorn and the production settings (PostgreSQL, Redis,
the page cache on) on 127.0.0.1. Readers loop over the front page, a topic, a section, the
story being edited, search and a feed; both editors sign in to the admin and save and
publish that same story, in turn, as fast as the admin answers them. It prints requests,
errors and latency (p50, p95, p99) for readers and editors, and checks that every save the
admin acknowledged is a revision of the story. Exits 1 on any error or lost revision.
"""

import argparse
import http.cookiejar
import re
import secrets
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from local_server import Gunicorn, served_env, shell_json
from serve import Archive, discover, flush_redis

EDITORS = ("desk-one", "desk-two")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def request(opener, url, data=None):
    """(status, seconds, body) of one request; status 0 when the server did not answer."""
    started = time.monotonic()
    try:
        with opener.open(url, data=data, timeout=30) as response:
            body = response.read().decode()
            return response.status, time.monotonic() - started, body
    except urllib.error.HTTPError as error:
        return error.code, time.monotonic() - started, ""
    except OSError:
        return 0, time.monotonic() - started, ""


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.errors = []

    def add(self, label, status, seconds, ok):
        with self.lock:
            self.latencies.append(seconds)
            if not ok:
                self.errors.append(f"{label}: {status}")

    def line(self, name):
        if not self.latencies:
            return f"{name:8} no requests"
        ordered = sorted(self.latencies)

        def at(q):
            return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

        return (
            f"{name:8} {len(ordered):7} requests  {len(self.errors):4} errors  "
            f"p50 {at(0.50):7.1f} ms  p95 {at(0.95):7.1f} ms  p99 {at(0.99):7.1f} ms  "
            f"mean {statistics.fmean(ordered) * 1000:7.1f} ms"
        )


def reader(base_url, urls, deadline, tally, offset):
    opener = urllib.request.build_opener()
    n = offset
    while time.monotonic() < deadline:
        url = urls[n % len(urls)]
        n += 1
        status, seconds, _body = request(opener, base_url + url)
        tally.add(url, status, seconds, status == 200)


class LoopbackCookiePolicy(http.cookiejar.DefaultCookiePolicy):
    """Sends the admin's Secure cookies back over loopback's plain HTTP, as a browser would
    over the HTTPS the production settings expect."""

    def return_ok_secure(self, cookie, request):
        return True


def editor(base_url, username, password, story, deadline, tally, acknowledged):
    """Signs in, then saves and publishes the story in turn until the deadline."""
    jar = http.cookiejar.CookieJar(LoopbackCookiePolicy())
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = f"{base_url}/admin/login/"
    status, seconds, body = request(opener, login)
    data = {"username": username, "password": password}
    data["csrfmiddlewaretoken"] = TOKEN.search(body)[1]
    status, seconds, body = request(opener, login, urllib.parse.urlencode(data).encode())
    tally.add("login", status, seconds, status == 200 and 'id="id_password"' not in body)
    edit_url = f"{base_url}/admin/pages/{story['id']}/edit/"
    n = 0
    while time.monotonic() < deadline:
        n += 1
        status, seconds, body = request(opener, edit_url)
        tally.add("edit form", status, seconds, status == 200)
        token = TOKEN.search(body)
        if not token:
            continue
        action = "action-publish" if n % 2 else "action-draft"
        form = story["form"] | {
            "title": f"{story['title']} ({username}, save {n})",
            "csrfmiddlewaretoken": token[1],
            action: "1",
        }
        status, seconds, body = request(opener, edit_url, urllib.parse.urlencode(form).encode())
        # The admin answers a save with the edit page again (after a redirect) and a message.
        saved = status == 200 and ("has been published" in body or "has been updated" in body)
        tally.add(action, status, seconds, saved)
        if saved:
            acknowledged.append(form["title"])


def prepare(env, story_url):
    """Editors' accounts, and the story they edit with its form as the admin would post it."""
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
form = nested_form_data({{
    "title": story.title, "slug": story.slug, "standfirst": story.standfirst,
    "summary": story.summary, "dateline": story.dateline, "lead_video_url": "",
    "body": streamfield([("paragraph", rich_text("<p>The ferry runs again.</p>"))]),
    "story_topics": inline_formset([{{"topic": t.topic_id}} for t in story.story_topics.all()]),
    "bylines": inline_formset([{{"author": b.author_id or "", "partner": b.partner_id or ""}}
                               for b in story.bylines.all()]),
    "partner_credits": inline_formset([]),
}})
print(json.dumps({{"id": story.pk, "title": story.title, "form": form,
                  "revisions": story.revisions.count()}}))
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8, help="gunicorn threads per worker")
    parser.add_argument("--port", type=int, default=8110)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/6")
    args = parser.parse_args()

    base_env = served_env(args.port, args.redis, "load")
    base_env["LOAD_PASSWORD"] = secrets.token_urlsafe(16)
    env = Archive(1000, 200, args.postgres).build(base_env)
    urls = discover(env)
    story = prepare(env, urls["story"])
    readers_urls = [urls[k] for k in ("home", "topic", "section", "story", "search", "feed")]
    flush_redis(args.redis)
    server = Gunicorn(
        "config.wsgi",
        args.port,
        env,
        workers=args.workers,
        options=("--threads", str(args.threads), "--worker-class", "gthread"),
    )
    readers, editors, acknowledged = Tally(), Tally(), []
    with server:
        print(
            f"{args.readers} readers and {len(EDITORS)} editors for {args.seconds} s on "
            f"{server.base_url} ({args.workers} workers x {args.threads} threads) ...",
            flush=True,
        )
        deadline = time.monotonic() + args.seconds
        threads = [
            threading.Thread(
                target=reader, args=(server.base_url, readers_urls, deadline, readers, n)
            )
            for n in range(args.readers)
        ] + [
            threading.Thread(
                target=editor,
                args=(
                    server.base_url,
                    name,
                    env["LOAD_PASSWORD"],
                    story,
                    deadline,
                    editors,
                    acknowledged,
                ),
            )
            for name in EDITORS
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    stored = revisions_of(env, story["id"])
    lost = [title for title in acknowledged if title not in stored]
    print(readers.line("readers"))
    print(editors.line("editors"))
    print(
        f"saves acknowledged {len(acknowledged)}, revisions of the story "
        f"{len(stored) - story['revisions']} new, lost {len(lost)}"
    )
    for error in sorted(set(readers.errors + editors.errors))[:20]:
        print(f"  error: {error}")
    failed = readers.errors or editors.errors or lost or not acknowledged
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
