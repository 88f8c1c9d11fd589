"""Listings' pages: `?page=` read one way everywhere, counted only as far as shown."""

import contextlib

from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import cached_property

import pagecache
from pagecache import fragments, tags

STORIES_PER_PAGE = 10
# Listings page through their newest stories only (sitemaps and search reach the rest):
# counting a topic or section of the whole archive for every page of it cost more than the
# page itself.
LISTED_PAGES = 100
# Page links reach this many pages either side of the one shown ("1 … 4 5 [6] 7 8 …"), and
# listings count their stories only that far ahead: counting a busy topic's newest 1,000
# walked a thousand index entries, ten times what its page shows.
PAGES_AHEAD = 2


class ListingPaginator(Paginator):
    """Pages through the first `limit` items of a listing, counted without the listing's
    order, which only the page shown needs: the database may then count along whichever index
    suits it, rather than walk the archive newest first.

    With `ahead`, it counts only as far as `ahead` pages past the one asked for, so a page
    costs the same however long the listing: `truncated` then says that more pages follow
    the last one counted (which readers reach through "Older")."""

    def __init__(self, object_list, per_page, limit, ahead=None, count_all=False):
        super().__init__(object_list, per_page)
        self.limit = limit
        self.ahead = ahead
        self.count_all = count_all
        self.asked_for = 1

    def get_page(self, number):
        with contextlib.suppress(TypeError, ValueError):
            asked_for = int(number)
            # Numbers below 1 give the last page, like those past it: counted to the limit.
            self.asked_for = asked_for if asked_for >= 1 else self.limit
        return super().get_page(number)

    @cached_property
    def count(self):
        """How many items are listed: at most the horizon (one more is counted, to tell
        whether the listing stops short of everything; see `truncated`)."""
        horizon = self.limit
        # `count_all` counts up to the limit, in the same one query: for a header's "N
        # articles" ("more than" past it).
        if self.ahead is not None and not self.count_all:
            horizon = min(horizon, (self.asked_for + self.ahead) * self.per_page)
        items = self.object_list
        if self.ahead is None and not isinstance(items, list | tuple):
            # Everything up to the limit is counted: fetched once, the items themselves are
            # the count and the pages (for search results, one search rather than two).
            self.object_list = items = list(items[: horizon + 1])
        if isinstance(items, list | tuple):
            found = len(items)
        else:
            if isinstance(items, models.QuerySet):
                items = items.order_by()
            found = items[: horizon + 1].count()
        self.truncated = found > horizon
        return min(found, horizon)


class PaginatedListingMixin:
    """Listing pages share one way of reading `?page=`: bad values never raise."""

    def lazy_listing(self, request, context):
        """Put the page's `stories_page(request)` in `context`, read only if the listing or
        the metadata that shows it is not kept (pagecache.fragments; topic_page.html), and
        what else that metadata shows (its breadcrumbs and language versions)."""
        context["stories"] = fragments.Lazy(request, lambda: self.stories_page(request))
        context["metadata_shows"] = self.cache_tags()

    def paginate(
        self,
        request,
        queryset,
        per_page=STORIES_PER_PAGE,
        pages=None,
        ahead=PAGES_AHEAD,
        count_all=False,
    ):
        """A page of `queryset`, within its first `pages` pages (LISTED_PAGES). `ahead=None`
        counts every item up to that limit, for a page that says how many there are (search
        results); `count_all` counts them up to the limit too, without fetching them (so that
        `paginator.count` is a topic header's "N articles")."""
        # get_page() turns junk into page 1 and out-of-range numbers into the last page.
        limit = (pages or LISTED_PAGES) * per_page
        paginator = ListingPaginator(queryset, per_page, limit, ahead, count_all)
        page = paginator.get_page(request.GET.get("page"))
        # "1 … 4 5 [6] 7 8 …", not a link to every page of a large archive; the last page's
        # number only when it was counted.
        page.page_links = list(
            paginator.get_elided_page_range(page.number, on_each_side=PAGES_AHEAD, on_ends=1)
        )
        if paginator.truncated and paginator.count < paginator.limit:
            page.page_links.append(paginator.ELLIPSIS)
        return page


def show_listing(request, page, stories):
    """Tell the page cache that `page` lists `stories` (a page of them): it is purged when a
    story joins or leaves its list, and when a card changes."""
    pagecache.tag_response(request, tags.stories_of("page", page.pk), *tags.for_cards(stories))
