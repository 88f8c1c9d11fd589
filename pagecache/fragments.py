"""Pieces of pages kept apart from the pages: a story's article, related stories and
metadata by its revision, a listing's page of cards, each card by its story's revision
(docs/page-cache.md lists them). A publish purges whole pages (the story, its
topics, sections, the front page), and each is then made again while readers wait; most of
what they show has not changed. A page made again takes its unchanged pieces from here.

A fragment is kept and judged as a page is (pagecache.store): with the tags of what it
shows, fresh while none of them was purged after it was made. What a fragment shows is
said the way a page says it (`tag_response`): whatever calls it while the fragment is made
tags the fragment as well as the page. A fragment taken from the cache tags the page with
the tags it was kept with, so the page is purged with it.

Fragments are keyed by the address's scheme and host and the active language as well as
their own parts (a page's id and revision), since what they hold has links and words in
them. Previews never use them: an editor's unsaved page has the revision of the saved one.
"""

import hashlib
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.dispatch import receiver
from django.utils import translation
from django.utils.safestring import mark_safe

from . import store, tags
from .purge import replay_due
from .recording import record_of, tag_response


def enabled(request):
    return (
        settings.FRAGMENT_CACHE_ENABLED
        and request is not None
        and not getattr(request, "is_preview", False)
    )


def key(request, name, parts):
    """The cache key of fragment `name` with `parts` for this request's address and language."""
    text = "\x1f".join(
        [
            name,
            request.scheme,
            request.get_host(),
            translation.get_language() or "",
            *(str(part) for part in parts),
        ]
    )
    return "pagecache:fragment:" + hashlib.sha256(text.encode()).hexdigest()


def checked_key(fragment_key):
    return fragment_key + ":checked"


@contextmanager
def making(request):
    """Collect what is tagged while a fragment is made (the set yielded); nested fragments'
    tags are their enclosing fragments' too."""
    shown = set()
    scopes = request.__dict__.setdefault("_fragments_made", [])
    scopes.append(shown)
    try:
        yield shown
    finally:
        scopes.pop()  # scopes nest: this one is the last opened


def cached(request, name, parts, make, shows=(), describe=None):
    """The HTML of fragment `name`: kept, else `make()`'s, kept for later. `shows` are tags
    of what it shows beyond those tagged while it is made; `describe()`, called only when
    it is made, what a reader of the kept fragment may want to know of it besides its HTML
    (`Kept.data`)."""
    if not enabled(request):
        tag_response(request, *shows)
        return make()
    fragment_key = key(request, name, parts)
    found, generation = read(request, [fragment_key])
    if fragment_key in found:
        return found[fragment_key].html
    return make_and_keep(request, fragment_key, generation, make, shows, describe)


def make_and_keep(request, fragment_key, generation, make, shows=(), describe=None):
    """`make()`'s HTML, kept under `fragment_key`: for a fragment that `read` did not find
    in `generation`, as `cached` does, or a caller that read many fragments at once."""
    started = began(request)  # before anything it shows was read
    with making(request) as shown:
        tag_response(request, *shows)
        html = make()
    keep(fragment_key, html, shown, started, generation, describe() if describe else None)
    return html


# When the request being served began. A fragment is kept as made then, not when its own
# making began: what it shows may have been read earlier in the request (the page itself
# as it was routed to, a Lazy value another fragment read first), and a purge in between
# must find it stale.
_request_began = ContextVar("fragments_request_began", default=None)


@receiver(request_started)
def note_when_the_request_began(**kwargs):
    _request_began.set(time.time())


@receiver(request_finished)
def forget_when_the_request_began(**kwargs):
    _request_began.set(None)


def began(request):
    record = record_of(request)
    if record is not None:
        return record.started
    return _request_began.get() or time.time()


class Kept:
    """A fragment found in the cache: its HTML and what its maker said of it (`data`)."""

    def __init__(self, entry):
        self.html = mark_safe(entry["html"])  # noqa: S308 -- made by our templates
        self.data = entry.get("data") or {}
        self.tags = entry["tags"]


def read(request, fragment_keys, kept=Kept):
    """({key: `kept`} of the keys fresh in the cache, the generation), in at most two round
    trips however many keys; the page is tagged with what each found one shows."""
    replay_due()  # as the page cache does: a purge the cache missed goes before any read
    entries, generation = store.read_fresh_many([(k, checked_key(k)) for k in fragment_keys])
    found = {k: kept(entry) for k, entry in entries.items()}
    for kept in found.values():
        tag_response(request, *kept.tags)
    return found, generation


def keep(fragment_key, html, shown, started, generation, data=None):
    entry = {"html": str(html), "tags": sorted({tags.SITE, *shown}), "made": started}
    if data:
        entry["data"] = data
    entries = {fragment_key: entry}
    # Checked in this generation only if it began before the request: a purge while the
    # request was served is a generation the fragment's tags must still be checked against.
    if generation is not None and generation < started - settings.PAGE_CACHE_CLOCK_SKEW:
        entries[checked_key(fragment_key)] = generation
    cache.set_many(entries, settings.PAGE_CACHE_TIMEOUT)


class Lazy:
    """A value of a page's context made only when read: on a page whose fragments are kept,
    the queries behind them are not made. Each read tags what the value showed when it was
    made, so that every fragment that reads it is purged with it, whichever read it first."""

    def __init__(self, request, make):
        self._request = request
        self._make = make
        self._shown = None

    def value(self):
        if self._shown is None:
            with making(self._request) as shown:
                self._value = self._make()
            self._shown = shown
        else:
            tag_response(self._request, *self._shown)
        return self._value

    def __getattr__(self, name):
        if name.startswith("_"):  # not made yet, or a protocol (copy, pickle) probing
            raise AttributeError(name)
        return getattr(self.value(), name)

    def __getitem__(self, item):
        return self.value()[item]

    def __iter__(self):
        return iter(self.value())

    def __len__(self):
        return len(self.value())

    def __bool__(self):
        return bool(self.value())
