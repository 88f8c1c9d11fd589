"""The client's address, one rule for the login throttle and the sign-up limit."""

import pytest
from django.test import RequestFactory

from config.clients import client_ip


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.5", "10.0.0.2"),  # no trusted proxy: the header is the client's word
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "192.0.2.1, 203.0.113.5", "203.0.113.5"),  # a forged first entry is ignored
        (2, "203.0.113.5, 198.51.100.9", "203.0.113.5"),  # a CDN, then a load balancer
        (2, "198.51.100.9", "10.0.0.2"),  # too short to have come through both
        (1, "", "10.0.0.2"),
        (1, "not-an-address", "10.0.0.2"),
        (1, " 2001:db8::7 ", "2001:db8::7"),
    ],
)
def test_client_ip(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_axes_and_ratelimit_read_the_same_rule(settings):
    assert settings.AXES_CLIENT_IP_CALLABLE == settings.RATELIMIT_IP_META_KEY
    assert settings.RATELIMIT_IP_META_KEY == "config.clients.client_ip"
