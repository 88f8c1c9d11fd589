from django.core.management.base import BaseCommand

from pagecache import store, tags


class Command(BaseCommand):
    help = (
        "Purge every page in the page cache: run it after a deploy that changes templates or "
        "code, which no content change announces."
    )

    def handle(self, **options):
        store.mark_purged({tags.SITE})
        self.stdout.write("Every cached page is purged; pages are made afresh as readers ask.")
