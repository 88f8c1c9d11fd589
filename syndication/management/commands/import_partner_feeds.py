import logging

from django.core.management.base import BaseCommand, CommandError

from syndication.importing import ImportReport, import_partner_feed, partners_with_feeds

from ._report import print_report

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Import the new feed items of every partner outlet that has a feed (run it from cron). "
        "One partner's broken feed does not stop the others; exits 1 if any failed."
    )

    def handle(self, **options):
        reports = [self.import_feed(partner) for partner in partners_with_feeds()]
        for report in reports:
            print_report(self, report)
        failed = [report for report in reports if report.error]
        if failed:
            raise CommandError(f"{len(failed)} of {len(reports)} partner feeds failed.")
        self.stdout.write(f"{len(reports)} partner feeds imported.")

    def import_feed(self, partner):
        try:
            return import_partner_feed(partner)
        except Exception as error:  # one partner's surprise must not stop the others
            logger.exception("Importing the feed of %s failed", partner)
            return ImportReport(partner, error=f"Unexpected error: {error!r}")
