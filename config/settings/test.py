from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Straight to the outbox: the queued backend's own tests (config/tests/test_mail.py) go
# through the queue.
EMAIL_BACKEND = EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
STORAGES["default"] = {"BACKEND": "django.core.files.storage.InMemoryStorage"}  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files from the finders: tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Keeping the search index up to date on every save is a third of the cost of building a
# test's pages; tests that search turn it on with the `search_index` fixture.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
}
# Tests build pages with factories, which do not publish (nor purge): the tests of the page
# cache turn it on with the `page_cache` fixture.
PAGE_CACHE_ENABLED = False
FRAGMENT_CACHE_ENABLED = False
# A test's transaction never commits, so its purges stay pending (pagecache.purge): readers'
# requests do not replay them here unless a test asks (None: only on demand).
PAGE_CACHE_REPLAY_INTERVAL = None
# Tasks run at once here (below): pages made again inside the test's change would hide
# what it purged. The tests of making again turn it on.
PAGE_CACHE_REWARM = False
# The demo's pictures drawn small: every size of 35 large ones is a minute of encoding.
DEMO_PICTURE_WIDTH = 240
# Tasks run as they are enqueued, so a test sees their work without a worker; the tests of
# the queue itself (config/tests/test_tasks.py) switch to the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Django's local-memory cache forgets beyond 300 entries, which a page of thirty pictures in
# three formats and three widths reaches: the shared cache in production has no such limit.
CACHES = {
    "default": {
        "BACKEND": "config.cache.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}
