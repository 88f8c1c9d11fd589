import json
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Page

from backup import archive
from newsletter.models import Subscriber


class Command(BaseCommand):
    help = (
        "Restore a folder made by backup_site into an empty database (migrated, with no "
        "content yet): content, uploaded media and subscribers, then the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="replace the content already in this database (it is erased first)",
        )

    def handle(self, folder, replace=False, **options):
        source = Path(folder)
        try:
            manifest = json.loads((source / archive.MANIFEST).read_text())
        except (OSError, ValueError) as error:
            raise CommandError(f"{source} is not a backup made by backup_site: {error}") from None
        if not replace and self.has_content():
            raise CommandError(
                "This database already has content: restore into an empty one, or pass "
                "--replace to erase it first."
            )
        with transaction.atomic():
            # Erases every table. Its signal makes content types and permissions again, with
            # ids of this database's choosing: they go too, and come back with the backup's.
            call_command("flush", interactive=False, verbosity=0)
            ContentType.objects.all().delete()
            ContentType.objects.clear_cache()
            call_command(
                "loaddata", str(source / archive.CONTENT_TYPES), format=archive.FORMAT, verbosity=0
            )
            ContentType.objects.clear_cache()
            call_command(
                "loaddata", str(source / archive.CONTENT), format=archive.FORMAT, verbosity=0
            )
            counts = archive.live_row_counts(manifest["rows"])
            missing = {m: n for m, n in manifest["rows"].items() if counts[m] != n}
            if missing:
                raise CommandError(f"Rows missing after loading: {missing}")
        archive.copy_media_in(source, manifest["files"])
        archive.forget_search_index()
        call_command("update_index", verbosity=0)
        call_command("index_stories", verbosity=0)
        cache.clear()  # settings, menus and pages of the database before
        self.stdout.write(
            f"Restored {sum(manifest['rows'].values())} rows and {len(manifest['files'])} "
            "files; the search index is rebuilt."
        )

    def has_content(self):
        # A migrated database holds Wagtail's root and its welcome page, nothing more.
        return (
            Page.objects.filter(depth__gt=2).exists()
            or Subscriber.objects.exists()
            or get_image_model().objects.exists()
        )
