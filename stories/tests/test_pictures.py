"""Pictures: every one a <picture> of responsive renditions (AVIF, WebP and a fallback, width
and height set, lazy below the fold), made when the picture is saved, not when read."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from stories import pictures
from stories.factories import AuthorFactory, ImageFactory, PartnerOutletFactory, StoryPageFactory
from tests.support import rendition_reads, soup_of

pytestmark = pytest.mark.django_db

Rendition = get_image_model().get_rendition_model()


@pytest.fixture
def story(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # as an upload would: renditions
        # Wide enough for three widths each; the photo's crops are small anyway.
        lead, inside, poster = (ImageFactory(file__width=900, file__height=600) for _ in range(3))
        photo = ImageFactory()
        author = AuthorFactory(name="Inès Marlow", photo=photo)
    return StoryPageFactory(
        parent=tree.section,
        lead_image=lead,
        authors=[author],
        body=[
            ("image", {"image": inside, "caption": "The pier", "credit": "Desk"}),
            ("video", {"url": "https://vimeo.com/123456789", "poster": poster, "caption": ""}),
        ],
    )


def test_every_picture_is_responsive_with_modern_formats_and_a_fallback(client, story):
    page = soup_of(client, story.url)
    pictures_ = page.select("main picture")
    assert len(pictures_) == 4  # lead, body image, video poster, author photo
    for picture in pictures_:
        types = [source["type"] for source in picture.select("source")]
        assert types == ["image/avif", "image/webp"]
        img = picture.img
        assert img["src"].endswith(".jpg")
        assert img["width"] and img["height"] and img["sizes"] and img["srcset"]
        assert all(" " in candidate.strip() for candidate in img["srcset"].split(","))


def test_only_pictures_below_the_fold_wait(client, story):
    page = soup_of(client, story.url)
    lead = page.select_one(".story__lead-image img")
    assert lead.get("loading") is None and lead["fetchpriority"] == "high"
    for img in page.select(".story__body img, .authors img"):
        assert img["loading"] == "lazy", img


def test_renditions_are_made_when_a_picture_is_saved_not_when_read(client, story):
    before = Rendition.objects.count()
    client.get(story.url)
    assert Rendition.objects.count() == before
    lead = story.lead_image
    made = set(Rendition.objects.filter(image=lead).values_list("filter_spec", flat=True))
    assert made == set(pictures.specs(*pictures.STORY_PICTURE))


def test_a_story_page_reads_all_its_renditions_in_one_trip_to_the_cache(client, story):
    client.get(story.url)  # the cache now holds what the page shows
    with rendition_reads() as seen:
        page = soup_of(client, story.url)
    assert len(page.select("main picture")) == 4
    # three pictures at 3 widths in 3 formats, the photo at 2 in 3, and the shared image
    assert len(seen.reads) == 1 and len(seen.reads[0]) == 3 * 9 + 2 * 3 + 1
    assert not seen.queries


def test_renditions_missing_from_the_cache_are_read_in_one_query_and_cached(client, story):
    client.get(story.url)
    photo = story.bylines.get().author.photo
    lacking = [cache_keys(story.lead_image, "story")[0], *cache_keys(photo, "byline")]
    Rendition.cache_backend.delete_many(lacking)
    before = Rendition.objects.count()
    with CaptureQueriesContext(connection) as queries:
        page = soup_of(client, story.url)
    assert page.select_one(".story__lead-image img")["src"].endswith(".jpg")
    assert len([q for q in queries if Rendition._meta.db_table in q["sql"]]) == 1
    assert Rendition.objects.count() == before  # found, not made again
    assert Rendition.cache_backend.get_many(lacking).keys() == set(lacking)


def cache_keys(image, role):
    return [
        Rendition.construct_cache_key(image, f.get_cache_key(image), f.spec)
        for f in pictures.filters(role)
    ]


def test_an_author_photo_gets_its_crops_when_chosen(tree, django_capture_on_commit_callbacks):
    photo = ImageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        AuthorFactory(photo=photo)
    made = set(Rendition.objects.filter(image=photo).values_list("filter_spec", flat=True))
    assert set(pictures.specs(*pictures.AUTHOR_PHOTO)) <= made


def test_prepare_renditions_makes_what_is_missing_and_nothing_twice(tree):
    photo, logo, picture = ImageFactory(), ImageFactory(), ImageFactory()
    AuthorFactory(photo=photo)
    PartnerOutletFactory(logo=logo)
    out = io.StringIO()
    call_command("prepare_renditions", stdout=out)
    specs = set(Rendition.objects.filter(image=logo).values_list("filter_spec", flat=True))
    assert set(pictures.specs(*pictures.PARTNER_LOGO)) <= specs
    assert Rendition.objects.filter(image=picture).count() == len(
        pictures.specs(*pictures.STORY_PICTURE)
    )
    out = io.StringIO()
    call_command("prepare_renditions", stdout=out)
    assert out.getvalue().startswith("0 renditions made")


def test_a_picture_whose_file_is_gone_does_not_break_the_page(client, tree):
    lead = ImageFactory()
    lead.file.storage.delete(lead.file.name)
    call_command("prepare_renditions", stdout=io.StringIO())
    story = StoryPageFactory(parent=tree.section, lead_image=lead)
    assert client.get(story.url).status_code == 200


def test_a_small_picture_never_names_a_width_twice(
    client, tree, django_capture_on_commit_callbacks
):
    """An original narrower than a role's widest size gives that width for several sizes:
    the srcset names each once (HTML forbids repeats)."""
    with django_capture_on_commit_callbacks(execute=True):
        small = ImageFactory(file__width=700, file__height=467)
    story = StoryPageFactory(parent=tree.section, lead_image=small, topics=tree.topics[:1])
    for url in (story.url, tree.topics[0].url):
        for candidates in soup_of(client, url).select("main picture source, main picture img"):
            widths = [c.split()[1] for c in candidates["srcset"].split(",")]
            assert len(widths) == len(set(widths)), (url, candidates)
    img = soup_of(client, story.url).select_one(".story__lead-image img")
    assert [c.split()[1] for c in img["srcset"].split(",")] == ["480w", "700w"]
