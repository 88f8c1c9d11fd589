from wagtail import hooks

from pagecache import cacheable

from .pages import ReaderPage


@hooks.register("before_serve_page")
def keep_reader_pages(page, request, serve_args, serve_kwargs):
    """Every reader page and its routes (feeds, search, author and partner pages) is the same
    for every anonymous reader. A private page's response is not kept: Wagtail marks it
    `no-cache, private`, for the login form as for the page itself."""
    if isinstance(page, ReaderPage):
        cacheable(request, *page.cache_tags())
