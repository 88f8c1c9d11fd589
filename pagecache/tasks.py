"""Making again, in the task worker, the pages a purge took out of the cache: readers who
come after a publish find them made rather than each waiting for their own (and those who
come while one is being made wait for it: pagecache.store)."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import validate_host
from django.test import Client
from django_tasks import task

logger = logging.getLogger(__name__)


def sitemap(url):
    # Search engines fetch sitemaps a few times a day, and they cost the most to make: at
    # 1,000 stories an edition's took 0.5 s, the two of them half of all a publish had the
    # worker make again, while the desk waited for its own answer. The first crawler that
    # asks makes one (others wait for it).
    return "sitemap" in urlsplit(url).path


def feed(url):
    # Pages before the feeds that readers' apps fetch on their own schedule.
    return "/feed/" in url


@task()
def make_again(urls):
    """Ask for each of `urls` (full addresses) as an anonymous reader would, through the
    whole stack, so that the page cache keeps it; not the sitemaps. Done twice, the second
    time is answered from the cache: a retry or a replayed purge costs nothing."""
    client = Client(raise_request_exception=False)
    for url in sorted((url for url in urls if not sitemap(url)), key=feed):
        parts = urlsplit(url)
        if not validate_host(parts.hostname or "", settings.ALLOWED_HOSTS):
            continue  # a Site whose host this server does not serve: no reader gets it here
        secure = parts.scheme == "https"
        extra = {}
        if secure and settings.SECURE_PROXY_SSL_HEADER:  # as the TLS proxy would say
            header, value = settings.SECURE_PROXY_SSL_HEADER
            extra[header] = value
        response = client.get(
            f"{parts.path}?{parts.query}" if parts.query else parts.path,
            headers={"host": parts.netloc},
            secure=secure,
            **extra,
        )
        if response.status_code >= 500:
            logger.warning("%s answered %d when made again", url, response.status_code)
