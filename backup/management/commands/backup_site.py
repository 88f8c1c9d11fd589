import json
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from backup import archive


class Command(BaseCommand):
    help = (
        "Back up the site's content, uploaded media and subscribers into a new folder "
        "(backup/archive.py says what is in it); restore it with restore_site."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a folder that does not exist yet")

    def handle(self, folder, **options):
        target = Path(folder)
        if target.exists():
            raise CommandError(f"{target} exists: a backup goes into a new folder.")
        target.mkdir(parents=True)
        call_command(
            "dumpdata",
            *archive.FOUNDATIONS,
            use_base_manager=True,
            format=archive.FORMAT,
            output=str(target / archive.CONTENT_TYPES),
            verbosity=0,
        )
        call_command(
            "dumpdata",
            exclude=archive.EXCLUDED,
            use_base_manager=True,
            format=archive.FORMAT,
            output=str(target / archive.CONTENT),
            verbosity=0,
        )
        files = archive.copy_media_out(target)
        counts = archive.row_counts(target / archive.CONTENT_TYPES)
        counts |= archive.row_counts(target / archive.CONTENT)
        manifest = {"rows": counts, "files": files}
        (target / archive.MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
        self.stdout.write(
            f"Backed up {sum(counts.values())} rows of {len(counts)} models and "
            f"{len(files)} files into {target}."
        )
