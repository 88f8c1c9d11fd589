"""wagtail-localize's "Translate this page" and "Sync translated pages" in the page explorer,
found for a whole listing at once.

wagtail-localize's own hook asks three queries of every row: 100 of the 149 queries a
section's listing of 50 stories made, and a section's listing is where Wagtail sends an
editor after each publish. This one asks two for all the rows of the listing, once a
request (config.cache.request_memo), and shows the same buttons on the same conditions."""

from collections import defaultdict
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from config.cache import request_memo
from newsroom.listings import listed_pages


class Listing:
    """What the buttons need to know of the pages listed beside a row: `keys`, their
    translation keys (a list, or a query of them)."""

    def __init__(self, keys):
        self.languages = defaultdict(set)  # translation key: locales it is in (no aliases)
        for key, locale in Page.objects.filter(
            translation_key__in=keys, alias_of__isnull=True
        ).values_list("translation_key", "locale_id"):
            self.languages[key].add(locale)
        self.locales = set(Locale.objects.values_list("pk", flat=True))
        # A source with an enabled translation: what "Sync translated pages" updates.
        sources = TranslationSource.objects.filter(
            object__translation_key__in=keys,
            object__content_type=ContentType.objects.get_for_model(Page),
            translations__enabled=True,
        ).values_list("object__translation_key", "locale_id", "pk")
        self.sources = {(key, locale): pk for key, locale, pk in sources.distinct()}

    @classmethod
    def of(cls, page):
        """For the rows of the desk's listing being rendered (newsroom.listings), else for
        the page's siblings: a section's are all its stories, 50,000 at 100,000 stories,
        and finding their translations cost 175 ms a listing of 50."""
        memo = request_memo()
        if memo is None:
            return cls(siblings(page))
        rows = listed_pages()
        if rows is not None:
            key = ("translation-buttons", "listed")
            if key not in memo:
                memo[key] = (cls([row.translation_key for row in rows]), {row.pk for row in rows})
            listing, shown = memo[key]
            if page.pk in shown:
                return listing
        key = ("translation-buttons", page.path[: -Page.steplen], page.depth)
        if key not in memo:
            memo[key] = cls(siblings(page))
        return memo[key]


def siblings(page):
    return Page.objects.filter(
        path__startswith=page.path[: -Page.steplen], depth=page.depth
    ).values("translation_key")


def translation_buttons(page, user, view_name=None, next_url=None):
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    listing = Listing.of(page)
    if listing.locales - listing.languages[page.translation_key]:
        yield Button(
            _("Translate this page"),
            reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]),
            priority=60,
            icon_name="wagtail-localize-language",
        )
    source = listing.sources.get((page.translation_key, page.locale_id))
    if source is not None:
        url = reverse("wagtail_localize:update_translations", args=[source])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield Button(_("Sync translated pages"), url, priority=60, icon_name="resubmit")
