"""A change made outside the web process (a management command, an operator's shell) on
the shared cache is seen by the web process at once, not when its entries expire."""

import os

import pytest
import redis
from django.db import connection

from config.tests.test_settings import GOOD_SECRET, manage_in_production
from tests.support import missing, require_postgresql

# A Redis database of its own: the test empties it.
REDIS_URL = os.environ.get("TEST_CROSS_PROCESS_REDIS_URL", "redis://127.0.0.1:6379/6")

NEW_EDITION = """
from home.models import HomePage
from wagtail.models import Locale
ukrainian = Locale.objects.create(language_code="uk")
home = HomePage.objects.get(depth=2, locale__language_code="en")
home.copy_for_translation(ukrainian).save_revision().publish()
"""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_language_tree_made_from_a_shell_is_served_at_once(client, tree, settings):
    require_postgresql(connection)
    server = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        server.flushdb()
    except redis.ConnectionError:
        missing(f"no Redis at {REDIS_URL}")
    # This process as the web server: production's cache, the same Redis as the shell's.
    settings.CACHES = {"default": {"BACKEND": "config.cache.RedisCache", "LOCATION": REDIS_URL}}
    try:
        assert client.get("/uk/").status_code == 404  # "no Ukrainian edition", now cached
        db = connection.settings_dict
        result = manage_in_production(
            "shell",
            "-c",
            NEW_EDITION,
            SECRET_KEY=GOOD_SECRET,
            ALLOWED_HOSTS="localhost",
            REDIS_URL=REDIS_URL,
            DATABASE_URL=(
                f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
                f"/{db['NAME']}"
            ),
        )
        assert result.returncode == 0, result.stderr
        response = client.get("/uk/")
        assert response.status_code == 200
        assert response.content.decode().count('lang="uk"') >= 1
    finally:
        server.flushdb()
