"""Cached responses and the purge marks they are checked against, in Django's default cache
(Redis or the database in production: every app server sees the same entries and marks).

A purge does not look for the entries that show what changed: it writes the time of the
purge under each tag. An entry is fresh while every tag it was stored with was last purged
before the request that made it began, so it costs one read for the entry and one for its
tags, and a render racing a purge can never be stored as fresh."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

# Headers that belong to one response, not to the page.
UNSTORED_HEADERS = {"set-cookie", "x-page-cache", "date"}


def entry_key(url):
    return "pagecache:entry:" + hashlib.sha256(url.encode()).hexdigest()


def tag_key(tag):
    return f"pagecache:purged:{tag}"


def tag_timeout():
    # Marks outlive the entries they judge; an entry made after a mark expired is younger
    # than the purge it recorded anyway.
    return settings.PAGE_CACHE_TIMEOUT + 60


def store(url, response, record):
    entry = {
        "status": response.status_code,
        "headers": [(k, v) for k, v in response.items() if k.lower() not in UNSTORED_HEADERS],
        "content": response.content,
        "tags": sorted(record.tags),
        "made": record.started,
    }
    cache.set(entry_key(url), entry, settings.PAGE_CACHE_TIMEOUT)


def fetch(url):
    """The cached response for `url`, if there is one and nothing it shows has changed."""
    entry = cache.get(entry_key(url))
    if entry is None:
        return None
    purged = cache.get_many([tag_key(tag) for tag in entry["tags"]])
    if purged and max(purged.values()) >= entry["made"] - settings.PAGE_CACHE_CLOCK_SKEW:
        return None
    response = HttpResponse(entry["content"], status=entry["status"])
    for header, value in entry["headers"]:
        response[header] = value
    return response


def mark_purged(tags):
    now = time.time()
    cache.set_many({tag_key(tag): now for tag in tags}, tag_timeout())
