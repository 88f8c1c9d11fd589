"""The pictures readers see, by the part they play on a page, and the renditions each part
needs: AVIF and WebP with a JPEG (or, for logos, PNG) fallback, at every width a screen may
want. Templates render them with `{% reader_picture image "story" %}` (picture_tags), and
the renditions are made when a picture is saved, off the readers' request path."""

from contextlib import suppress
from functools import cache
from itertools import chain

from django.db import transaction
from django.db.models.signals import post_save
from django_tasks import task
from wagtail.images import get_image_model, get_image_model_string
from wagtail.images.models import Filter, SourceImageIOError
from wagtail.images.shortcuts import get_renditions_or_not_found

ROLES = {
    # Lead images, pictures in the body and video posters: a 40rem column, or the screen.
    "story": "width-{480,800,1280} format-{avif,webp,jpeg}",
    # A story's card: cropped to 3:2 around the focal point the editor set, from a rail's
    # thumbnail to the front page's lead on a phone's dense screen.
    "card": "fill-{400x267,800x533,1200x800} format-{avif,webp,jpeg}",
    "profile": "fill-{160x160,320x320} format-{avif,webp,jpeg}",  # an author's page
    "byline": "fill-{96x96,192x192} format-{avif,webp,jpeg}",  # "About the authors"
    "logo": "max-{160x160,320x320} format-{avif,webp,png}",  # a partner's page
    "masthead": "max-{240x48,480x96} format-{avif,webp,png}",  # the magazine's logo
    # The logo cropped square around its focal point: browser tabs, phones' home screens.
    "icon": "fill-{32x32,180x180,192x192,512x512} format-png",
    # A topic's picture, a band across the top of its page.
    "banner": "fill-{640x240,1280x480,1920x720} format-{avif,webp,jpeg}",
    # One rendition each, for what other programs fetch: social networks' cards, feed
    # readers' enclosures, search engines' publisher logo.
    "share": "fill-1200x630",
    "enclosure": "width-1200",
    "publisher": "max-600x60",
}

# What a picture may become, by where it was chosen.
STORY_PICTURE = ("story", "card", "share", "enclosure")
AUTHOR_PHOTO = ("profile", "byline", "share")
PARTNER_LOGO = ("logo", "share")
MAGAZINE_LOGO = ("masthead", "publisher", "share", "icon")
TOPIC_PICTURE = ("banner",)  # besides a story picture's: any picture may be one


def specs(*roles):
    return list(chain.from_iterable(Filter.expand_spec(ROLES[role]) for role in roles))


def spec(role):
    (only,) = specs(role)
    return only


@cache
def filters(role):
    """The role's renditions as Wagtail's filters, made once: Wagtail parses a filter's
    spec into its operations on first use, a dozen times a page for specs given as text."""
    return tuple(Filter(spec) for spec in specs(role))


def rendition(image, role):
    """The picture's one rendition for `role` (share, enclosure, publisher), or None when
    its file is gone from storage: the page goes without, rather than failing."""
    try:
        (only,) = filters(role)
        return image.get_rendition(only)
    except SourceImageIOError:
        return None


def distinct_widths(renditions):
    """`renditions` ({spec: rendition}) less any as wide as an earlier one of its format: a
    picture narrower than a role's widest size gives the same width more than once, which a
    srcset may not name twice (HTML's rule; the Nu checker's error)."""
    seen, kept = set(), {}
    for spec, found in renditions.items():
        key = (found.url.rsplit(".", 1)[-1], found.width)
        if key not in seen:
            seen.add(key)
            kept[spec] = found
    return kept


def icons(image):
    """{size: rendition} of the magazine's icons cut from `image` (the `icon` role)."""
    found = get_renditions_or_not_found(image, filters("icon"))
    return {int(spec.split("-")[1].split("x")[0]): r for spec, r in found.items()}


def prefetch(pictures):
    """Fetch the renditions of a page's pictures, `(image, role)` pairs, at once: from the
    rendition cache in one round trip, and what it lacks from the database in one query
    (then cached), where Wagtail asks both for each picture in turn. Each image keeps its
    own where Image.find_existing_renditions looks first; Wagtail makes any still missing."""
    rendition_model = get_image_model().get_rendition_model()
    # id(image): (image, {cache key: spec} of its renditions); an image may be shown twice.
    wanted = {}
    for image, role in pictures:
        if image is None or image.is_svg():  # Wagtail rewrites the filters of an SVG
            continue
        keys = wanted.setdefault(id(image), (image, {}))[1]
        keys.update(
            {
                rendition_model.construct_cache_key(image, f.get_cache_key(image), f.spec): f.spec
                for f in filters(role)
            }
        )
    if not wanted:
        return
    cache = rendition_model.cache_backend
    found = cache.get_many([key for _, keys in wanted.values() for key in keys])
    lacking, specs = {}, set()  # image id: (the image, cache keys of what the cache lacks)
    for image, keys in wanted.values():
        for key, spec in keys.items():
            if key not in found:
                lacking.setdefault(image.pk, (image, set()))[1].add(key)
                specs.add(spec)
    if lacking:
        read = {}
        for rendition in rendition_model.objects.filter(
            image_id__in=lacking, filter_spec__in=specs
        ):
            image, keys = lacking[rendition.image_id]
            key = rendition_model.construct_cache_key(
                image, rendition.focal_point_key, rendition.filter_spec
            )
            if key in keys:
                read[key] = rendition
        cache.set_many(read)
        found |= read
    for image, keys in wanted.values():
        image.prefetched_renditions = [found[key] for key in keys if key in found]
        for rendition in image.prefetched_renditions:
            rendition.image = image  # as Wagtail does with what it reads from the cache


def make_renditions(image, roles):
    # A file gone from storage is left to the pages, which show Wagtail's "not found" picture.
    with suppress(SourceImageIOError):
        image.get_renditions(*specs(*roles))


@task()
def prepare_renditions(image_id, roles):
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is not None:
        make_renditions(image, roles)


def prepare_later(image_id, roles):
    """Make the renditions once the change is committed, through Wagtail's task backend."""
    if image_id is not None:
        transaction.on_commit(lambda: prepare_renditions.enqueue(image_id, list(roles)))


# The picture each kind of object's save prepares renditions of, and for which parts. Any
# picture may lead a story; the other parts are known when a picture is chosen for them.
PICTURES_OF = {
    get_image_model_string(): ("pk", STORY_PICTURE),
    "stories.Author": ("photo_id", AUTHOR_PHOTO),
    "stories.PartnerOutlet": ("logo_id", PARTNER_LOGO),
    "editions.MagazineSettings": ("logo_id", MAGAZINE_LOGO),
    "stories.TopicPage": ("lead_image_id", TOPIC_PICTURE),
}


def prepare_pictures_of(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return  # rows loaded as they were (restore_site), which rebuilds the rest
    field, roles = PICTURES_OF[sender._meta.label]
    prepare_later(getattr(instance, field), roles)


for label in PICTURES_OF:
    post_save.connect(prepare_pictures_of, sender=label, dispatch_uid=f"prepare-pictures:{label}")
