from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsletter.sending import NotSendable, send_briefing, waiting
from stories.models import BriefingPage


def find_briefing(reference):
    """A briefing by page id, or by its address such as /en/in-the-news/tram-comes-back/."""
    if reference.isdigit():
        return BriefingPage.objects.filter(pk=int(reference)).first()
    language, _, rest = reference.strip("/").partition("/")
    if not rest:
        return None
    return BriefingPage.objects.filter(
        locale__language_code=language, url_path__endswith=f"/{rest.strip('/')}/"
    ).first()


class Command(BaseCommand):
    help = (
        "Send a published briefing to the confirmed subscribers of its edition. Safe to run "
        "again: nobody gets the same briefing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("briefing", help="page id, or its address like /en/in-the-news/x/")
        parser.add_argument("--batch-size", type=int, default=settings.NEWSLETTER_BATCH_SIZE)
        parser.add_argument("--dry-run", action="store_true", help="only count the recipients")

    def handle(self, briefing, batch_size, dry_run, **options):
        page = find_briefing(briefing)
        if page is None:
            raise CommandError(f"No briefing found for {briefing!r}.")
        if dry_run:
            self.stdout.write(f"{waiting(page).count()} subscriber(s) would receive “{page}”.")
            return
        try:
            report = send_briefing(page, batch_size=batch_size)
        except NotSendable as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"“{page}”: sent {report.sent}; {report.already} had it already; "
            f"{report.in_doubt} in doubt from an interrupted run (not resent)."
        )
