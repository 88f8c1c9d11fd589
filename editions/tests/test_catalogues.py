"""The French catalogue is complete and up to date with the code."""

import os
import shutil

import polib

from tests.support import BASE_DIR, manage, missing

FRENCH = BASE_DIR / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def test_french_catalogue_has_no_untranslated_or_fuzzy_message():
    catalogue = polib.pofile(str(FRENCH))
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
    assert not catalogue.metadata_is_fuzzy


def test_makemessages_would_add_nothing_to_the_french_catalogue(tmp_path):
    if shutil.which("xgettext") is None:
        missing("GNU gettext (xgettext) is not installed")
    copy = tmp_path / "project"
    shutil.copytree(
        BASE_DIR,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "media", "staticfiles", "*.sqlite3", "__pycache__", "tests", "*.mo"
        ),
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    result = manage("makemessages", "-l", "fr", env=environment, cwd=copy, timeout=300)
    assert result.returncode == 0, result.stderr
    wanted = {e.msgid for e in polib.pofile(str(copy / FRENCH.relative_to(BASE_DIR)))}
    have = {e.msgid for e in polib.pofile(str(FRENCH))}
    assert sorted(wanted - have) == [], "run makemessages -l fr and translate the new messages"
