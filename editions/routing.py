"""Where routing starts: the site and its edition's home page for a request, from the
shared cache.

Wagtail finds them with four queries on every request (the site by host, the active
locale, the site root's translation in it, and that page made specific) before the page
itself is looked for: a third of a cold story page's queries. They change only when a
site, a locale or an edition's home page does, and each of those forgets them here.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from config.replica import on_primary

# Entries are (expiry, (site, home)); the name changed with that shape.
KEY = "editions:edition-homes"
# A bound on how long a home page read in a race with its own publication can be served.
TIMEOUT = 60
# Hosts come from requests: however many ALLOWED_HOSTS lets through, the entry stays small.
MAX_ENTRIES = 100


def _request_key(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    return f"{hostname}:{request.get_port()}:{translation.get_language()}"


def site_and_home(request):
    """(site, the specific home page that Wagtail routes the request from), or None when no
    site serves the request; (site, None) when the site has no live home page in the
    request's language. What Page.route_for_request finds, as it finds it, except that
    Wagtail would fall back to the default language's tree: the same pages again under
    every prefix we configure but have no tree for."""
    homes = cache.get(KEY) or {}
    key = _request_key(request)
    now = time.time()
    entry = homes.get(key)
    if entry is None or entry[0] < now:
        # Each entry keeps its own expiry: adding one must not lengthen the others' lives.
        homes = {k: e for k, e in homes.items() if e[0] >= now}
        if len(homes) >= MAX_ENTRIES:
            homes = {}
        with on_primary():  # the shared cache keeps it (config.replica)
            site = Site.find_for_request(request)
            entry = (now + TIMEOUT, (site, _edition_home(site)) if site else None)
        homes[key] = entry
        cache.set(KEY, homes, TIMEOUT)
    return entry[1]


def _edition_home(site):
    home = site.root_page.localized.specific
    # Cached with it: the edition's pages and routes ask their home for its language.
    home.locale = Locale.objects.get(pk=home.locale_id)
    if home.locale.language_code != translation.get_language() or not home.live:
        return None
    ensure_routable(home)
    return home


def ensure_routable(page):
    """Wagtail keeps the sites' root paths in the cache for an hour. A home page made by a
    process with another cache (a shell on other settings) is not among them, and every
    address under it would be None: forget them, so they are read again."""
    if page.get_url_parts() is None:
        Site.clear_site_root_paths_cache()


def forget(**kwargs):
    transaction.on_commit(lambda: cache.delete(KEY))


receiver([post_save, post_delete], sender=Site)(forget)
receiver([post_save, post_delete], sender=Locale)(forget)


@receiver([page_published, page_unpublished, post_page_move])
def forget_changed_home(instance, **kwargs):
    # A site's root and its translations, the editions' homes, lie at depth 2 at most.
    before = kwargs.get("parent_page_before")
    if instance.depth <= 2 or (before is not None and before.depth <= 1):
        forget()


@receiver(post_delete)
def forget_deleted_home(instance, **kwargs):
    if isinstance(instance, Page) and instance.depth <= 2:
        forget()
