from .base import *  # noqa: F403
from .base import env

DEBUG = True
# A development key only: production reads SECRET_KEY from the environment.
SECRET_KEY = env("SECRET_KEY", default="django-insecure-dev-only-not-for-production")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# Hashed static files need collectstatic; the dev server serves sources as they are.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Off while templates and code change under the developer's hands; PAGE_CACHE=true tries it.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE", default=False)
FRAGMENT_CACHE_ENABLED = env.bool("FRAGMENT_CACHE", default=False)
