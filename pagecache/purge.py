"""Purging, after the change is committed: the page cache by tag, and the CDN (when one is
configured, through wagtail.contrib.frontend_cache) by address.

A purge the cache does not take (Redis unreachable, or paused after a failure) must not be
lost: an unpublished story would stay public from the cache for a day. Each purge is first
written to the database in the change's own transaction (PendingPurge), and deleted only
once the cache has taken its marks. Until then it is replayed: by each process at most every
PAGE_CACHE_REPLAY_INTERVAL seconds before it answers from the cache, and by
`manage.py purge_page_cache --pending`. The editor who made the change is told
(pagecache.wagtail_hooks). Once purged, the pages that show the change are made again by
the task worker (pagecache.tasks), and the CDN is purged through Wagtail's own task.
"""

import logging
import time

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from . import store
from .models import PendingPurge
from .tasks import make_again

logger = logging.getLogger(__name__)
_last_replay = [float("-inf")]  # when this process last looked for pending purges


def purge(shown, urls=()):
    """Purge every cached response that shows one of `shown` (tags), and `urls` from the CDN."""
    shown, urls = sorted(set(shown)), sorted({url for url in urls if url})
    pending = PendingPurge.objects.create(tags=shown, urls=urls)
    transaction.on_commit(lambda: purge_now(pending))


def purge_now(pending):
    """Apply one pending purge; True once the cache has taken it."""
    if not store.mark_purged(pending.tags):
        PendingPurge.objects.filter(pk=pending.pk).update(attempts=F("attempts") + 1)
        logger.error(
            "The page cache did not take a purge of %d tags; kept to retry", len(pending.tags)
        )
        return False
    PendingPurge.objects.filter(pk=pending.pk).delete()
    if pending.urls and settings.PAGE_CACHE_ENABLED and settings.PAGE_CACHE_REWARM:
        make_again.enqueue(pending.urls)
    if pending.urls and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        try:
            purge_urls_from_cache(pending.urls)
        except Exception:
            # The change is saved and our own cache purged; a CDN that does not answer only
            # keeps its copies until their s-maxage runs out.
            logger.exception("The CDN could not be purged of %d addresses", len(pending.urls))
    return True


def replay_pending():
    """Apply the purges still pending, oldest first; stop at the first the cache refuses.
    The number still pending."""
    _last_replay[0] = time.monotonic()
    pending = list(PendingPurge.objects.all())
    for index, purge_ in enumerate(pending):
        if not purge_now(purge_):
            return len(pending) - index
    return 0


def replay_due():
    """Replay pending purges if this process has not looked for them lately. A database
    that cannot be reached leaves them for later: cached pages are still served."""
    interval = settings.PAGE_CACHE_REPLAY_INTERVAL
    if interval is not None and time.monotonic() - _last_replay[0] >= interval:
        try:
            replay_pending()
        except DatabaseError:
            logger.warning("Pending purges not looked for: the database cannot be reached")
