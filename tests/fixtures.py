"""The fixtures every suite shares, the apps' (`<app>/tests/`) and the cross-app ones
(`tests/`): registered by the root conftest.py."""

from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from config.cache import _breakers
from editions.factories import LocaleFactory
from home.factories import HomePageFactory
from stories.factories import (
    BriefingIndexPageFactory,
    SectionPageFactory,
    TopicIndexPageFactory,
    TopicPageFactory,
)
from translations.operations import translate

from .support import (
    ROLES,
    PolicyWatchedBrowser,
    chromium_path,
    copy_translation,
    fake_translation,
    newsroom_user,
)


@pytest.fixture(autouse=True)
def empty_cache():
    """The cache outlives each test's database: cached settings, menus or pages of one test
    must not show in the next; nor a Redis one test made unreachable pause the next's calls."""
    _breakers.clear()
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


@pytest.fixture
def staff(tree):
    """{role: user} for each of ROLES but anonymous (tests.support.newsroom_user)."""
    return {role: newsroom_user(role) for role in ROLES[1:]}


@pytest.fixture
def signed_in(client, db):
    """signed_in(role) -> the test client, signed in as a new account in that newsroom role
    (tests.support.newsroom_user)."""

    def sign_in(role, username=None):
        client.force_login(newsroom_user(role, username))
        return client

    return sign_in


@pytest.fixture
def french_translator(tree, signed_in):
    return signed_in("translator_fr", "claire")


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
