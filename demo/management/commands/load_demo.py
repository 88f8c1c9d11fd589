from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from demo.builder import DemoBuilder, ensure_admin
from newsroom.groups import setup_groups


class Command(BaseCommand):
    help = (
        "Load the demo magazine (English and French editions, Russian originals). "
        "Safe to run again: it completes what is missing and duplicates nothing."
    )

    # The loader leaves a whole site: its pages indexed for search, their pictures' renditions
    # made, whether or not a task worker runs (bench/ builds databases without one). Its
    # publishes do not make their pages again: no reader is waiting for them yet.
    @override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
        PAGE_CACHE_REWARM=False,
    )
    def handle(self, *args, **options):
        DemoBuilder(self.stdout).build()
        # The translators' groups need the edition home pages the demo has just made.
        setup_groups()
        # Readers never wait for a rendition, even of pictures made before this code.
        call_command("prepare_renditions", stdout=self.stdout)
        ensure_admin(self.stdout)
