"""Compile locale/*/LC_MESSAGES/*.po into .mo files.

Django's compilemessages needs GNU gettext's msgfmt, which a fresh machine may not
have; polib (already required by wagtail-localize) does the same in pure Python.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the interface translation catalogues (.po to .mo) without GNU gettext."

    def handle(self, *args, **options):
        compiled = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                catalogue = polib.pofile(str(po_path))
                catalogue.save_as_mofile(str(mo_path))
                compiled += 1
                self.stdout.write(f"{po_path} ({catalogue.percent_translated()}% translated)")
        self.stdout.write(f"Compiled {compiled} catalogue(s).")
