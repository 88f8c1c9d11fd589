"""What the suites share besides fixtures: running manage.py as an operator does, failing
in CI where a skip would hide a missing service, the newsroom's roles, the story form's
data, a translated copy of a page, and signing in through Chromium."""

import io
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache.backends import locmem
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from newsroom.groups import setup_groups

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
BASE_DIR = Path(__file__).resolve().parent.parent


def manage(*args, env=None, cwd=BASE_DIR, timeout=120):
    """`manage.py *args` in a new process, as an operator runs it, with `env` for the whole
    environment (this one's by default); its output as text."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=cwd,
        env=os.environ if env is None else env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def missing(what):
    """A tool or service a test needs is missing: a failure in CI, a skip elsewhere."""
    if IN_CI:
        pytest.fail(f"CI=true but {what}")
    pytest.skip(f"{what}: skipped outside CI")


def require_postgresql(connection):
    """A test of PostgreSQL's own behaviour: a failure in CI without it, a skip elsewhere."""
    if connection.vendor != "postgresql":
        missing("the test database is not PostgreSQL (DATABASE_URL)")


@contextmanager
def counting_reads():
    """The keys the tests' cache reads beneath config.cache.ReadOnce, in order."""
    reads, read = [], locmem.LocMemCache.get

    def get(self, key, *args, **kwargs):
        reads.append(key)
        return read(self, key, *args, **kwargs)

    with mock.patch.object(locmem.LocMemCache, "get", get):
        yield reads


# The task queue as in production: work waits in the database for `work_the_queue`.
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def work_the_queue():
    """Do every task that is due, as `db_worker` would."""
    # The worker closes connections it finds outside autocommit, as a test's transaction is:
    # here it shares the test's connection instead.
    with mock.patch(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    ):
        call_command("db_worker", batch=True, no_startup_delay=True, stdout=io.StringIO())


def fake_translation(language_code):
    """A stand-in translator: slugs get a suffix, text gets a language tag."""

    def translate_text(text):
        if text == slugify(text):
            return f"{text}-{language_code}"
        return f"[{language_code}] {text}"

    return translate_text


def copy_translation(page, language_code):
    """A translated copy, titled and slugged as fake_translation would: the site tree every
    test starts from. Copying is several times faster than a wagtail-localize round trip;
    tests of translation itself translate their own pages with `translate_page`."""
    translate_text = fake_translation(language_code)
    copy = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    copy.title = translate_text(page.title)
    copy.slug = translate_text(page.slug)
    copy.save_revision().publish()
    return type(copy).objects.get(pk=copy.pk)


# What a browser asks for when it opens an address: libraries answer it with pages of their own.
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

# Everyone the permission tests sign in as, from nobody to the administrator.
ROLES = ("anonymous", "reader", "editor", "moderator", "translator_fr", "translator_en", "admin")
ROLE_GROUPS = {
    "editor": "Editors",
    "moderator": "Moderators",
    "translator_fr": "Translators (French)",
    "translator_en": "Translators (English)",
}


def newsroom_user(role, username=None, **fields):
    """A new account in the newsroom `role` (one of ROLES but anonymous), password "pw":
    "admin" is a superuser, "reader" has an account and no admin access, the others are in
    the groups `setup_groups` makes. `fields` are the user's others (first_name...)."""
    users, username = get_user_model().objects, username or role
    if role == "admin":
        return users.create_superuser(username, f"{username}@example.com", "pw", **fields)
    user = users.create_user(username, f"{username}@example.com", "pw", **fields)
    if group := ROLE_GROUPS.get(role):
        # Wagtail's migrations already make "Editors" and "Moderators"; the translators'
        # groups, like the copy desk's workflow, come from setup_groups alone: run it once.
        if not Group.objects.filter(name=ROLE_GROUPS["translator_en"]).exists():
            setup_groups()
        user.groups.add(Group.objects.get(name=group))
    return user


def story_form(*, body, topics, action="action-publish", **fields):
    """The story edit form's POST data: `body` as (block type, value) pairs, `topics` as the
    topic formset's rows, `action` the button pressed; `fields` set the rest (title, slug,
    summary...), empty by default as a new form leaves them."""
    return nested_form_data(
        {
            "title": "Ferry halted",
            "slug": "ferry-halted",
            "standfirst": "",
            "summary": "",
            "dateline": "",
            "lead_video_url": "",
            "body": streamfield(body),
            "story_topics": inline_formset(topics),
            "bylines": inline_formset([]),
            "partner_credits": inline_formset([]),
            action: "1",
            **fields,
        }
    )


def edited_story_form(page, title, action):
    """`page`'s edit form sent with a new title, its first topic and a one-paragraph body."""
    return story_form(
        title=title,
        slug=page.slug,
        body=[("paragraph", rich_text("<p>Le bac est arrêté.</p>"))],
        topics=[{"topic": page.story_topics.first().topic_id}],
        action=action,
    )


def chromium_path():
    """Debian's Chromium. In CI a missing browser fails the browser tests; locally they skip."""
    path = shutil.which("chromium") or (
        "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None
    )
    if path is None:
        missing("Debian's chromium is not installed (apt-get install chromium)")
    return path


class PolicyWatchedBrowser:
    """The browser, with every page's console watched for Content-Security-Policy refusals."""

    def __init__(self, browser):
        self.browser = browser
        self.violations = []

    def new_context(self, **options):
        context = self.browser.new_context(**options)
        context.on("console", self.note)
        return context

    def new_page(self, **options):
        return self.new_context(**options).new_page()

    def note(self, message):
        if "Content Security Policy" in message.text:
            self.violations.append(f"{message.page.url if message.page else ''}: {message.text}")


def log_in(browser, base_url, username):
    page = browser.new_context().new_page()
    page.goto(base_url + reverse("wagtailadmin_login"))
    page.fill("#id_username", username)
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.wait_for_url(base_url + reverse("wagtailadmin_home"))
    return page


def soup_of(client, url):
    """The page at `url`, answered 200, parsed."""
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@contextmanager
def rendition_reads():
    """What the block reads of renditions: `.reads`, the rendition cache's reads (each a
    list of keys), and `.queries`, its queries of the renditions' table."""
    rendition = get_image_model().get_rendition_model()
    seen = SimpleNamespace(reads=[], queries=[])
    backend = rendition.cache_backend
    get_many = backend.get_many

    def read(keys, *args, **kwargs):
        if all(key.startswith("wagtail-rendition-") for key in keys):
            seen.reads.append(list(keys))
        return get_many(keys, *args, **kwargs)

    with (
        mock.patch.object(backend, "get_many", read),
        CaptureQueriesContext(connection) as queries,
    ):
        yield seen
    seen.queries = [q for q in queries if rendition._meta.db_table in q["sql"]]
