import posixpath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError
from wagtail.utils.file import hash_filelike

from stories.image_metadata import strip_original


class Command(BaseCommand):
    help = (
        "Remove the photograph's metadata (GPS position, camera, time) from originals "
        "uploaded before uploads were stripped, keeping colour profile and orientation; "
        "their renditions are made again. Pictures are stored anew before the old files go."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count the originals that carry some."
        )

    def handle(self, **options):
        if settings.IMAGES_KEEP_ORIGINAL_METADATA:
            raise CommandError("IMAGES_KEEP_ORIGINAL_METADATA is set: originals keep theirs.")
        Image = get_image_model()
        stripped = missing = 0
        for image in Image.objects.order_by("pk").iterator():
            try:
                with image.open_file() as original:
                    data = original.read()
            except (SourceImageIOError, FileNotFoundError, OSError):
                missing += 1
                continue
            clean = strip_original(data)
            if clean == data:
                continue
            stripped += 1
            if not options["dry_run"]:
                self.store(image, clean)
        verb = "carry" if options["dry_run"] else "were stripped of"
        self.stdout.write(f"{stripped} originals {verb} metadata; {missing} files missing.")

    def store(self, image, data):
        old_name, size = image.file.name, (image.width, image.height)
        with transaction.atomic():
            image.file.save(posixpath.basename(old_name), ContentFile(data), save=False)
            image.width, image.height = size  # the same pixels, whatever the field read
            image.file_size = len(data)
            image.file_hash = hash_filelike(ContentFile(data))
            image.renditions.all().delete()  # their files go as their rows do
            image.save()  # renditions are made again, and pages purged, as on upload
        image.file.storage.delete(old_name)
