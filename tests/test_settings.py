"""Production refuses to run half-configured, and passes Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

BASE_DIR = Path(__file__).resolve().parent.parent
GOOD_SECRET = "x7!Kq2#vR9@mLp4$wZ8^tY1&nB6*hJ3(cF5)dS0_gA-eU+iO=yT"


def manage(*args, **env):
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
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


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
    result = manage("check", **env)
    assert result.returncode != 0
    assert f"set {missing} in the environment" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_check_deploy_is_clean():
    result = manage(
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
        ("redis://127.0.0.1:6379/3", "django.core.cache.backends.redis.RedisCache"),
        ("", "django.core.cache.backends.db.DatabaseCache"),
    ],
)
def test_production_cache_is_shared_between_workers(redis_url, backend):
    """Redis from REDIS_URL, else the database: never a cache of one process."""
    result = manage(
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
