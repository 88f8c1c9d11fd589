"""Purging, after the change is committed: the page cache by tag, and the CDN (when one is
configured, through wagtail.contrib.frontend_cache) by address."""

import logging

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from . import store

logger = logging.getLogger(__name__)


def purge(shown, urls=()):
    """Purge every cached response that shows one of `shown` (tags), and `urls` from the CDN."""
    shown, urls = set(shown), {url for url in urls if url}
    transaction.on_commit(lambda: purge_now(shown, urls))


def purge_now(shown, urls):
    store.mark_purged(shown)
    if urls and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        try:
            purge_urls_from_cache(sorted(urls))
        except Exception:
            # The change is saved and our own cache purged; a CDN that does not answer only
            # keeps its copies until their s-maxage runs out.
            logger.exception("The CDN could not be purged of %d addresses", len(urls))
