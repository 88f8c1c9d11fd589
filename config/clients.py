"""The address a request comes from, for the login throttle (django-axes) and the
newsletter's sign-up limit (django-ratelimit): one rule for both.

Behind TRUSTED_PROXY_COUNT proxies, each appends the address it got the request from to
X-Forwarded-For, so the client is the entry that many places from the end; the entries
before it are whatever the client sent, and may be forged. Without trusted proxies, or for a
request whose header is too short to have passed through them all, it is REMOTE_ADDR.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if len(forwarded) >= count:
            candidate = forwarded[-count].strip()
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass  # not an address a proxy would write: no trusted proxy wrote it
    return request.META.get("REMOTE_ADDR")
