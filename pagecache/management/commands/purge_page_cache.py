from django.core.management.base import BaseCommand, CommandError

from pagecache import tags
from pagecache.purge import purge, replay_pending


class Command(BaseCommand):
    help = (
        "Purge every page in the page cache: run it after a deploy that changes templates or "
        "code, which no content change announces. With --pending, apply only the purges the "
        "cache did not take when they were made (e.g. from cron, after a Redis outage)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--pending", action="store_true", help="Apply only the purges still pending."
        )

    def handle(self, **options):
        if not options["pending"]:
            purge({tags.SITE})  # committed at once: applied now, or left pending
        left = replay_pending()
        if left:
            raise CommandError(
                f"The cache cannot be reached; purges still pending: {left}. They are applied "
                "as soon as it answers; run this again to check."
            )
        if options["pending"]:
            self.stdout.write("No purge is pending.")
        else:
            self.stdout.write("Every cached page is purged; pages are made afresh as readers ask.")
