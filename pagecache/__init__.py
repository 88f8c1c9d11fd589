"""The page cache: anonymous reader pages are kept whole in the shared cache and purged by
what they show (see README, "Page cache")."""

from .recording import cacheable, show

__all__ = ["cacheable", "show"]
