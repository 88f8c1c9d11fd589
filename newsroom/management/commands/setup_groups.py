from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from newsroom.groups import setup_groups


class Command(BaseCommand):
    help = (
        "Create Editors, Moderators, one Translators group per edition and the Copy desk "
        "review workflow (idempotent)."
    )

    def handle(self, *args, **options):
        setup_groups()
        self.stdout.write(
            "Groups: " + ", ".join(Group.objects.order_by("name").values_list("name", flat=True))
        )
