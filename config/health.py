"""/healthz and /readyz, for load balancers and orchestrators.

Answered first, before host validation and the redirect to HTTPS, since probes come over
plain HTTP to an address rather than the site's name, and never cached or logged as pages.
- /healthz: the process answers (liveness). It checks nothing else, so a database outage
  never makes an orchestrator restart healthy app servers.
- /readyz: the database answers a query and the cache keeps and returns a value
  (readiness); 503 with the failing part named otherwise.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse

logger = logging.getLogger(__name__)


def database_ready():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError as error:
        logger.warning("Readiness: the database does not answer: %s", error)
        return False


def cache_ready():
    # The cache degrades silently when it cannot be reached (config/cache.py): a value
    # written and read back is the only proof that it works. Under a key of the probe's
    # own: app servers sharing one Redis are probed at the same moments, and one probe's
    # write between another's write and read failed it (bench/cluster found it).
    value = secrets.token_hex(8)
    key = f"readyz:{value}"
    cache.set(key, value, timeout=10)
    ready = cache.get(key) == value
    cache.delete(key)
    return ready


def probe_response(checks):
    ready = all(checks.values())
    body = {name: "ok" if passed else "unavailable" for name, passed in checks.items()}
    response = JsonResponse(body, status=200 if ready else 503)
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return probe_response({"process": True})
        if request.path_info == "/readyz":
            return probe_response({"database": database_ready(), "cache": cache_ready()})
        return self.get_response(request)
