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
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.cache.backends import locmem
from django.core.management import call_command
from django.db import connections
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from translations.operations import translate

from .factories import (
    BriefingIndexPageFactory,
    HomePageFactory,
    LocaleFactory,
    SectionPageFactory,
    TopicIndexPageFactory,
    TopicPageFactory,
)
from .feed_server import feeds  # noqa: F401 -- a fixture: partners' feeds on 127.0.0.1

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


@pytest.fixture(autouse=True)
def empty_cache():
    """The cache outlives each test's database: cached settings, menus or pages of one test
    must not show in the next."""
    cache.clear()


@pytest.fixture
def page_cache(settings):
    """The page cache on, as in production (test settings turn it off), on one clock."""
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_CLOCK_SKEW = 0


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in English: a request to /fr/ leaves French active in the thread."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


def fake_translation(language_code):
    """A stand-in translator: slugs get a suffix, text gets a language tag."""

    def translate_text(text):
        if text == slugify(text):
            return f"{text}-{language_code}"
        return f"[{language_code}] {text}"

    return translate_text


@pytest.fixture
def translate_page(django_capture_on_commit_callbacks):
    """Translate through wagtail-localize and run its on-commit publishing."""

    def _translate(instance, language_code, strings=None, edition_fields=None):
        with django_capture_on_commit_callbacks(execute=True):
            translated = translate(
                instance,
                language_code,
                strings or fake_translation(language_code),
                edition_fields=edition_fields,
            )
        # Publishing ran in the on-commit callbacks: read the object as they left it.
        return type(translated).objects.get(pk=translated.pk)

    return _translate


@pytest.fixture
def locales(db):
    return {code: LocaleFactory(language_code=code) for code in ("en", "fr", "ru")}


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


@pytest.fixture
def tree(locales):
    """An English site tree, translated into French and Russian as editors would.

    Built without Wagtail's reference index, a quarter of its cost: these pages refer to
    nothing the index records, and what tests add to the tree is indexed as it is saved."""
    with disable_reference_index_auto_update():
        return build_tree(locales)


def build_tree(locales):
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    home = HomePageFactory(parent=root, locale=locales["en"])
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    topic_index = TopicIndexPageFactory(parent=home)
    topics = [TopicPageFactory(parent=topic_index, title=t) for t in ("Drones", "Energy")]
    section = SectionPageFactory(parent=home, title="World Affairs")
    briefing_index = BriefingIndexPageFactory(parent=home)
    pages = [home, topic_index, *topics, section, briefing_index]
    translations = {code: [copy_translation(page, code) for page in pages] for code in ("fr", "ru")}
    return SimpleNamespace(
        home=home,
        topic_index=topic_index,
        topics=topics,
        section=section,
        briefing_index=briefing_index,
        fr=SimpleNamespace(
            **dict(
                zip(
                    ("home", "topic_index", "topic", "topic2", "section", "briefing_index"),
                    translations["fr"],
                    strict=True,
                )
            )
        ),
        ru=SimpleNamespace(
            **dict(
                zip(
                    ("home", "topic_index", "topic", "topic2", "section", "briefing_index"),
                    translations["ru"],
                    strict=True,
                )
            )
        ),
    )


# Everyone the permission tests sign in as, from nobody to the administrator.
ROLES = ("anonymous", "reader", "editor", "moderator", "translator_fr", "translator_en", "admin")
ROLE_GROUPS = {
    "editor": "Editors",
    "moderator": "Moderators",
    "translator_fr": "Translators (French)",
    "translator_en": "Translators (English)",
}


@pytest.fixture
def staff(tree, django_user_model):
    """{role: user} for each of ROLES but anonymous, in the newsroom's groups; "reader" has
    an account and no admin access."""
    call_command("setup_groups", stdout=io.StringIO())
    users = {}
    for role in ROLES[1:]:
        if role == "admin":
            user = django_user_model.objects.create_superuser(role, f"{role}@example.com", "pw")
        else:
            user = django_user_model.objects.create_user(role, f"{role}@example.com", "pw")
        if role in ROLE_GROUPS:
            user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
        users[role] = user
    return users


@pytest.fixture
def french_translator(client, tree, django_user_model):
    call_command("setup_groups", stdout=io.StringIO())
    user = django_user_model.objects.create_user("claire", "claire@example.com", "pw")
    user.groups.add(Group.objects.get(name="Translators (French)"))
    client.force_login(user)
    return client


@pytest.fixture
def no_cache(settings):
    """Count the queries of a cold cache: cached renditions or site roots hide N+1s."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.fixture
def media_on_disk(settings, tmp_path):
    """Uploads on a real disk, as in production: Wagtail serves documents from a file's path,
    which the test settings' in-memory storage claims to have and does not."""
    settings.STORAGES = settings.STORAGES | {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    }
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def search_index(settings):
    """Index pages as they are saved, as the site does (test settings turn it off)."""
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}


def chromium_path():
    """Debian's Chromium. In CI a missing browser fails the browser tests; locally they skip."""
    path = shutil.which("chromium") or (
        "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None
    )
    if path is None:
        missing("Debian's chromium is not installed (apt-get install chromium)")
    return path


@pytest.fixture
def browser(monkeypatch):
    executable = chromium_path()
    # Playwright's sync API runs an event loop in this thread; the ORM work of these
    # tests happens before and after it, never concurrently.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        watched = PolicyWatchedBrowser(browser)
        yield watched
        # While Playwright's event loop runs in this thread, Django's connections live in
        # another store (asgiref's Local follows the loop): the test's own connection, which
        # pytest-django never sees to close, would keep the test database from being dropped.
        connections.close_all()
        browser.close()
    # Every page of every browser test, the reader's and the editor's, ran under its
    # Content-Security-Policy without the browser refusing anything.
    assert watched.violations == []


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
