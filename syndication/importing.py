"""Importing a partner's feed: each new item becomes a draft StoryPage in the partner's
language, in the section the partner names, with its provenance filled in.

The feed is fetched and read in full before anything is written, so a feed that cannot be
had leaves the database as it was. Each item is then written in a transaction of its own:
one that fails is reported and the others are imported all the same. An item is imported
once: one already seen (by its GUID or its link) is skipped, whatever became of its draft,
so that an editor's changes are never overwritten and a draft the desk deleted stays gone.
"""

import io
import logging
import os
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from willow.image import Image as WillowImage

from editions.links import slug_of
from stories.models import PartnerOutlet, SectionPage, StoryPage

from .fetching import FetchError, fetch
from .models import ImportedStory
from .parsing import BadItem, FeedError, parse_feed
from .sanitising import body_blocks

logger = logging.getLogger(__name__)
FEED_TYPES = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1"
SLUG_LENGTH = 80


def _max_length(model, name):
    return model._meta.get_field(name).max_length


class ImportRefused(Exception):
    """Why a partner's feed cannot be imported at all, in words for the desk."""


@dataclass
class ImportReport:
    partner: PartnerOutlet
    created: list = field(default_factory=list)  # the new drafts
    skipped: int = 0
    failed: list = field(default_factory=list)  # BadItems
    warnings: list = field(default_factory=list)
    error: str = ""

    def summary(self):
        if self.error:
            return _("%(partner)s: not imported. %(error)s") % {
                "partner": self.partner,
                "error": self.error,
            }
        return _("%(partner)s: %(created)s created, %(skipped)s skipped, %(failed)s failed.") % {
            "partner": self.partner,
            "created": len(self.created),
            "skipped": self.skipped,
            "failed": len(self.failed),
        }


def partners_with_feeds():
    """Every partner outlet with a feed, once, for the nightly import."""
    first = PartnerOutlet.objects.filter(translation_key=OuterRef("translation_key")).order_by("pk")
    partners = PartnerOutlet.objects.filter(pk=Subquery(first.values("pk")[:1])).exclude(
        feed_url=""
    )
    return sorted(partners, key=lambda partner: partner.name.casefold())


def import_partner_feed(partner, user=None, seconds=None):
    """Import the partner's new items; with `seconds`, stop starting new ones after that
    long (what is left is imported next time: nothing records it as seen)."""
    stop_at = time.monotonic() + seconds if seconds is not None else None
    partner = partner.first_version()
    report = ImportReport(partner)
    try:
        section = destination(partner)
        items = parse_feed(
            fetch(
                partner.feed_url, max_bytes=settings.SYNDICATION_MAX_FEED_BYTES, accept=FEED_TYPES
            )
        )
    except (ImportRefused, FetchError, FeedError) as error:
        report.error = str(error)
        return report
    seen = ImportedStory.objects.filter(partner__translation_key=partner.translation_key)
    seen_ids, seen_urls = set(), set()
    for guid, url in seen.values_list("guid", "original_url"):
        seen_ids.add(guid)
        seen_urls.add(url)
    # Stories the desk entered by hand before the feed was set up.
    seen_urls.update(
        StoryPage.objects.filter(
            locale=section.locale, partner__translation_key=partner.translation_key
        )
        .exclude(original_url="")
        .values_list("original_url", flat=True)
    )
    source_partner = None  # the partner in the section's language, once known
    for position, item in enumerate(items):
        if stop_at is not None and time.monotonic() > stop_at:
            report.warnings.append(
                _("Time was up: %(count)s items are left for the next import.")
                % {"count": len(items) - position}
            )
            break
        if isinstance(item, BadItem):
            report.failed.append(item)
            continue
        if item.guid in seen_ids or item.url in seen_urls:
            report.skipped += 1
            continue
        picture = lead_picture(item, report)
        try:
            with transaction.atomic():
                # Kept only once committed: an item rolled back may have made the copy.
                in_locale = source_partner or partner_in(section.locale, partner)
                report.created.append(create_draft(in_locale, section, item, picture, user))
            source_partner = in_locale
        except ValidationError as error:
            report.failed.append(BadItem(item.title, "; ".join(error.messages)))
            continue
        except Exception as error:  # whatever one item does, the others are imported
            logger.exception("Importing %r from %s failed", item.guid, partner.feed_url)
            report.failed.append(BadItem(item.title, str(error) or type(error).__name__))
            continue
        seen_ids.add(item.guid)
        seen_urls.add(item.url)
    return report


def destination(partner):
    """The section, in the partner's language, that its imported stories are filed in."""
    if not partner.feed_url:
        raise ImportRefused(_("It has no feed URL."))
    if partner.import_section is None:
        raise ImportRefused(_("Choose the section its stories are imported into."))
    section = SectionPage.objects.filter(
        translation_key=partner.import_section.translation_key,
        locale__language_code=partner.language,
    ).first()
    if section is None:
        raise ImportRefused(
            _(
                "The section “%(section)s” has no version in the outlet's language "
                "(%(language)s) yet."
            )
            % {"section": partner.import_section.title, "language": partner.get_language_display()}
        )
    return section


def create_draft(partner, section, item, picture, user):
    """`partner` is the outlet in the section's language, which the story points at."""
    title = item.title[: _max_length(StoryPage, "title")]
    slug = slug_of(title, allow_unicode=True)[:SLUG_LENGTH].strip("-") or "story"
    page = StoryPage(
        title=title,
        slug=find_available_slug(section, slug),
        locale=section.locale,
        live=False,
        owner=user,
        partner=partner,
        original_headline=title,
        original_url=item.url,
        original_language=partner.language,
        original_author=item.author[: _max_length(StoryPage, "original_author")],
        original_published_at=item.published.date() if item.published else None,
        body=body_blocks(item.html, base_url=item.url),
    )
    if picture is not None:
        picture.save()
        page.lead_image = picture
    section.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    ImportedStory.objects.create(
        partner=partner, guid=item.guid, original_url=item.url, page=page, revision=revision
    )
    return page


def partner_in(locale, partner):
    """The partner outlet in `locale`, which a story in that language points at: made from
    the version at hand (as wagtail-localize would) when it is missing."""
    found = PartnerOutlet.objects.filter(translation_key=partner.translation_key, locale=locale)
    existing = found.first()
    if existing is not None:
        return existing
    copy = partner.copy_for_translation(locale)
    copy.save()
    return copy


def lead_picture(item, report):
    """The item's picture as an unsaved Wagtail image, or None (with a warning when the
    feed named one that could not be had)."""
    if not item.image_url:
        return None
    try:
        data = fetch(
            item.image_url, max_bytes=settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE, accept="image/*"
        )
        picture = WillowImage.open(io.BytesIO(data))
        width, height = picture.get_size()
        kind = picture.format_name
    except FetchError as error:
        problem = str(error)
    except Exception:  # Willow raises what the decoder raised, for any broken file
        problem = _("it is not a picture we can read")
    else:
        if kind not in settings.WAGTAILIMAGES_EXTENSIONS:  # as uploads: no SVG
            problem = _("%(format)s pictures are not accepted") % {"format": kind.upper()}
        elif width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
            problem = _("it has more than %(pixels)s pixels") % {
                "pixels": settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
            }
        else:
            name = os.path.basename(urlsplit(item.image_url).path) or "picture"
            extension = "jpg" if kind == "jpeg" else kind
            # The alt text is the desk's to write: a headline does not describe a picture.
            Image = get_image_model()
            image = Image(title=item.title[: _max_length(Image, "title")])
            image.file = ImageFile(
                io.BytesIO(data), name=f"{os.path.splitext(name)[0][:60]}.{extension}"
            )
            return image
    report.warnings.append(
        _("“%(title)s”: imported without its picture (%(problem)s).")
        % {"title": item.title, "problem": problem}
    )
    return None
