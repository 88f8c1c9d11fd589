"""What every reader page type shares: its base class, the queryset it lists pages with,
and routing that costs the same number of queries however deep a page lies."""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from config.replica import on_primary
from pagecache import tags

PATH_LENGTH = Page._meta.get_field("path").max_length
# What routing reads of the pages on a path (where they lie, their type, whether live), and
# what the served page's breadcrumbs and cache tags read of its ancestors.
ROUTE_TRAIL_FIELDS = ("path", "depth", "slug", "live", "content_type", "title", "url_path")
VIEW_RESTRICTIONS_KEY = "reader-pages:view-restrictions-exist"
# A bound on how long a restriction made in a race with a reader's request can go unseen.
VIEW_RESTRICTIONS_TIMEOUT = 60


def view_restrictions_exist():
    """Whether any page of the site is private. Wagtail looks restrictions up twice for
    every page it serves and once for every `.public()` listing; most sites have none,
    and then one cache read a request (config.cache) answers all of those."""
    exists = cache.get(VIEW_RESTRICTIONS_KEY)
    if exists is None:
        with on_primary():  # the shared cache keeps it (config.replica)
            exists = PageViewRestriction.objects.exists()
        cache.set(VIEW_RESTRICTIONS_KEY, exists, VIEW_RESTRICTIONS_TIMEOUT)
    return exists


@receiver([post_save, post_delete], sender=PageViewRestriction)
def forget_view_restrictions(**kwargs):
    cache.delete(VIEW_RESTRICTIONS_KEY)


class ReaderPageQuerySet(PageQuerySet):
    def descendant_of_q(self, other, inclusive=False):
        # Wagtail asks for `path LIKE 'prefix%'`, which an index serves only under the C
        # collation; treebeard paths below a page lie between its path and that path padded
        # with the alphabet's last letter, a range an index serves under any collation.
        q = Q(path__gte=other.path, path__lte=other.path.ljust(PATH_LENGTH, "Z"))
        q &= Q(depth__gte=other.depth)
        if not inclusive:
            q &= ~Q(pk=other.pk)
        return q

    def private_q(self):
        if not view_restrictions_exist():
            return Q(pk__in=[])  # what Wagtail returns with no restrictions, without the query
        return super().private_q()


ReaderPageManager = PageManager.from_queryset(ReaderPageQuerySet)


def reader_pages():
    """Pages of every type, with the reader querysets' methods."""
    return ReaderPageQuerySet(Page)


@dataclass
class Purged:
    """What a page type adds to a change's purge (editions.purging): tags, addresses, and
    the editions whose news sitemap lists it."""

    shown: set = field(default_factory=set)
    urls: list = field(default_factory=list)
    news_editions: list = field(default_factory=list)


class ReaderPage(Page):
    """The base of every page type readers see."""

    objects = ReaderPageManager()
    # Relations the page's own template shows, joined when the page is routed to.
    serve_select_related = ()
    # Whether base.html links the page's feeds (stories.feeds.StoryFeedsMixin); said here
    # because the template's lookup of a missing attribute lists the page's (dir()).
    has_story_feeds = False

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        if not view_restrictions_exist():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def cache_tags(self):
        """What every response of this page shows: its edition's frame, the page itself and
        the pages of its breadcrumbs. Its context adds what it lists (pagecache.tag_response)."""
        return {
            tags.SITE,
            tags.edition(self.locale_id),
            tags.translations(self.translation_key),
            *(tags.page(page.pk) for page in [*self.route_trail(), self]),
        }

    def purged_with(self, parents, root):
        """What else goes from the caches when this page is published, unpublished or
        moved, besides the page, its translations, its parents and the sitemaps; `root` is
        the site's root URL. Page types that show up elsewhere say where."""
        return Purged()

    def route_trail(self):
        """The page's ancestors from its edition's home page down, as base pages. Known
        without a query when the page was found by UrlPathRoutingMixin."""
        trail = getattr(self, "_route_trail", None)
        if trail is None:
            trail = list(self.get_ancestors().filter(depth__gte=2)) if self.depth > 2 else []
        return trail


def _routes(page_class, path_components):
    """Whether a routable page type has a route for the rest of the path."""
    if not issubclass(page_class, RoutablePageMixin):
        return False
    try:
        page_class.get_resolver().resolve("/" + "".join(f"{c}/" for c in path_components))
    except Resolver404:
        return False
    return True


class UrlPathRoutingMixin:
    """Routing below an edition's home page in two queries, whatever the depth: every page
    on the path in one query (by slug and depth), then the one served made specific.
    Wagtail's Page.route takes two queries a level. The outcome is Wagtail's: a live
    routable page on the way takes the rest of the path if one of its routes matches
    (checked on its class, without loading it), else routing goes on to its child."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        levels = reduce(
            or_,
            (Q(depth=self.depth + n + 1, slug=slug) for n, slug in enumerate(path_components)),
        )
        candidates = list(
            Page.objects.filter(levels, path__startswith=self.path).only(*ROUTE_TRAIL_FIELDS)
        )
        trail, remaining = [self], list(path_components)
        while remaining:
            parent = trail[-1]
            if parent is not self and parent.live and _routes(parent.specific_class, remaining):
                break
            child = next(
                (
                    page
                    for page in candidates
                    if page.depth == parent.depth + 1
                    and page.slug == remaining[0]
                    and page.path.startswith(parent.path)
                ),
                None,
            )
            if child is None:
                raise Http404
            child._cached_parent_obj = parent
            trail.append(child)
            remaining.pop(0)
        found = trail[-1]
        model = found.specific_class
        page = model._default_manager.select_related(
            "locale", *getattr(model, "serve_select_related", ())
        ).get(pk=found.pk)
        page._cached_parent_obj = trail[-2]
        page._route_trail = trail[:-1]
        return page.route(request, remaining)
