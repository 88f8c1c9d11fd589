"""The upgrade path across the apps' restructure (issue 27), checked as a site would take it.

A database is migrated and filled with the demo by the code of BASE, the last commit before
the restructure (models moved between apps with state-only migrations: MagazineSettings from
home to editions). Every reader page the demo has is crawled and its HTML kept. The same
database is then migrated by this checkout's code, which serves every one of those pages
again: each must answer as before, and, with --same-html, with the same HTML (whitespace
between tags, per-response nonces and tokens aside).

    .venv/bin/python scripts/check_upgrade.py [--same-html] [--keep]

It needs the repository's history (BASE is read with `git archive`) and this checkout's venv
(BASE's locked dependencies are the same). The database is SQLite, in a temporary folder:
the moved models' migrations do nothing to tables, on any database. Exit status 1 when a page
differs or fails.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BASE = "8aef20b6fb68722f526e06fb2a6674944e363673"
REPOSITORY = Path(__file__).resolve().parent.parent

# Run inside a code tree (its folder is the working directory): crawl the site from its
# editions' home pages through every link to a reader page, and print {path: [status, html]}.
CRAWL = r"""
import json, os, re, sys
from html.parser import HTMLParser
from urllib.parse import urlsplit
sys.path.insert(0, os.getcwd())
import django
django.setup()
from django.test import Client
from wagtail.models import Page

class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []
    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag in ("a", "link") else None
        if href:
            self.found.append(href)

SKIP = ("/admin/", "/static/", "/media/", "/documents/")
client = Client(HTTP_HOST="127.0.0.1:8000")
queue = ["/", "/robots.txt", "/sitemap.xml"]
queue += [page.url for page in Page.objects.filter(depth=2).live().specific()]
seen, pages = set(), {}
while queue:
    path = queue.pop(0)
    if path in seen or not path.startswith("/") or path.startswith(SKIP):
        continue
    seen.add(path)
    response = client.get(path)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    body = content.decode("utf-8", "replace")
    pages[path] = [response.status_code, body]
    found = []
    if response.status_code == 200 and "html" in response.get("Content-Type", ""):
        parser = Links()
        parser.feed(body)
        found = parser.found
    elif response.status_code == 200 and "xml" in response.get("Content-Type", ""):
        found = re.findall(r"<loc>([^<]+)</loc>", body)  # sitemaps, and the pages they list
    for href in found:
        parts = urlsplit(href)
        if parts.netloc in ("", "127.0.0.1:8000", "testserver") and not parts.query:
            queue.append(parts.path)
print(json.dumps(pages))
"""

# What differs between two responses of the same page by design, not by code.
VOLATILE = [
    (re.compile(r'nonce="[^"]*"'), 'nonce=""'),
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"'), 'name="csrfmiddlewaretoken"'),
    (re.compile(r">\s+<"), "><"),
    (re.compile(r"\s+"), " "),
]


def normalised(html):
    for pattern, replacement in VOLATILE:
        html = pattern.sub(replacement, html)
    return html.strip()


def run(command, cwd, environment, capture=False):
    result = subprocess.run(
        command, cwd=cwd, env=environment, text=True, capture_output=True, timeout=1800
    )
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed in {cwd}:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--same-html", action="store_true", help="pages must not change")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    options = parser.parse_args()

    python = sys.executable
    folder = Path(tempfile.mkdtemp(prefix="meridian-upgrade-"))
    old = folder / "base"
    old.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(REPOSITORY), "archive", BASE], capture_output=True, timeout=300
    )
    if archive.returncode != 0:
        sys.exit(f"BASE {BASE[:10]} is not in this checkout's history (a shallow clone?)")
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))},
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000",
    }
    try:
        print(f"BASE {BASE[:10]}: migrate, load the demo, crawl", flush=True)
        for command in (["migrate", "--noinput"], ["compile_catalogues"], ["load_demo"]):
            run([python, "manage.py", *command], old, environment)
        before = json.loads(run([python, "-c", CRAWL], old, environment))

        print(f"this checkout: migrate the same database, crawl {len(before)} pages", flush=True)
        run([python, "manage.py", "migrate", "--noinput"], REPOSITORY, environment)
        run([python, "manage.py", "compile_catalogues"], REPOSITORY, environment)
        after = json.loads(run([python, "-c", CRAWL], REPOSITORY, environment))
    finally:
        if not options.keep:
            shutil.rmtree(folder, ignore_errors=True)

    failures = []
    for path, (status, html) in sorted(before.items()):
        if path not in after:
            failures.append(f"{path}: not reached after the upgrade")
            continue
        new_status, new_html = after[path]
        if new_status != status:
            failures.append(f"{path}: {status} before, {new_status} after")
        elif options.same_html and normalised(new_html) != normalised(html):
            failures.append(f"{path}: the HTML differs")
    statuses = sorted({status for status, _html in before.values()})
    print(
        f"{len(before)} pages crawled before ({', '.join(map(str, statuses))}), "
        f"{len(after)} after; {len(failures)} differ"
    )
    for failure in failures:
        print("  " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
