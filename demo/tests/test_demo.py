"""`manage.py load_demo` builds the whole demo through wagtail-localize, and a second
run adds nothing. A run takes most of a minute on this project's machine, so each test
checks all it can of the runs it makes."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Locale, Page

from demo import content
from stories.models import (
    Author,
    BriefingPage,
    PartnerOutlet,
    SectionPage,
    StoryByline,
    StoryPage,
    StoryTopic,
    TopicPage,
)
from stories.models.topics import cards
from translations import desk

# Transactional, like a real run of the command: wagtail-localize publishes each
# translation on commit, and later steps build on the published parents.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def snapshot():
    return {
        "pages": Page.objects.count(),
        "images": Image.objects.count(),
        "authors": Author.objects.count(),
        "partners": PartnerOutlet.objects.count(),
        "bylines": StoryByline.objects.count(),
        "story topics": StoryTopic.objects.count(),
        "users": get_user_model().objects.count(),
    }


def load_demo(monkeypatch, password=None):
    if password:
        monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", password)
    else:
        monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(monkeypatch):
    return load_demo(monkeypatch)


def test_demo_has_the_promised_content_and_work_for_the_desk(demo, client):
    live = StoryPage.objects.live()
    awaiting = {
        code: sum(code in spec.get("awaiting", ()) for spec in content.STORIES)
        for code in ("en", "fr")
    }
    for code in ("en", "fr"):
        stories = len(content.STORIES) - awaiting[code]
        assert live.filter(locale__language_code=code).count() == stories, code
        assert TopicPage.objects.live().filter(locale__language_code=code).count() >= 4
        assert SectionPage.objects.live().filter(locale__language_code=code).count() == 2
        assert BriefingPage.objects.live().filter(locale__language_code=code).count() == 3
        assert Author.objects.filter(locale__language_code=code).count() >= 4
        assert PartnerOutlet.objects.filter(locale__language_code=code).count() == 4

    russian_originals = live.filter(locale__language_code="ru")
    assert russian_originals.count() >= 5
    for original in russian_originals:
        assert original.partner is not None
        for code in ("en", "fr"):
            translation = StoryPage.objects.filter(
                translation_key=original.translation_key, locale__language_code=code
            ).first()
            if translation is None:
                assert awaiting[code], f"{original} is missing in {code}"
                continue
            assert translation.live
            assert translation.title != original.title
            assert {t.topic.locale.language_code for t in translation.story_topics.all()} == {code}
            assert {b.signer.locale.language_code for b in translation.bylines.all()} == {code}
            assert {c.partner.locale.language_code for c in translation.partner_credits.all()} <= {
                code
            }
            assert translation.partner.locale.language_code == code

    # What a real desk writes, shown: a partner's byline, a second partner credited, a long
    # dek, an update note in the dateline's time, a briefing on a topic page.
    english = live.filter(locale__language_code="en")
    assert any(b.partner for story in english for b in story.bylines.all())
    assert any(story.partner_credits.exists() for story in english)
    assert any(len(story.summary or story.standfirst) > 300 for story in english)
    assert any(
        block.value["local_zone"]
        for story in english
        for block in story.body
        if block.block_type == "update_note"
    )
    briefings = BriefingPage.objects.live().filter(locale__language_code="en")
    assert any(briefing.bylines.exists() for briefing in briefings)
    assert any(not briefing.bylines.exists() for briefing in briefings)  # the magazine signs
    assert any(briefing.lead_video_url for briefing in briefings)
    topic = next(
        t.topic for b in briefings for t in b.briefing_topics.select_related("topic")
    ).specific
    kinds = {type(card).__name__ for card in cards(topic.listing())}
    assert kinds == {"StoryPage", "BriefingPage"}, topic.url

    used = {block.block_type for story in live for block in story.body}
    assert used == {
        "paragraph",
        "video",
        "pull_quote",
        "image",
        "heading",
        "newsletter_cta",
        "update_note",
    }
    assert Image.objects.count() >= len(content.IMAGES)
    # Every story and topic has a picture of its own, described for those who cannot see it.
    # (A translation shows its original's.)
    pictures = {
        *StoryPage.objects.values_list("lead_image", flat=True),
        *TopicPage.objects.values_list("lead_image", flat=True),
    }
    stories_and_topics = len(content.STORIES) + len(content.TOPICS)
    assert None not in pictures and len(pictures) == stories_and_topics
    assert all(Image.objects.filter(pk__in=pictures).values_list("description", flat=True))
    files = {image.file.read() for image in Image.objects.filter(pk__in=pictures)}
    assert len(files) == stories_and_topics  # drawn apart, not copies
    assert "Created the admin user: admin / " in demo

    for story in live.filter(locale__language_code__in=["en", "fr", "ar"]):
        assert client.get(story.url).status_code == 200, story.url
    # An Arabic partner's original, in an Arabic tree read right to left.
    (arabic,) = live.filter(locale__language_code="ar")
    page = client.get(arabic.url).content.decode()
    assert '<html lang="ar" dir="rtl">' in page and arabic.title in page
    assert arabic.partner.locale.language_code == "ar"
    assert client.get("/ar/").status_code == 200

    # It leaves work on the translation desk: two stories untranslated (a Russian one, and
    # the Arabic one, which awaits both desks), one out of date.
    french = Locale.objects.get(language_code="fr")
    rows = desk.with_edition_states(desk.originals(StoryPage.objects.all()), [french])
    states = {row.slug: desk.status(row, french).state for row in rows}
    assert list(states.values()).count(desk.MISSING) == 2
    assert states["sayyadu-ras-al-nakhil"] == desk.MISSING
    assert list(states.values()).count(desk.OUT_OF_DATE) == 1
    assert states["porto-alvo-yellow-tram"] == desk.OUT_OF_DATE


def test_load_demo_twice_duplicates_nothing_and_keeps_the_admin_password(monkeypatch):
    out = load_demo(monkeypatch, password="s3cret-Desk!")
    assert "s3cret-Desk!" not in out
    assert get_user_model().objects.get(username="admin").check_password("s3cret-Desk!")
    before = snapshot()
    second = load_demo(monkeypatch)
    assert snapshot() == before
    assert "Created the admin user" not in second
    assert "password was printed when it was created" in second
    assert get_user_model().objects.get(username="admin").check_password("s3cret-Desk!")
