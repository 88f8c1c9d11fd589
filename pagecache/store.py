"""Cached responses and the purge marks they are checked against, in Django's default cache
(Redis or the database in production: every app server sees the same entries and marks).

A purge does not look for the entries that show what changed: it writes the time of the
purge under each tag, and under one key for every purge (the generation). An entry is fresh
while every tag it was stored with was last purged before the request that made it began,
so a render racing a purge can never be stored as fresh. Checking its tags costs a second
read; an entry checked since the last purge of anything is served on one read alone.

A page missing or purged is made by one request at a time: the first to find it so claims
it, and readers who ask meanwhile wait for that page rather than each making their own
(after a publish, fifty readers would otherwise render the front page fifty times on the
cores the editor is waiting for). Nobody is served the purged page: a waiter gets the page
made after the purge, or makes it.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

# Headers that belong to one response, not to the page.
UNSTORED_HEADERS = {"set-cookie", "x-page-cache", "date"}


def tag_key(tag):
    return f"pagecache:purged:{tag}"


def tag_timeout():
    # Marks outlive the entries they judge; an entry made after a mark expired is younger
    # than the purge it recorded anyway.
    return settings.PAGE_CACHE_TIMEOUT + 60


GENERATION = "pagecache:generation"


def entry_key(url):
    return "pagecache:entry:" + hashlib.sha256(url.encode()).hexdigest()


def checked_key(url):
    return "pagecache:checked:" + hashlib.sha256(url.encode()).hexdigest()


def making_key(url):
    return "pagecache:making:" + hashlib.sha256(url.encode()).hexdigest()


def claim(url):
    """Whether this request is the one to make `url`'s page: none other is making it. A cache
    that cannot be reached takes no claim; the request then finds none held at its first
    look (wait_for, one poll later) and makes its own, as every request does meanwhile."""
    return bool(cache.add(making_key(url), 1, settings.PAGE_CACHE_MAKING_TIMEOUT))


def release(url):
    cache.delete(making_key(url))


def wait_for(url):
    """The page another request is making, once it is stored; None when that request ended
    without storing one (an error, a page not for sharing, a purge meanwhile) or took longer
    than PAGE_CACHE_WAIT seconds: the waiter then makes its own."""
    deadline = time.monotonic() + settings.PAGE_CACHE_WAIT
    while time.monotonic() < deadline:
        time.sleep(WAIT_POLL)
        # Not `get`, which a request answers from its first read (config.cache).
        if not cache.has_key(making_key(url)):
            return fetch(url)[0]
    return None


WAIT_POLL = 0.02  # seconds: a story page is made in 30 to 100 ms


def store(url, response, record):
    entry = {
        "status": response.status_code,
        "headers": [(k, v) for k, v in response.items() if k.lower() not in UNSTORED_HEADERS],
        "content": response.content,
        "tags": sorted(record.tags),
        "made": record.started,
    }
    entries = {entry_key(url): entry}
    if record.generation is not None:
        # Read before the page was made: a purge since then is another generation.
        entries[checked_key(url)] = record.generation
    cache.set_many(entries, settings.PAGE_CACHE_TIMEOUT)


def fetch(url):
    """(the cached response for `url` if there is one and nothing it shows has changed, the
    current generation): one read when nothing was purged since the entry was last checked."""
    entry, generation = read_fresh(entry_key(url), checked_key(url))
    if entry is None:
        return None, generation
    response = HttpResponse(entry["content"], status=entry["status"])
    for header, value in entry["headers"]:
        response[header] = value
    return response, generation


def read_fresh(key, checked):
    """(the entry under `key` if there is one and no tag it was kept with was purged since
    it was made, the current generation). `checked` keeps the generation it was last found
    fresh in: one read when nothing was purged since."""
    entries, generation = read_fresh_many([(key, checked)])
    return entries.get(key), generation


def read_fresh_many(keys):
    """read_fresh for many (key, checked) pairs at once: ({key: fresh entry}, generation),
    in two round trips at most."""
    found = cache.get_many([name for pair in keys for name in pair] + [GENERATION])
    generation = found.get(GENERATION)
    if generation is None:
        # Nothing purged yet (or the cache was emptied): a generation to check against.
        generation = time.time()
        if not cache.add(GENERATION, generation, timeout=None):
            generation = None
    entries = {key: found[key] for key, _ in keys if key in found}
    unchecked = {
        key: checked
        for key, checked in keys
        if key in entries and (generation is None or found.get(checked) != generation)
    }
    if unchecked:
        shown = {tag for key in unchecked for tag in entries[key]["tags"]}
        purged = cache.get_many([tag_key(tag) for tag in shown])
        skew = settings.PAGE_CACHE_CLOCK_SKEW
        for key in unchecked:
            marks = [purged[tag_key(tag)] for tag in entries[key]["tags"] if tag_key(tag) in purged]
            if marks and max(marks) >= entries[key]["made"] - skew:
                del entries[key]
        checked = {unchecked[key]: generation for key in unchecked if key in entries}
        if generation is not None and checked:
            cache.set_many(checked, settings.PAGE_CACHE_TIMEOUT)
    return entries, generation


def mark_purged(tags):
    """Whether the cache took every mark: a cache that cannot be reached drops writes, and
    set_many names the keys it did not write."""
    # Marks first: a reader who sees the new generation finds them written.
    now = time.time()
    failed = cache.set_many({tag_key(tag): now for tag in tags}, tag_timeout())
    failed += cache.set_many({GENERATION: now}, timeout=None)
    return not failed
