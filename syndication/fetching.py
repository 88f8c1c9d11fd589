"""Fetching a partner's feed (or a picture it names) as bytes, within bounds: a deadline
for the whole download, a size limit, a few redirects, and web addresses only. A partner's
server can be broken, slow or hostile; the import must not hang or fill memory."""

import ipaddress
import socket
import time
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from django.conf import settings
from django.utils.translation import gettext as _

MAX_REDIRECTS = 5
CHUNK = 64 * 1024


class FetchError(Exception):
    """Why a fetch failed, in words for the desk."""


def fetch(url, *, max_bytes, accept="*/*"):
    """The body of `url` after at most MAX_REDIRECTS redirects, or FetchError. Gives up
    after SYNDICATION_TIMEOUT seconds in all, and beyond `max_bytes`."""
    deadline = time.monotonic() + settings.SYNDICATION_TIMEOUT
    headers = {"User-Agent": settings.SYNDICATION_USER_AGENT, "Accept": accept}
    for _hop in range(MAX_REDIRECTS + 1):
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(_("%(url)s is not a web address (http or https).") % {"url": url})
        _refuse_private_addresses(url)
        try:
            response = requests.get(
                url,
                headers=headers,
                stream=True,
                allow_redirects=False,
                timeout=max(deadline - time.monotonic(), 0.1),
            )
        except requests.Timeout:
            raise FetchError(_("%(url)s did not answer in time.") % {"url": url}) from None
        except requests.RequestException as error:
            raise FetchError(
                _("%(url)s could not be reached: %(error)s") % {"url": url, "error": error}
            ) from None
        with response:
            if response.is_redirect:
                url = urljoin(url, response.headers.get("Location", ""))
                continue
            if response.status_code != 200:
                raise FetchError(
                    _("%(url)s answered HTTP %(status)s.")
                    % {"url": url, "status": response.status_code}
                )
            return _read(response, url, max_bytes, deadline)
    raise FetchError(_("%(url)s redirects too many times.") % {"url": url})


def _refuse_private_addresses(url):
    """Feeds, their pictures and their redirects name addresses the partner chose: none may
    lead the app server to its own network (loopback, private, link-local, reserved), where
    internal services listen. SYNDICATION_ALLOW_PRIVATE_ADDRESSES lifts this, for tests
    and for a partner's server on the newsroom's own network."""
    if settings.SYNDICATION_ALLOW_PRIVATE_ADDRESSES:
        return
    parts = urlsplit(url)
    try:
        found = socket.getaddrinfo(
            parts.hostname or "", parts.port or 443, proto=socket.IPPROTO_TCP
        )
    except (socket.gaierror, UnicodeError):
        raise FetchError(_("%(url)s: its host name is not known.") % {"url": url}) from None
    for *_rest, address in found:
        ip = ipaddress.ip_address(address[0])
        if not ip.is_global or ip.is_multicast:
            raise FetchError(
                _("%(url)s leads to a private network address, which feeds may not use.")
                % {"url": url}
            )


def _read(response, url, max_bytes, deadline):
    too_big = _("%(url)s is larger than %(size)s MB.") % {
        "url": url,
        "size": f"{max_bytes / 1_000_000:g}",
    }
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(too_big)
    body = bytearray()
    try:
        # read1 returns whatever has arrived (decompressed), where iter_content waits for
        # a whole chunk: a server sending a byte now and then would outlast the deadline.
        while chunk := response.raw.read1(CHUNK, decode_content=True):
            body += chunk
            if len(body) > max_bytes:
                raise FetchError(too_big)
            if time.monotonic() > deadline:
                raise FetchError(_("%(url)s did not answer in time.") % {"url": url})
    except (urllib3.exceptions.HTTPError, OSError) as error:
        raise FetchError(_("%(url)s broke off: %(error)s") % {"url": url, "error": error}) from None
    return bytes(body)
