from django.apps import AppConfig


class EditionsConfig(AppConfig):
    """The language editions: which languages, how a request reaches its edition, the base
    of every reader page, and links between a page's language versions."""

    name = "editions"
    verbose_name = "Editions"

    def ready(self):
        # The receivers that forget cached edition homes, languages and view restrictions,
        # connected in every process, not only in those that load the middleware; and
        # those that purge a reader page's change, or drop redirects from addresses a page
        # never had readers at.
        from . import locales, pages, purging, redirects, routing  # noqa: F401
