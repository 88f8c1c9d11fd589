"""A translator's clicks, timed: start a translation, open the editor, save segments, submit.

Run through `bench/translate`. It serves the 1,000-story archive of bench/serve (built there
once, or here if missing) with gunicorn and the production settings (PostgreSQL, Redis) on
127.0.0.1, signs in as a French translator and, on a Russian original nobody has translated
into French yet, times each step as the translation editor makes it: the Translate form,
the editor page, every segment saved (each several times, as a translator revises), and
"Submit for review". It prints p50, p95 and the slowest of each, and whether a segment save
answers in under 300 ms at the 95th percentile (the desk's target). Not a test.
"""

import argparse
import http.cookiejar
import re
import secrets
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

from load import LoopbackCookiePolicy
from local_server import Gunicorn, served_env, shell_json
from serve import Archive

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TARGET_MS = 300
TRANSLATOR = "bench-translator"


def prepare(env):
    """A French translator, and a live Russian original with no French version (any earlier
    run's is removed), as JSON."""
    script = f"""
import io, json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Locale, Page
from stories.models import StoryPage
from translations import desk

call_command("setup_groups", stdout=io.StringIO())
user, _ = get_user_model().objects.get_or_create(username={TRANSLATOR!r})
user.set_password({env["BENCH_PASSWORD"]!r})
user.save()
user.groups.add(Group.objects.get(name="Translators (French)"))
french = Locale.objects.get(language_code="fr")
story = next(
    s for s in desk.originals(StoryPage.objects.live().filter(locale__language_code="ru"))
    if s.body
)
for page in Page.objects.filter(translation_key=story.translation_key, locale=french):
    page.delete()
print(json.dumps({{"id": story.pk, "title": story.title, "locale": french.pk}}))
"""
    return shell_json(env, script)


def segments(env, page_id):
    """The French translation's id and its string segments' editing addresses."""
    script = f"""
import json
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

story = Page.objects.get(pk={page_id})
source = TranslationSource.objects.get_for_instance(story)
translation = Translation.objects.get(source=source, target_locale__language_code="fr")
urls = [
    reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    for segment in StringSegment.objects.filter(source=source).order_by("order")
]
french = story.get_translation(translation.target_locale)
print(json.dumps({{"translation": translation.pk, "page": french.pk, "urls": urls}}))
"""
    return shell_json(env, script)


class Client:
    def __init__(self, base_url):
        self.base_url = base_url
        self.jar = http.cookiejar.CookieJar(LoopbackCookiePolicy())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.times = {}

    def csrf(self):
        return next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")

    def send(self, label, path, data=None, method=None, headers=None):
        request = urllib.request.Request(
            self.base_url + path, data=data, method=method, headers=headers or {}
        )
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=60) as response:
                body, status = response.read().decode(), response.status
        except urllib.error.HTTPError as error:
            body, status = error.read().decode(), error.code
        seconds = time.monotonic() - started
        if label:
            self.times.setdefault(label, []).append(seconds)
        if status >= 400:
            raise SystemExit(f"{label or path}: HTTP {status}")
        return body

    def form(self, label, path, fields):
        page = self.send(None, path)
        fields = {"csrfmiddlewaretoken": TOKEN.search(page)[1], **fields}
        return self.send(label, path, urllib.parse.urlencode(fields, doseq=True).encode())

    def put(self, label, path, value):
        boundary = uuid.uuid4().hex
        body = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="value"\r\n\r\n'
            f"{value}\r\n--{boundary}--\r\n"
        ).encode()
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "X-CSRFToken": self.csrf(),
        }
        return self.send(label, path, body, method="PUT", headers=headers)


def report(times):
    for label, samples in times.items():
        ordered = sorted(samples)
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        print(
            f"{label:22} {len(ordered):4} x  p50 {statistics.median(ordered) * 1000:7.1f} ms"
            f"  p95 {p95 * 1000:7.1f} ms  slowest {ordered[-1] * 1000:7.1f} ms"
        )
    saves = sorted(times["segment save"])
    p95 = saves[min(len(saves) - 1, int(0.95 * len(saves)))] * 1000
    verdict = "met" if p95 < TARGET_MS else "MISSED"
    print(f"Segment save p95 {p95:.0f} ms, target under {TARGET_MS} ms: {verdict}")
    return p95 < TARGET_MS


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="saves of each segment")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8120)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/7")
    args = parser.parse_args()

    base_env = served_env(args.port, args.redis, "translate")
    base_env["BENCH_PASSWORD"] = secrets.token_urlsafe(16)
    # Submitting notifies the copy desk by e-mail; this machine has no mail server to time.
    base_env["EMAIL_BACKEND"] = "django.core.mail.backends.dummy.EmailBackend"
    env = Archive(1000, 200, args.postgres).build(base_env)
    story = prepare(env)
    with Gunicorn("config.wsgi", args.port, env, workers=args.workers) as server:
        client = Client(server.base_url)
        client.form(
            None,
            "/admin/login/",
            {"username": TRANSLATOR, "password": env["BENCH_PASSWORD"]},
        )
        print(f"Translating “{story['title']}” into French on {server.base_url} ...")
        client.form(
            "start a translation",
            f"/admin/localize/submit/page/{story['id']}/",
            {"locales": [story["locale"]]},
        )
        found = segments(env, story["id"])
        editor = f"/admin/pages/{found['page']}/edit/"
        for _ in range(5):
            client.send("open the editor", editor)
        for round_ in range(args.rounds):
            for n, url in enumerate(found["urls"]):
                client.put("segment save", url, f"Texte français {n}, version {round_ + 1}")
        page = client.send(None, editor)  # for its CSRF token, as the footer's form has it
        client.send(
            "submit for review",
            f"/admin/translation/{found['translation']}/submit-for-review/",
            urllib.parse.urlencode({"csrfmiddlewaretoken": TOKEN.search(page)[1]}).encode(),
        )
    sys.exit(0 if report(client.times) else 1)


if __name__ == "__main__":
    main()
