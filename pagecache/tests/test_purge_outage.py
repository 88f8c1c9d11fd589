"""A purge made while the cache cannot take it is kept in the database, the editor is told,
and readers get the change once the cache is back: an unpublished story never stays
public from the cache."""

import os
import uuid

import pytest
import redis
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from redis.exceptions import ConnectionError

from config.cache import RedisCacheClient
from pagecache.models import PendingPurge
from stories.factories import StoryPageFactory
from tests.support import missing

pytestmark = pytest.mark.django_db
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


@pytest.fixture
def redis_page_cache(settings, page_cache):
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.ConnectionError:
        missing(f"no Redis answers at {REDIS_URL}")
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": uuid.uuid4().hex,  # this test's own keys, whoever else uses the db
        }
    }
    settings.CACHE_RETRY_AFTER = 0  # the cache is asked again as soon as it is back
    settings.PAGE_CACHE_REPLAY_INTERVAL = 0  # and pending purges looked for on every read
    yield caches["default"]
    caches["default"].clear()


@pytest.fixture
def outage(monkeypatch):
    """Writes to Redis fail while `down` is set (reads still answer: a hiccup, or a
    connection of one process)."""
    state = {"down": False}
    set_many = RedisCacheClient.set_many

    def failing(self, *args, **kwargs):
        if state["down"]:
            raise ConnectionError("Redis hiccup")
        return set_many(self, *args, **kwargs)

    monkeypatch.setattr(RedisCacheClient, "set_many", failing)
    return state


def test_an_unpublish_during_an_outage_reaches_readers_when_the_cache_is_back(
    tree, redis_page_cache, outage, signed_in, django_capture_on_commit_callbacks
):
    story = StoryPageFactory(parent=tree.section, title="A claim the lawyers want gone")
    story.save_revision().publish()
    reader = Client()
    reader.get(tree.home.url)  # the magazine's settings made on a first request: a purge
    assert reader.get(story.url)["X-Page-Cache"] == "miss"
    assert reader.get(story.url)["X-Page-Cache"] == "hit"

    moderator = signed_in("moderator")
    outage["down"] = True
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(reverse("wagtailadmin_pages:unpublish", args=[story.pk]))
    assert response.status_code == 302
    assert PendingPurge.objects.count() == 1
    warnings = [m.message for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert warnings and "Readers may still see the previous version" in warnings[0]
    dashboard = moderator.get(reverse("wagtailadmin_home")).content.decode()
    assert "Readers may still see the previous version" in dashboard

    outage["down"] = False
    response = reader.get(story.url)
    assert response.status_code == 404
    assert response.get("X-Page-Cache") != "hit"
    assert PendingPurge.objects.count() == 0
    dashboard = moderator.get(reverse("wagtailadmin_home")).content.decode()
    assert "Readers may still see" not in dashboard


def test_purge_page_cache_reports_purges_it_cannot_apply(tree, redis_page_cache, outage):
    outage["down"] = True
    with pytest.raises(CommandError, match="purges still pending: "):
        call_command("purge_page_cache")
    outage["down"] = False
    call_command("purge_page_cache", "--pending")
    assert PendingPurge.objects.count() == 0
