"""Reading RSS 2.0 and Atom feeds into FeedItems, with defusedxml: a feed that declares
entities (the "billion laughs" bomb, external entities that read files or addresses) is
refused outright, since no feed needs them; an old RSS 0.91 DOCTYPE alone is harmless.
A feed that cannot be read is a FeedError; an item that cannot be read is a BadItem, and
the others are read all the same."""

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from xml.etree.ElementTree import ParseError, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
MEDIA = "{http://search.yahoo.com/mrss/}"
XHTML = "{http://www.w3.org/1999/xhtml}"


class FeedError(Exception):
    """Why a feed could not be read, in words for the desk."""


@dataclass
class FeedItem:
    guid: str
    url: str
    title: str
    author: str
    published: datetime | None
    html: str
    image_url: str


@dataclass
class BadItem:
    label: str  # the item's title, or its position in the feed
    reason: str


def parse_feed(data):
    """The items of an RSS or Atom feed (bytes), in the feed's order."""
    try:
        root = fromstring(data)  # entities and external references forbidden
    except DefusedXmlException:
        raise FeedError(
            _("The feed declares XML entities, which feeds never need (they can hide an attack).")
        ) from None
    except ParseError as error:
        raise FeedError(_("The feed is not valid XML (%(error)s).") % {"error": error}) from None
    if root.tag == "rss":
        channel = root.find("channel")
        entries, read = (channel.findall("item") if channel is not None else []), _rss_item
    elif root.tag == f"{ATOM}feed":
        entries, read = root.findall(f"{ATOM}entry"), _atom_entry
    else:
        raise FeedError(_("This is XML, but not an RSS or Atom feed."))
    items = []
    for position, entry in enumerate(entries, start=1):
        try:
            items.append(read(entry))
        except (ValueError, RecursionError) as error:
            reason = str(error)
            if isinstance(error, RecursionError):
                reason = _("Its markup is nested too deeply.")
            label = _text(entry, "title") or _text(entry, f"{ATOM}title")
            items.append(BadItem(label or _("item %(n)s") % {"n": position}, reason))
    return items


def _text(element, path):
    found = element.find(path)
    return (found.text or "").strip() if found is not None else ""


def _required(value, what):
    if not value:
        raise ValueError(_("It has no %(what)s.") % {"what": what})
    return value


def _web_url(value, what):
    if value and not value.startswith(("http://", "https://")):
        raise ValueError(_("Its %(what)s is not a web address.") % {"what": what})
    return value


def _rss_item(item):
    url = _web_url(_required(_text(item, "link"), _("link")), _("link"))
    published = _text(item, "pubDate")
    return FeedItem(
        guid=_text(item, "guid") or url,
        url=url,
        title=_required(_text(item, "title"), _("title")),
        author=_text(item, f"{DC}creator") or _text(item, "author"),
        published=_date(published, parsedate_to_datetime) if published else None,
        html=_text(item, f"{CONTENT}encoded") or _text(item, "description"),
        image_url=_web_url(_rss_image(item), _("picture")),
    )


def _rss_image(item):
    for enclosure in item.findall("enclosure"):
        if enclosure.get("type", "").startswith("image/"):
            return enclosure.get("url", "")
    for media in item.iter(f"{MEDIA}content"):
        if media.get("medium") == "image" or media.get("type", "").startswith("image/"):
            return media.get("url", "")
    thumbnail = item.find(f"{MEDIA}thumbnail")
    return thumbnail.get("url", "") if thumbnail is not None else ""


def _atom_entry(entry):
    links = entry.findall(f"{ATOM}link")
    url = next(
        (link.get("href", "") for link in links if link.get("rel", "alternate") == "alternate"), ""
    )
    url = _web_url(_required(url, _("link")), _("link"))
    image = next(
        (
            link.get("href", "")
            for link in links
            if link.get("rel") == "enclosure" and link.get("type", "").startswith("image/")
        ),
        "",
    )
    published = _text(entry, f"{ATOM}published") or _text(entry, f"{ATOM}updated")
    return FeedItem(
        guid=_text(entry, f"{ATOM}id") or url,
        url=url,
        title=_required(_text(entry, f"{ATOM}title"), _("title")),
        author=_text(entry, f"{ATOM}author/{ATOM}name"),
        published=_date(published, datetime.fromisoformat) if published else None,
        html=_atom_html(entry.find(f"{ATOM}content")) or _atom_html(entry.find(f"{ATOM}summary")),
        image_url=_web_url(image, _("picture")),
    )


def _atom_html(element):
    """An Atom text construct as HTML: text is escaped, html is as given, and xhtml is the
    markup inside its <div>, without the XHTML namespace."""
    if element is None:
        return ""
    kind = element.get("type", "text")
    if kind == "html":
        return (element.text or "").strip()
    if kind != "xhtml":
        return escape((element.text or "").strip())
    div = element.find(f"{XHTML}div")
    if div is None:
        return ""
    for node in div.iter():
        node.tag = node.tag.removeprefix(XHTML)
    return escape(div.text or "") + "".join(tostring(child, encoding="unicode") for child in div)


def _date(value, parse):
    try:
        moment = parse(value)
    except (TypeError, ValueError, IndexError):
        raise ValueError(_("Its date “%(date)s” cannot be read.") % {"date": value[:40]}) from None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, UTC)
    return moment
