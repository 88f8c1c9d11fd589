"""The page cache: anonymous reader pages are kept whole in the shared cache and purged by
what they show (see docs/page-cache.md)."""

from .recording import cacheable, tag_response

__all__ = ["cacheable", "tag_response"]
