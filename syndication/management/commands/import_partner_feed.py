from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from stories.models import PartnerOutlet
from syndication.importing import import_partner_feed

from ._report import print_report


class Command(BaseCommand):
    help = (
        "Import a partner outlet's new feed items as draft stories in its language. "
        "Items imported before are skipped. Exits 1 when the feed cannot be imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("partner", help="the partner outlet's slug or ID")

    def handle(self, partner, **options):
        lookup = Q(slug=partner) | Q(pk=int(partner)) if partner.isdigit() else Q(slug=partner)
        # A slug is shared by the outlet's versions in every language: any one will do.
        found = PartnerOutlet.objects.filter(lookup).first()
        if found is None:
            raise CommandError(f"No partner outlet {partner!r}.")
        report = import_partner_feed(found)
        print_report(self, report)
        if report.error:
            raise CommandError(report.summary())
