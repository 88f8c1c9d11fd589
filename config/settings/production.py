import sys

from config.cache import database_caches

from .base import *  # noqa: F403
from .base import env

DEBUG = False

_missing = [name for name in ("SECRET_KEY", "ALLOWED_HOSTS") if not env.str(name, default="")]
if _missing:
    # A readable refusal, not a traceback: production never runs on a default secret
    # or answers for any host.
    sys.exit(
        "Production settings refuse to start: set "
        + " and ".join(_missing)
        + " in the environment (ALLOWED_HOSTS is a comma-separated list of host names)."
    )

SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# HTTPS everywhere. Behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER=true;
# SECURE_SSL_REDIRECT=false is only for a loopback benchmark without TLS.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
if env.bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# A cache every app server shares (page fragments, renditions, the newsletter's rate limit):
# Redis when REDIS_URL is set, else a table in the database (`manage.py createcachetable`).
# Never a per-process cache: each gunicorn worker would count and cache on its own.
if env.str("REDIS_URL", default=""):
    REDIS_CACHE = {
        "LOCATION": env.str("REDIS_URL"),
        # A Redis that does not answer is given up on quickly: the cache only saves
        # work, and a page made afresh beats a reader kept waiting (config/cache.py).
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    CACHES = {
        "default": REDIS_CACHE | {"BACKEND": "config.cache.RedisCache"},
        # Wagtail's renditions, in the same Redis, without its writes of what it just read.
        "renditions": REDIS_CACHE | {"BACKEND": "config.cache.RenditionCache"},
    }
else:
    CACHES = database_caches("meridian_cache")

# What the task worker delivers e-mail through (config.mail); requests only enqueue it.
EMAIL_DELIVERY_BACKEND = env.str(
    "EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="newsroom@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
