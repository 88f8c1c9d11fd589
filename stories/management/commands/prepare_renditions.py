from collections import defaultdict

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from editions.models import MagazineSettings
from stories import pictures
from stories.models import Author, PartnerOutlet, TopicPage


class Command(BaseCommand):
    help = (
        "Make the renditions readers' pages use for every picture already uploaded, so that "
        "no reader waits for one (pictures saved from now on get theirs as they are saved)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--remake",
            action="store_true",
            help=(
                "Delete every picture's renditions and make them anew, e.g. once, after the "
                "upgrade that stopped renditions carrying the photograph's metadata."
            ),
        )

    def handle(self, **options):
        Image = get_image_model()
        Rendition = Image.get_rendition_model()
        roles = defaultdict(set)
        for image_id in Image.objects.values_list("pk", flat=True):
            roles[image_id].update(pictures.STORY_PICTURE)
        for model, field, parts in (
            (Author, "photo", pictures.AUTHOR_PHOTO),
            (PartnerOutlet, "logo", pictures.PARTNER_LOGO),
            (MagazineSettings, "logo", pictures.MAGAZINE_LOGO),
            (TopicPage, "lead_image", pictures.TOPIC_PICTURE),
        ):
            for image_id in model.objects.exclude(**{field: None}).values_list(field, flat=True):
                roles[image_id].update(parts)
        before = Rendition.objects.count()
        if options["remake"]:
            # Wagtail deletes each file from storage as its row goes.
            before -= Rendition.objects.all().delete()[0]
        for image in Image.objects.filter(pk__in=roles).iterator():
            pictures.make_renditions(image, sorted(roles[image.pk]))
        made = Rendition.objects.count() - before
        self.stdout.write(f"{made} renditions made for {len(roles)} pictures.")
