"""A partner's story entered in Russian and translated through wagtail-localize
points at the translated topics, authors and partner outlet of each edition."""

import pytest
from wagtail_localize.models import Translation

from stories.factories import (
    AuthorFactory,
    BriefingPageFactory,
    PartnerOutletFactory,
    StoryPageFactory,
)
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def snippets(locales, translate_page):
    """Authors and the partner are created in English and translated, as the desk does."""
    authors = [AuthorFactory(name=n) for n in ("Ilya Sorin", "Marta Kovač")]
    partner = PartnerOutletFactory(name="Plain Facts", language="ru")
    for obj in (*authors, partner):
        for code in ("fr", "ru"):
            translate_page(obj, code)
    return authors, partner


def test_translated_story_points_at_translated_relations(tree, snippets, locales, translate_page):
    authors, partner = snippets
    ru = locales["ru"]
    russian = StoryPageFactory(
        parent=tree.ru.section,
        title="Город без парома",
        slug="gorod-bez-paroma",
        partner=partner.get_translation(ru),
        original_language="ru",
        topics=[tree.ru.topic2, tree.ru.topic],
        focus=tree.ru.topic,
        authors=[a.get_translation(ru) for a in reversed(authors)],
    )
    assert russian.locale == ru
    assert StoryPage.objects.get(pk=russian.pk).story_locale_id == ru.pk

    for code, edition in (("en", tree), ("fr", tree.fr)):
        translated = translate_page(russian, code)
        locale = locales[code]
        assert translated.locale == locale
        assert translated.live
        assert translated.translation_key == russian.translation_key
        assert translated.get_parent().specific == (
            tree.section if code == "en" else tree.fr.section
        )

        topics = list(translated.story_topics.all())
        expected_topics = (
            [tree.topics[1], tree.topics[0]] if code == "en" else [edition.topic2, edition.topic]
        )
        assert [t.topic_id for t in topics] == [p.pk for p in expected_topics], (
            "order and locale kept"
        )
        assert [t.is_focus for t in topics] == [False, True]
        # The label its cards show, derived on save, is the edition's topic too.
        live = StoryPage.objects.get(pk=translated.pk)
        assert live.focus_topic_id == expected_topics[1].pk
        # Its locale's copy in the story table, which search walks, is the edition's.
        assert live.story_locale_id == locale.pk
        assert all(t.locale == locale for t in topics)

        bylines = list(translated.bylines.select_related("author"))
        assert [b.author for b in bylines] == [a.get_translation(locale) for a in reversed(authors)]
        assert translated.partner == partner.get_translation(locale)

    # The story shows up on the English topic page, and the Russian one stays on the Russian.
    assert (
        StoryPage.objects.filter(story_topics__topic=tree.topics[0]).get().locale.language_code
        == "en"
    )
    assert Translation.objects.filter(source__object_id=russian.translation_key).count() == 2


def test_translation_gets_its_own_slug(tree, translate_page):
    story = StoryPageFactory(parent=tree.section, title="Ferry halted", slug="ferry-halted")
    strings = {"Ferry halted": "Le bac à l'arrêt", "ferry-halted": "le-bac-a-l-arret"}
    french = translate_page(story, "fr", lambda text: strings.get(text, f"FR {text}"))
    assert french.title == "Le bac à l'arrêt"
    assert french.slug == "le-bac-a-l-arret"
    assert french.url == "/fr/world-affairs-fr/le-bac-a-l-arret/"


def test_translation_links_to_its_live_original(client, tree, snippets, locales, translate_page):
    from bs4 import BeautifulSoup

    _authors, partner = snippets
    russian = StoryPageFactory(
        parent=tree.ru.section,
        slug="gorod",
        partner=partner.get_translation(locales["ru"]),
        original_language="ru",
        original_url="https://plain-facts.example/gorod",
    )
    english = translate_page(russian, "en")

    def provenance_links():
        soup = BeautifulSoup(client.get(english.url).content, "html.parser")
        return [(a.get_text(), a["href"]) for a in soup.select(".provenance a")]

    partner_page = ("More from Plain Facts", "/en/partners/plain-facts/")
    assert provenance_links() == [
        ("Translated from Russian.", russian.url),
        ("Plain Facts", "https://plain-facts.example/gorod"),
        partner_page,
    ]
    russian.unpublish()
    assert provenance_links() == [
        ("Plain Facts", "https://plain-facts.example/gorod"),
        partner_page,
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Autres articles publiés par Le Courrier du Nord"),
        ("ru", "Ещё материалы партнёра: Важные истории"),
    ],
)
def test_a_partners_name_is_never_put_in_a_grammatical_case(client, tree, locales, language, text):
    # "Plus de Le Courrier", "Ещё от Важные истории": a name cannot take the case the
    # sentence wants, so the sentences leave it standing alone.
    from bs4 import BeautifulSoup

    name = {"fr": "Le Courrier du Nord", "ru": "Важные истории"}[language]
    section = {"fr": tree.fr.section, "ru": tree.ru.section}[language]
    partner = PartnerOutletFactory(name=name, locale=locales[language])
    story = StoryPageFactory(parent=section, partner=partner, original_language=language)
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert soup.select_one(".provenance__partner").get_text() == text


def test_translated_briefing_points_at_translated_topics_and_editors(
    tree, snippets, locales, translate_page
):
    authors, _partner = snippets
    english = BriefingPageFactory(
        parent=tree.briefing_index,
        topics=[tree.topics[1], tree.topics[0]],
        authors=authors,
        lead_video_url="https://vimeo.com/123456789",
    )
    french = translate_page(english, "fr")
    assert [t.topic_id for t in french.briefing_topics.all()] == [
        tree.fr.topic2.pk,
        tree.fr.topic.pk,
    ]
    assert [b.author for b in french.bylines.all()] == [
        a.get_translation(locales["fr"]) for a in authors
    ]
    assert french.lead_video_url == english.lead_video_url
    # It is listed on the French topic page, among the French stories.
    assert french.pk in [pk for pk, *_ in tree.fr.topic.specific.listing()]
