"""Production refuses to run half-configured, and passes Django's deployment checks."""

import os

import pytest
from django.core.management import call_command

from tests.support import BASE_DIR, manage

GOOD_SECRET = "x7!Kq2#vR9@mLp4$wZ8^tY1&nB6*hJ3(cF5)dS0_gA-eU+iO=yT"


def manage_in_production(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in (
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        )
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="config.settings.production")
    return manage(*args, env=environment)


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, "SECRET_KEY and ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "news.example"}, "SECRET_KEY"),
        ({"SECRET_KEY": GOOD_SECRET}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": "", "ALLOWED_HOSTS": ""}, "SECRET_KEY and ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_secrets(env, missing):
    result = manage_in_production("check", **env)
    assert result.returncode != 0
    assert f"set {missing} in the environment" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_check_deploy_is_clean():
    result = manage_in_production(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=GOOD_SECRET,
        ALLOWED_HOSTS="news.example",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("redis_url", "backend"),
    [
        ("redis://127.0.0.1:6379/3", "config.cache.RedisCache"),
        ("", "config.cache.DatabaseCache"),
    ],
)
def test_production_cache_is_shared_between_workers(redis_url, backend):
    """Redis from REDIS_URL, else the database: never a cache of one process."""
    result = manage_in_production(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        SECRET_KEY=GOOD_SECRET,
        ALLOWED_HOSTS="news.example",
        REDIS_URL=redis_url,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == backend


@pytest.mark.django_db
def test_migrations_are_committed():
    # Fails when a model change has no migration.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_every_edition_language_has_a_catalogue():
    from django.conf import settings

    for code in settings.EDITION_LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        assert (BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po").exists(), code


def setting(expression, **env):
    result = manage_in_production(
        "shell",
        "-c",
        f"from django.conf import settings; print({expression})",
        SECRET_KEY=GOOD_SECRET,
        ALLOWED_HOSTS="news.example",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_uploads_go_to_object_storage_when_a_bucket_is_named():
    assert setting("settings.STORAGES['default']['BACKEND']") == (
        "django.core.files.storage.FileSystemStorage"
    )
    options = "settings.STORAGES['default']"
    s3 = setting(
        options,
        AWS_STORAGE_BUCKET_NAME="meridian-media",
        AWS_S3_ENDPOINT_URL="https://s3.example",
        AWS_S3_CUSTOM_DOMAIN="media.news.example",
    )
    assert "storages.backends.s3.S3Storage" in s3
    assert "'bucket_name': 'meridian-media'" in s3 and "'querystring_auth': False" in s3
    assert "'custom_domain': 'media.news.example'" in s3
    # The backend loads: django-storages and boto3 are installed.
    assert (
        setting(
            "__import__('django.core.files.storage').core.files.storage.default_storage"
            ".__class__.__name__",
            AWS_STORAGE_BUCKET_NAME="meridian-media",
        )
        == "S3Storage"
    )


def test_search_uses_opensearch_when_its_address_is_set():
    backend = "settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND']"
    assert setting(backend) == "wagtail.search.backends.database"
    assert setting(backend, OPENSEARCH_URL="https://search.example:9200") == (
        "wagtail.search.backends.opensearch3"
    )
    # Its client library is installed, so the backend can be loaded.
    assert (
        setting(
            "__import__('wagtail.search.backends', fromlist=['get_search_backend'])"
            ".get_search_backend().__class__.__name__",
            OPENSEARCH_URL="https://search.example:9200",
        )
        == "OpenSearch3SearchBackend"
    )
    # OPENSEARCH_INDEX names the site's indexes (Wagtail's and readers' search's), so that
    # two sites can share a cluster.
    assert (
        setting(
            "__import__('wagtail.search.backends', fromlist=['get_search_backend'])"
            ".get_search_backend().index_prefix",
            OPENSEARCH_URL="https://search.example:9200",
            OPENSEARCH_INDEX="meridian_staging",
        )
        == "meridian_staging_"
    )


def test_the_page_cache_is_on_in_production_and_a_cdn_adds_shared_headers():
    assert setting("settings.PAGE_CACHE_ENABLED") == "True"
    # Before sessions and users (a hit needs neither), after the headers every response gets.
    order = setting(
        "[settings.MIDDLEWARE.index(m) for m in ("
        "'config.security.ContentSecurityPolicyMiddleware', "
        "'pagecache.middleware.PageCacheMiddleware', "
        "'django.contrib.sessions.middleware.SessionMiddleware')]"
    )
    csp, page_cache, sessions = (int(n) for n in order.strip("[]").split(","))
    assert csp < page_cache < sessions
    backend = setting(
        "settings.WAGTAILFRONTENDCACHE['cloudflare']['BACKEND']",
        FRONTEND_CACHE="cloudflare",
        CLOUDFLARE_BEARER_TOKEN="token",
        CLOUDFLARE_ZONE_ID="zone",
    )
    assert backend == "wagtail.contrib.frontend_cache.backends.CloudflareBackend"
    result = manage_in_production(
        "check", FRONTEND_CACHE="akamai", SECRET_KEY=GOOD_SECRET, ALLOWED_HOSTS="x"
    )
    assert result.returncode != 0 and "use cloudflare or cloudfront" in result.stderr


def test_a_replica_url_adds_the_replica_and_its_router():
    assert setting("(sorted(settings.DATABASES), settings.DATABASE_ROUTERS)") == "(['default'], [])"
    replica = "postgres://reader@replica.internal:5432/meridian"
    routed = setting(
        "(sorted(settings.DATABASES), settings.DATABASE_ROUTERS,"
        " settings.DATABASES['replica']['HOST'], settings.DATABASES['replica']['TEST']['MIRROR'])",
        DATABASE_URL="postgres://app@primary.internal:5432/meridian",
        DATABASE_REPLICA_URL=replica,
    )
    assert routed == (
        "(['default', 'replica'], ['config.replica.ReplicaRouter'], 'replica.internal', 'default')"
    )
    refused = manage_in_production(
        "check",
        SECRET_KEY=GOOD_SECRET,
        ALLOWED_HOSTS="news.example",
        DATABASE_REPLICA_URL="sqlite:////tmp/replica.sqlite3",
    )
    assert refused.returncode != 0 and "must be a PostgreSQL replica" in refused.stderr
