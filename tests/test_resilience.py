"""Health probes, the 503 page while the database is unreachable, and pages made afresh
while the cache is unreachable."""

import json
import socket

import pytest
from django.core.cache import caches
from django.db import OperationalError
from django.test import Client
from wagtail.models import Site

import config.cache
from config.cache import RedisCacheClient
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db
# A port nothing listens on: the cache is down.
DEAD_REDIS = {
    "default": {
        "BACKEND": "config.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


def test_liveness_answers_probes_by_address_over_plain_http(client):
    response = client.get("/healthz", HTTP_HOST="10.1.2.3")
    assert response.status_code == 200
    assert json.loads(response.content) == {"process": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_readiness_checks_the_database_and_the_cache(client):
    response = client.get("/readyz", HTTP_HOST="10.1.2.3")
    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "cache": "ok"}


def test_readiness_probes_at_the_same_moment_do_not_fail_each_other(client, monkeypatch):
    """Two app servers share one Redis, and a load balancer probes both at once: another
    probe's check runs between this one's write and its read."""
    shared, other = caches["default"], Client()
    answers = []

    class Interleaved:
        def __getattr__(self, name):
            return getattr(shared, name)

        def set(self, *args, **kwargs):
            shared.set(*args, **kwargs)
            if not answers:  # the other probe, once
                answers.append(None)
                answers[0] = other.get("/readyz").status_code

    monkeypatch.setattr("config.health.cache", Interleaved())
    response = client.get("/readyz")
    assert answers == [200] and response.status_code == 200


def test_readiness_names_an_unreachable_cache(client, settings):
    settings.CACHES = DEAD_REDIS
    response = client.get("/readyz")
    assert response.status_code == 503
    assert json.loads(response.content) == {"database": "ok", "cache": "unavailable"}


def test_readiness_names_an_unreachable_database(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("config.health.connection.cursor", refuse)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "unavailable"


def test_an_unreachable_database_gets_the_friendly_503_page(tree, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(Site, "find_for_request", refuse)
    for path, heading in (
        ("/en/", "We will be back shortly"),
        ("/fr/", "Nous revenons dans un instant"),
    ):
        response = Client(raise_request_exception=False).get(path)
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert "no-store" in response["Cache-Control"]
        assert heading in response.content.decode()


def test_other_errors_are_still_500(tree, monkeypatch):
    def fail(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(Site, "find_for_request", fail)
    response = Client(raise_request_exception=False).get("/en/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_reader_pages_are_made_afresh_while_the_cache_is_unreachable(
    client, tree, settings, page_cache
):
    story = StoryPageFactory(parent=tree.section, title="The ferry to Varensk")
    settings.CACHES = DEAD_REDIS
    for url in (tree.home.url, story.url, tree.topics[0].url, f"{tree.home.url}search/?q=ferry"):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response["X-Page-Cache"] != "hit"
    assert "The ferry to Varensk" in client.get(story.url).content.decode()


@pytest.fixture
def hung_redis():
    """A Redis address that accepts connections and never answers: the kernel completes
    each handshake into the listening socket's backlog; nobody reads."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"
    server.close()


def test_a_hung_redis_is_asked_once_then_left_alone_for_a_while(hung_redis, settings, monkeypatch):
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.RedisCache",
            "LOCATION": hung_redis,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    settings.CACHE_RETRY_AFTER = 30
    cache = caches["default"]
    asked = []
    original = RedisCacheClient.get_client
    monkeypatch.setattr(
        RedisCacheClient,
        "get_client",
        lambda self, *a, **kw: asked.append(1) or original(self, *a, **kw),
    )
    clock = [1000.0]
    monkeypatch.setattr(config.cache.time, "monotonic", lambda: clock[0])
    # A page's worth of calls: the first waits for its timeout, the rest miss at once.
    assert cache.get("story") is None
    for _ in range(20):
        assert cache.get("story", "missed") == "missed"
        cache.set("story", "page")
        assert cache.get_many(["a", "b"]) == {}
    assert len(asked) == 1
    clock[0] += 31  # the pause over, one call tries again, and fails
    assert cache.get("story") is None
    assert cache.get("story") is None
    assert len(asked) == 2
