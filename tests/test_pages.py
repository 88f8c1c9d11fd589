"""Every page type renders for readers, in English and in French."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.rich_text import RichText

from editions.models import MagazineSettings
from home.models import HomePage
from stories.factories import (
    AuthorFactory,
    BriefingPageFactory,
    ImageFactory,
    PartnerOutletFactory,
    StoryPageFactory,
    TopicPageFactory,
    every_block,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(tree, translate_page):
    image = ImageFactory()
    partner = PartnerOutletFactory(name="Plain Facts")
    author = AuthorFactory(name="Inès Marlow")
    story = StoryPageFactory(
        parent=tree.section,
        title="The town that lost its ferry",
        analysis_kind="analysis",
        lead_image=image,
        partner=partner,
        original_language="ru",
        original_url="https://plain-facts.example/ferry",
        original_headline="Город без парома",
        translator_credit="Olga Demidova",
        body=every_block(image),
        topics=tree.topics,
        focus=tree.topics[0],
        authors=[author],
    )
    translate_page(partner, "fr")
    translate_page(author, "fr")
    french = translate_page(story, "fr", edition_fields={"translator_credit": "Margaux Peyrol"})
    return story, french


@pytest.fixture
def briefing(tree, story, translate_page):
    english = BriefingPageFactory(
        parent=tree.briefing_index,
        body=[
            ("greeting", {"word": "Habari", "language": "Swahili", "footnote": "Spoken widely."}),
            (
                "news_item",
                {
                    "headline": "Ferry halted",
                    "text": RichText("<p>The river crossing is closed.</p>"),
                    "story": story[0],
                },
            ),
        ],
    )
    return english, translate_page(english, "fr")


def get_ok(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return BeautifulSoup(response.content, "html.parser")


def test_every_page_type_renders_in_english_and_french(client, tree, story, briefing):
    pages = {
        "en": [tree.home, tree.topic_index, tree.topics[0], tree.section, tree.briefing_index],
        "fr": [
            tree.fr.home,
            tree.fr.topic_index,
            tree.fr.topic,
            tree.fr.section,
            tree.fr.briefing_index,
        ],
    }
    pages["en"] += [story[0], briefing[0]]
    pages["fr"] += [story[1], briefing[1]]
    for language, language_pages in pages.items():
        for page in language_pages:
            assert page.url.startswith(f"/{language}/")
            soup = get_ok(client, page)
            assert soup.html["lang"] == language
            assert soup.html["dir"] == "ltr"
            assert soup.h1 is not None
            # The magazine's name is the header's link home, not a paragraph dressed as a
            # heading (which Wagtail's content checker flags in every preview).
            home = soup.select_one("header.site-header > a.site-name[rel=home]")
            assert home is not None and home["href"] == f"/{language}/", page.url
            assert not soup.select("header.site-header > p.site-name")
            # A <section> is a part of the outline: the Nu checker warns on one without a
            # heading, and screen readers list it without a name.
            for section in soup.select("section"):
                assert section.find(["h2", "h3", "h4", "h5", "h6"]), (page.url, section["class"])


def test_arabic_pages_are_right_to_left(client, tree, translate_page):
    from editions.factories import LocaleFactory

    LocaleFactory(language_code="ar")
    arabic_home = translate_page(tree.home, "ar")
    soup = get_ok(client, arabic_home)
    assert soup.html["lang"] == "ar"
    assert soup.html["dir"] == "rtl"


def test_story_page_shows_labels_credits_provenance_and_blocks(client, story):
    english, french = story
    soup = get_ok(client, english)
    text = soup.get_text(" ", strip=True)
    assert "Focus: Drones" in text
    assert "Analysis" in text
    assert soup.h1.get_text() == "The town that lost its ferry"
    assert "Inès Marlow" in text
    provenance = soup.select_one(".provenance")
    assert "Translated from Russian." in provenance.get_text(" ", strip=True)
    link = provenance.find("a")
    assert link["href"] == "https://plain-facts.example/ferry"
    assert link.get_text() == "Plain Facts"
    assert "Translation: Olga Demidova" in provenance.get_text(" ", strip=True)
    for css_class in (
        "block-paragraph",
        "block-heading",
        "block-pull-quote",
        "block-image",
        "video",
        "block-newsletter-cta",
        "block-update-note",
    ):
        assert soup.select_one(f".{css_class}"), css_class
    # The video is a facade: no iframe or third-party script at page load.
    assert soup.find("iframe") is None
    assert [s["src"] for s in soup.find_all("script", src=True)] == ["/static/js/site.js"]

    french_soup = get_ok(client, french)
    french_link = french_soup.select_one(".provenance a")
    assert french_link.get_text() == "[fr] Plain Facts"


def test_briefing_links_to_the_story_in_its_own_edition(client, briefing, story):
    soup = get_ok(client, briefing[1])
    assert "Habari" in soup.select_one(".greeting").get_text()
    link = soup.select_one(".block-news-item a")
    assert link["href"] == story[1].url


def test_briefing_item_without_a_translated_story_has_no_link(client, tree, translate_page):
    russian_only = StoryPageFactory(parent=tree.ru.section)
    english = BriefingPageFactory(
        parent=tree.briefing_index,
        body=[
            (
                "news_item",
                {"headline": "X", "text": RichText("<p>Y</p>"), "story": russian_only},
            )
        ],
    )
    soup = get_ok(client, english)
    assert soup.select_one(".block-news-item a") is None


def test_home_page_lists_latest_stories_of_its_edition(client, tree, story):
    soup = get_ok(client, tree.home)
    headlines = [a.get_text() for a in soup.select(".story-card__headline a")]
    assert headlines == ["The town that lost its ferry"]
    french = get_ok(client, tree.fr.home)
    assert [a.get_text() for a in french.select(".story-card__headline a")] == [
        "[fr] The town that lost its ferry"
    ]


def test_front_page_offers_focus_topics_briefing_and_newsletter(client, tree):
    drones, energy = tree.topics
    week_ago = timezone.now() - datetime.timedelta(days=7)
    StoryPageFactory(parent=tree.section, topics=[drones], focus=drones, published_at=week_ago)
    yesterday = timezone.now() - datetime.timedelta(days=1)
    StoryPageFactory(
        parent=tree.section, topics=[energy, drones], focus=energy, published_at=yesterday
    )
    # Tagged but never the focus, or the focus only of a draft: not "in focus".
    quiet = TopicPageFactory(parent=tree.topic_index, title="Ports")
    StoryPageFactory(parent=tree.section, topics=[quiet])
    StoryPageFactory(parent=tree.section, topics=[quiet], focus=quiet, live=False)
    BriefingPageFactory(parent=tree.briefing_index, title="In the News: Tuesday")

    soup = get_ok(client, tree.home)
    focus = soup.select_one("[aria-labelledby=focus-heading]")
    assert [a.get_text() for a in focus.select(".focus-topics a")] == ["Energy", "Drones"]
    assert focus.select("a")[-1]["href"] == tree.topic_index.url
    assert "In the News: Tuesday" in soup.select_one("[aria-labelledby=briefing-heading]").text
    assert soup.select_one(".front .block-newsletter-cta h2").get_text() == "Get our daily briefing"

    french = get_ok(client, tree.fr.home)
    assert french.select_one("#focus-heading") is None
    signup = french.select_one(".block-newsletter-cta h2").get_text()
    assert signup == "Recevez notre briefing quotidien"


def test_each_edition_shows_its_own_tagline(client, tree):
    magazine = MagazineSettings.for_site(tree.home.get_site())
    magazine.tagline = "Journalism from abroad"
    magazine.save()
    french_home = HomePage.objects.get(
        pk=tree.fr.home.pk
    )  # the fixture's copy predates its children
    french_home.tagline = "Le journalisme d’ailleurs"
    french_home.save_revision().publish()

    for home, tagline in (
        (tree.home, "Journalism from abroad"),
        (tree.fr.home, "Le journalisme d’ailleurs"),
    ):
        soup = get_ok(client, home)
        assert soup.select_one(".site-tagline").get_text() == tagline
        assert tagline in soup.select_one(".site-footer").get_text()
        assert soup.title.get_text().startswith(tagline)
    topic = get_ok(client, tree.fr.topic)
    assert topic.select_one(".site-tagline").get_text() == "Le journalisme d’ailleurs"


def test_unpublished_story_is_not_listed(client, tree):
    StoryPageFactory(parent=tree.section, title="Draft story", live=False)
    soup = get_ok(client, tree.section)
    assert "Draft story" not in soup.get_text()


def test_a_story_left_without_a_publication_time_gets_its_first_publication(tree):
    story = StoryPageFactory(parent=tree.section, published_at=None, live=False)
    assert story.published_at is None
    story.save_revision().publish()
    story.refresh_from_db()
    assert story.published_at == story.first_published_at == story.display_date
    # Later publications keep it: readers and listings see one time.
    story.save_revision().publish()
    story.refresh_from_db()
    assert story.published_at == story.first_published_at


def test_original_page_does_not_claim_to_be_a_translation(client, tree):
    original = StoryPageFactory(
        parent=tree.ru.section,
        slug="original",
        partner=PartnerOutletFactory(name="Простые факты", locale=tree.ru.home.locale),
        original_language="ru",
        original_url="https://plain-facts.example/a",
        translator_credit="Ilya Sorin",
    )
    provenance = get_ok(client, original).select_one(".provenance")
    text = provenance.get_text(" ", strip=True)
    assert "Translated from" not in text
    assert "Ilya Sorin" not in text
    assert provenance.find("a")["href"] == "https://plain-facts.example/a"


def test_french_reader_sees_provenance_in_french(client, story):
    provenance = " ".join(get_ok(client, story[1]).select_one(".provenance").get_text().split())
    assert provenance.startswith("Traduit du russe. Publié à l’origine par [fr] Plain Facts")
    # The French edition credits its own translator, a name no machine touched.
    assert "Traduction : Margaux Peyrol" in provenance


def test_story_still_renders_after_its_images_are_deleted(client, story):
    english, _french = story
    english.lead_image.delete()
    english.refresh_from_db()
    soup = get_ok(client, english)
    assert soup.select_one(".block-image") is None
    assert soup.select_one(".video") is not None
    assert "The empty pier." not in soup.get_text()


@pytest.mark.usefixtures("search_index")
def test_stories_are_searchable_by_text_and_byline(story):
    from stories.models import StoryPage

    english, _french = story
    english.save_revision().publish()  # as the editor's Publish does, with bylines saved
    in_english = StoryPage.objects.live().filter(locale=english.locale)
    assert list(in_english.search("ferry")) == [english]
    assert list(in_english.search("Marlow")) == [english]
    assert list(in_english.search("submarine")) == []


def test_story_page_has_related_stories_and_plain_share_links(client, tree):
    from bs4 import BeautifulSoup

    drones, energy = tree.topics
    story = StoryPageFactory(parent=tree.section, title="Main story", topics=[drones])
    for n in range(4):
        StoryPageFactory(parent=tree.section, title=f"Drone story {n}", topics=[drones, energy])
    StoryPageFactory(parent=tree.section, title="Energy only", topics=[energy])
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    related = [a.get_text() for a in soup.select(".related .story-card__headline a")]
    assert len(related) == 3
    assert all(title.startswith("Drone story") for title in related)
    assert [h.name for h in soup.select(".related .story-card__headline")] == ["h3"] * 3

    links = {a.get_text(): a["href"] for a in soup.select(".share__links a")}
    assert set(links) >= {"E-mail", "Bluesky", "Facebook", "X", "Telegram", "WhatsApp"}
    assert "http%3A%2F%2Ftestserver" + story.url.replace("/", "%2F") in links["Facebook"]
    assert links["E-mail"].startswith("mailto:?subject=Main%20story")
