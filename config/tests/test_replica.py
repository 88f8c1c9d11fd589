"""The replica router: which database each kind of query goes to. The replica itself, lagging
on purpose, is exercised by tests/test_cluster.py."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache.backends.db import DatabaseCache
from django.db import DatabaseError, router, transaction
from django.http import HttpResponse

from config import replica
from newsletter.models import Subscriber
from pagecache.models import PendingPurge
from stories.models import StoryPage

pytestmark = pytest.mark.django_db
in_transaction = replica.in_transaction  # the real one, before `routed` replaces it


@pytest.fixture
def routed(settings, monkeypatch):
    """The router installed, a replica configured (none is: `primary_position` and
    `replayed` answer for the two servers; an exception in the state is raised)."""
    settings.DATABASE_ROUTERS = ["config.replica.ReplicaRouter"]
    settings.REPLICA_RETRY_AFTER = 60
    monkeypatch.setattr(replica, "replica_configured", lambda: True)
    # Each test runs inside a transaction of its own, which a request is not:
    # test_reads_inside_a_transaction_go_to_the_primary commits, to see the real one.
    monkeypatch.setattr(replica, "in_transaction", lambda: False)
    monkeypatch.setattr(replica, "breaker", replica.Breaker(pause="REPLICA_RETRY_AFTER"))
    state = {"primary": "0/3000060", "replayed": True, "asked": 0}

    def answer(key):
        if isinstance(state[key], Exception):
            raise state[key]
        return state[key]

    def primary_position():
        return answer("primary")

    def replayed(target):
        assert target == state["primary"]
        state["asked"] += 1
        return answer("replayed")

    monkeypatch.setattr(replica, "primary_position", primary_position)
    monkeypatch.setattr(replica, "replayed", replayed)
    return state


def serve(request, view):
    """What `view` returns, called as the view of `request` behind ReplicaMiddleware."""
    seen = {}

    def get_response(request):
        seen["value"] = view()
        return HttpResponse()

    replica.ReplicaMiddleware(get_response)(request)
    return seen["value"]


def reads():
    return StoryPage.objects.all().db


def test_an_anonymous_readers_get_and_head_read_the_replica(routed, rf):
    assert serve(rf.get("/en/"), reads) == "replica"
    assert serve(rf.head("/en/topics/drones/"), reads) == "replica"
    assert serve(rf.get("/en/search/?q=ferry"), reads) == "replica"


def test_writes_always_go_to_the_primary_and_later_reads_follow_them(routed, rf):
    def write_then_read():
        before = reads()
        written = router.db_for_write(Subscriber)
        return before, written, reads()

    assert serve(rf.get("/en/"), write_then_read) == ("replica", "default", "default")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reads_inside_a_transaction_go_to_the_primary(routed, rf, monkeypatch):
    monkeypatch.setattr(replica, "in_transaction", in_transaction)

    def in_and_out():
        with transaction.atomic():
            inside = reads()
        return inside, reads()

    assert serve(rf.get("/en/"), in_and_out) == ("default", "replica")


def test_the_cache_table_and_pending_purges_are_read_on_the_primary(routed, rf):
    cache_model = DatabaseCache("meridian_cache", {}).cache_model_class

    def write_and_read_state():
        read = router.db_for_read(cache_model), router.db_for_read(PendingPurge)
        router.db_for_write(cache_model)  # the page cache keeping a page in the table
        return read, reads()  # still a reader's request on the replica

    assert serve(rf.get("/en/"), write_and_read_state) == (("default", "default"), "replica")


def test_what_fills_a_shared_cache_is_read_on_the_primary(routed, rf):
    def fill_then_read():
        with replica.on_primary():
            inside = reads()
        return inside, reads()

    assert serve(rf.get("/en/"), fill_then_read) == ("default", "replica")


def test_bogus_session_and_messages_cookies_still_read_the_replica(routed, rf):
    request = rf.get("/en/")
    request.COOKIES = {"sessionid": "nosuchsession", CookieStorage.cookie_name: "forged"}
    assert serve(request, reads) == "replica"


def test_a_signed_messages_cookie_reads_the_primary(routed, rf):
    request = rf.get("/en/")
    storage = CookieStorage(request)
    request.COOKIES = {CookieStorage.cookie_name: storage._encode(["Saved."])}
    assert serve(request, reads) == "default"


def test_sign_ups_signed_in_users_and_the_admin_use_the_primary(routed, rf, client):
    assert serve(rf.post("/en/newsletter/", {"email": "a@example.com"}), reads) == "default"
    admin = rf.get("/admin/pages/")
    assert serve(admin, reads) == "default"
    user = get_user_model().objects.create_user("reader", password="pw")
    client.force_login(user)
    signed_in = rf.get("/en/")
    signed_in.COOKIES = dict(client.cookies.items()) | {"sessionid": client.session.session_key}
    assert serve(signed_in, reads) == "default"
    assert serve(rf.get("/en/", HTTP_AUTHORIZATION="Bearer x"), reads) == "default"
    assert routed["asked"] == 0  # none of them waited for the replica


def test_outside_requests_tasks_and_commands_use_the_primary(routed):
    assert reads() == "default"
    assert router.db_for_write(StoryPage) == "default"


def test_a_replica_behind_leaves_readers_on_the_primary_for_a_while(routed, rf):
    routed["replayed"] = False
    assert serve(rf.get("/en/"), reads) == "default"
    routed["replayed"] = True
    assert serve(rf.get("/en/"), reads) == "default"  # not waited for again yet
    assert routed["asked"] == 1
    replica.breaker.closed_until = 0
    assert serve(rf.get("/en/"), reads) == "replica"


def test_a_replica_that_fails_is_left_alone_for_a_while(routed, rf):
    routed["replayed"] = DatabaseError("connection refused")
    assert serve(rf.get("/en/"), reads) == "default"
    routed["replayed"] = True
    assert serve(rf.get("/en/"), reads) == "default"  # not asked again yet
    assert routed["asked"] == 1
    replica.breaker.closed_until = 0  # the pause is over
    assert serve(rf.get("/en/"), reads) == "replica"


def test_a_primary_that_fails_does_not_shut_out_the_replica(routed, rf):
    routed["primary"] = DatabaseError("connection refused")
    assert serve(rf.get("/en/"), reads) == "default"  # to the primary's own 503 handling
    assert routed["asked"] == 0
    routed["primary"] = "0/3000060"  # back: the replica was never left alone
    assert serve(rf.get("/en/"), reads) == "replica"


def test_nothing_is_routed_without_a_replica(settings, rf):
    assert not replica.replica_configured()
    assert serve(rf.get("/en/"), reads) == "default"


def test_migrations_run_on_the_primary_only():
    router_ = replica.ReplicaRouter()
    assert router_.allow_migrate("default", "stories")
    assert not router_.allow_migrate("replica", "stories")
