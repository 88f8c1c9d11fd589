"""Story cards: every listing leads each card with its story's picture (cropped to 3:2 around
the editor's focal point), the first of a topic's or the front page's larger and fetched
first, video cards with a play mark, compact ones in the front page's rail; a listing's
pictures read in one trip to the cache."""

import pytest
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from stories import cards, pictures
from stories.factories import (
    AuthorFactory,
    ImageFactory,
    PartnerOutletFactory,
    StoryPageFactory,
)
from tests.support import rendition_reads, soup_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]

Rendition = get_image_model().get_rendition_model()


@pytest.fixture
def listed(tree, django_capture_on_commit_callbacks):
    """Six stories of Drones by one author and partner, oldest first: one with neither
    picture nor video, one with a video and no picture, one with a video and its poster,
    then three with pictures (the newest "picture 0")."""
    topic = tree.topics[0]
    author, partner = AuthorFactory(name="Inès Marlow"), PartnerOutletFactory()
    with django_capture_on_commit_callbacks(execute=True):  # as uploads: renditions made
        images = [ImageFactory() for _ in range(4)]
        # One as wide as the widest crop, whose cards offer every width.
        images[1] = ImageFactory(file__width=1200, file__height=800)
    kinds = [
        ("plain", {}),
        ("no picture, video", {"lead_video_url": "https://vimeo.com/123456789"}),
        ("poster", {"lead_image": images[3], "lead_video_url": "https://vimeo.com/987654321"}),
        *((f"picture {n}", {"lead_image": images[n]}) for n in (2, 1, 0)),
    ]
    stories = [
        StoryPageFactory(
            parent=tree.section,
            title=title,
            topics=[topic],
            focus=topic,
            authors=[author],
            partner=partner,
            **fields,
        )
        for title, fields in kinds
    ]
    return {story.title: story for story in stories} | {"author": author, "partner": partner}


def card_of(page, title):
    return next(
        card
        for card in page.select(".story-card")
        if card.select_one(".story-card__headline").get_text() == title
    )


def listings(tree, listed):
    story = listed["picture 2"]
    return {
        "front page": tree.home.url,
        "topic": tree.topics[0].url,
        "section": tree.section.url,
        "author": listed["author"].url,
        "partner": listed["partner"].url,
        "search": f"{tree.home.url}search/?q=picture",
        "related stories": story.url,
    }


def test_every_listing_leads_its_cards_with_the_storys_picture(client, tree, listed):
    for name, url in listings(tree, listed).items():
        page = soup_of(client, url)
        card = card_of(page, "picture 1")
        link = card.select_one("a.story-card__picture")
        assert link is not None, name
        # The headline is the card's link for keyboards and screen readers.
        assert link["href"] == listed["picture 1"].url
        assert link["aria-hidden"] == "true" and link["tabindex"] == "-1"
        img = link.select_one("picture img")
        assert img["alt"] == "" and img["width"] and img["height"]
        assert [s["type"] for s in link.select("picture source")] == ["image/avif", "image/webp"]
        # Crops, at every width the card may be shown at.
        crops = [c.split()[0] for c in img["srcset"].split(",")]
        for crop, size in zip(crops, ("400x267", "800x533", "1200x800"), strict=True):
            assert f".fill-{size}." in crop, name
    # A story without a picture or video has a card without a picture.
    plain = card_of(soup_of(client, tree.topics[0].url), "plain")
    assert plain.select_one(".story-card__picture") is None


def test_the_lead_card_is_fetched_first_and_the_others_wait(client, tree, listed):
    for url in (tree.home.url, tree.topics[0].url):
        page = soup_of(client, url)
        lead, *others = page.select("main .story-card")
        assert "story-card--lead" in lead["class"]
        img = lead.select_one("img")
        assert img["fetchpriority"] == "high" and not img.get("loading")
        assert img["sizes"] == cards.SIZES["lead"]
        for card in others:
            if img := card.select_one("img"):
                assert img["loading"] == "lazy" and not img.get("fetchpriority")
    # A topic's other cards are its grid's; the front page's after the second tier are its
    # rail's, compact: headline and date, no summary or excerpt.
    topic = soup_of(client, tree.topics[0].url)
    assert {img["sizes"] for img in topic.select(".story-card--grid img")} == {cards.SIZES["grid"]}
    front = soup_of(client, tree.home.url)
    grid, compact = front.select(".front__latest .story-card"), front.select(".story-card--compact")
    assert len(grid) == 4 and "story-card--grid" in grid[0]["class"]
    assert [c.select_one(".story-card__headline").get_text() for c in compact] == ["plain"]
    assert not compact[0].select(".story-card__summary, details, .byline")


def test_a_video_card_shows_its_poster_with_a_play_mark(client, tree, listed):
    page = soup_of(client, tree.topics[0].url)
    poster = card_of(page, "poster")
    assert "story-card--video" in poster["class"]
    assert poster.select_one(".story-card__picture picture img")
    assert poster.select_one(".story-card__picture .story-card__play")
    assert poster.select_one(".video-marker").get_text() == "Watch video"
    # Without a picture the card still shows a frame that plays.
    bare = card_of(page, "no picture, video").select_one(".story-card__picture")
    assert "story-card__picture--bare" in bare["class"]
    assert bare.select_one(".story-card__play") and not bare.select_one("img")


def served_reads(client, url):
    with rendition_reads() as seen:
        assert client.get(url).status_code == 200
    return seen.reads, seen.queries


@pytest.mark.parametrize("listing", ["front page", "topic", "section", "author", "search"])
def test_a_listings_pictures_are_read_in_one_trip_to_the_cache(client, tree, listed, listing):
    url = listings(tree, listed)[listing]
    shown = len(soup_of(client, url).select(".story-card__picture img"))
    assert shown >= 3
    reads, queries = served_reads(client, url)
    # Three widths in three formats of each.
    assert [len(keys) for keys in reads] == [shown * 9]
    assert not queries


def test_a_listings_pictures_missing_from_the_cache_are_read_in_one_query(client, tree, listed):
    url = tree.topics[0].url
    client.get(url)
    lacking = [
        Rendition.construct_cache_key(image, f.get_cache_key(image), f.spec)
        for image in (listed["picture 0"].lead_image, listed["picture 1"].lead_image)
        for f in pictures.filters("card")
    ]
    Rendition.cache_backend.delete_many(lacking)
    reads, queries = served_reads(client, url)
    assert len(reads) == 1 and len(queries) == 1
    assert Rendition.cache_backend.get_many(lacking).keys() == set(lacking)


def test_kept_cards_read_no_pictures(client, tree, listed, settings):
    settings.FRAGMENT_CACHE_ENABLED = True
    settings.PAGE_CACHE_CLOCK_SKEW = 0  # kept fresh from the request that made them
    url = tree.section.url
    first = soup_of(client, url).select("main .story-card")
    reads, queries = served_reads(client, url)
    assert reads == [] and queries == []
    assert soup_of(client, url).select("main .story-card") == first


def test_a_pictures_renditions_include_its_cards_crops(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory(
            focal_point_x=100, focal_point_y=50, focal_point_width=20, focal_point_height=20
        )
    made = set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))
    assert set(pictures.specs("card")) <= made
    # 3:2, as far as the (small) original allows.
    crop = Rendition.objects.get(image=image, filter_spec="fill-400x267|format-jpeg")
    assert abs(crop.width / crop.height - 1.5) < 0.05


def test_keep_reading_opens_the_storys_first_paragraphs(client, tree):
    def words(n, word):
        return " ".join([word] * n)

    body = [
        ("paragraph", RichText(f"<p>{words(30, 'first')}</p><p>{words(30, 'second')}</p>")),
        ("heading", "Between"),
        ("paragraph", RichText(f"<p>{words(30, 'third')} R&amp;D</p><p>{words(30, 'fourth')}</p>")),
    ]
    story = StoryPageFactory(parent=tree.section, title="Paragraphs", body=body)
    long = StoryPageFactory(
        parent=tree.section,
        title="One long paragraph",
        body=[("paragraph", RichText(f"<p>{words(200, 'long')}</p>"))],
    )
    page = soup_of(client, tree.section.url)
    excerpt = card_of(page, "Paragraphs").select_one("details.story-card__excerpt")
    # Whole paragraphs until 80 words are shown, then the link to the rest.
    shown = [p.get_text() for p in excerpt.select("p")]
    assert [p.split()[0] for p in shown] == ["first", "second", "third", "Read"]
    assert shown[2].endswith("R&D")
    assert excerpt.select_one("a")["href"] == story.url
    cut = card_of(page, "One long paragraph").select_one("details.story-card__excerpt p")
    assert cut.get_text() == words(160, "long") + "…"
    assert long.excerpt.count("\n\n") == 0
