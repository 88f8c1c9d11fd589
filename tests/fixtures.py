"""The fixtures every suite shares, the apps' (`<app>/tests/`) and the cross-app ones
(`tests/`): registered by the root conftest.py."""

from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from django.utils import translation
from pytest_django.plugin import blocking_manager_key
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


LANGUAGES = ("en", "fr", "ru")
TREE_PAGES = ("home", "topic_index", "topic", "topic2", "section", "briefing_index")


@pytest.fixture
def locales(db):
    return {code: LocaleFactory(language_code=code) for code in LANGUAGES}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as migrated, plus the site tree most tests start from (`tree`),
    committed once per test process: building it costs a second (eighteen pages published),
    which four hundred tests paid each. Tests run inside a transaction that is rolled back,
    so what they change of it is undone. Tests that do not ask for the tree see it too: they
    make their own pages beside it, as editors would on a site that has some already. Not
    when the process's first test commits: it starts from the database as migrated, and
    the tests after it build their own (`tree`)."""
    if _first_test_commits:
        return
    with django_db_blocker.unblock(), disable_reference_index_auto_update():
        shared = build_tree({code: LocaleFactory(language_code=code) for code in LANGUAGES})
    english = [shared.home, shared.topic_index, *shared.topics, shared.section]
    english.append(shared.briefing_index)
    _shared_tree.update(
        key=shared.home.translation_key,
        pks={
            "en": [page.pk for page in english],
            **{
                code: [getattr(getattr(shared, code), name).pk for name in TREE_PAGES]
                for code in ("fr", "ru")
            },
        },
    )


# What the session's tree is (django_db_setup), while it is in the database: a transactional
# test empties the database when it ends (Django's flush), and may not find the tree first.
_shared_tree = {}
# Whether the process's first test commits (pytest_runtest_setup runs before any fixture).
_first_test_commits = False
_tests_begun = False


def shared_tree_present():
    return bool(_shared_tree) and (
        Page.objects.filter(
            pk=_shared_tree["pks"]["en"][0], translation_key=_shared_tree["key"]
        ).exists()
    )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before a test that commits (transaction=True), the database as migrated: what it
    builds or loads (the demo) would otherwise sit beside the session's tree. Django's own
    flush, as at the end of such a test; its serialized rollback then restores what the
    migrations made."""
    marker = item.get_closest_marker("django_db")
    transactional = "transactional_db" in getattr(item, "fixturenames", ()) or (
        marker is not None and marker.kwargs.get("transaction")
    )
    global _first_test_commits, _tests_begun
    if not _tests_begun:
        _tests_begun = True
        _first_test_commits = bool(transactional)
    if transactional and _shared_tree:
        # As Django's flush after such a test: without the content types and permissions
        # that post_migrate would make again, under new keys, when the rollback restores them.
        restored = bool(marker and marker.kwargs.get("serialized_rollback"))
        with item.config.stash[blocking_manager_key].unblock():
            for alias in connections:
                call_command(
                    "flush",
                    database=alias,
                    interactive=False,
                    verbosity=0,
                    inhibit_post_migrate=restored,
                    reset_sequences=False,  # keys count on past the rows restored
                )
        _shared_tree.clear()


@pytest.fixture
def tree(locales):
    """An English site tree, translated into French and Russian as editors would: the
    session's (django_db_setup), read afresh, or built again where a test that commits
    emptied the database before this one."""
    if not shared_tree_present():
        with disable_reference_index_auto_update():
            return build_tree(locales)
    pks = _shared_tree["pks"]
    pages = Page.objects.filter(pk__in=[pk for group in pks.values() for pk in group])
    by_pk = {page.pk: page for page in pages.specific()}

    def named(code):
        return SimpleNamespace(
            **{name: by_pk[pk] for name, pk in zip(TREE_PAGES, pks[code], strict=True)}
        )

    english = named("en")
    return SimpleNamespace(
        home=english.home,
        topic_index=english.topic_index,
        topics=[english.topic, english.topic2],
        section=english.section,
        briefing_index=english.briefing_index,
        fr=named("fr"),
        ru=named("ru"),
    )


def build_tree(locales):
    """Built without Wagtail's reference index, a quarter of its cost: these pages refer to
    nothing the index records, and what tests add to the tree is indexed as it is saved."""
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
        **{
            code: SimpleNamespace(**dict(zip(TREE_PAGES, translations[code], strict=True)))
            for code in ("fr", "ru")
        },
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
