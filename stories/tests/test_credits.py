"""Credits as a desk writes them: a partner that signs a story as itself, and other outlets
whose reporting a story uses (“With reporting from …”), from the form to the feeds."""

import feedparser
import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, rich_text

from seo.tests.test_metadata import json_ld
from stories.factories import AuthorFactory, PartnerOutletFactory, StoryPageFactory
from stories.models import StoryByline, StoryPage, StoryPartnerCredit
from tests.support import soup_of, story_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(tree):
    """A story signed by its partner, citing two other outlets."""
    important = PartnerOutletFactory(name="Important Stories", language="ru")
    north = PartnerOutletFactory(name="North Wind")
    plain = PartnerOutletFactory(name="Plain Facts")
    story = StoryPageFactory(
        parent=tree.section,
        title="The border clinic",
        topics=[tree.topics[0]],
        partner=important,
        original_headline="Клиника у границы",
        original_language="ru",
    )
    StoryByline.objects.create(page=story, partner=important, sort_order=0)
    StoryPartnerCredit.objects.create(page=story, partner=north, sort_order=0)
    StoryPartnerCredit.objects.create(
        page=story, partner=plain, url="https://plain-facts.example/clinic", sort_order=1
    )
    story.save_revision().publish()
    return story, important, north, plain


def test_a_partner_signs_a_story_without_an_author_standing_in(client, tree, signed):
    story, important, _north, _plain = signed
    soup = soup_of(client, story.url)
    byline = soup.select_one(".story__meta .bylines")
    assert byline.get_text(" ", strip=True) == "By Important Stories"
    assert byline.a["href"] == important.url
    card = soup_of(client, tree.topics[0].url).select_one(".story-card")
    assert card.select_one(".bylines").get_text(" ", strip=True) == "By Important Stories"
    assert [a["@type"] for a in json_ld(soup)["NewsArticle"]["author"]] == ["NewsMediaOrganization"]
    feed = feedparser.parse(client.get(f"{tree.topics[0].url}feed/atom/").content)
    assert [author.name for author in feed.entries[0].authors] == ["Important Stories"]


def test_other_outlets_are_credited_with_reporting_from(client, tree, signed):
    story, _important, north, plain = signed
    soup = soup_of(client, story.url)
    credits = soup.select_one(".provenance__credits")
    assert credits.get_text(" ", strip=True) == "With reporting from North Wind and Plain Facts ."
    links = [a["href"] for a in credits.find_all("a")]
    assert links == [north.url, "https://plain-facts.example/clinic"]
    # The primary partner still leads the provenance line.
    assert "Originally published by Important Stories" in soup.select_one(".provenance").text
    contributors = json_ld(soup)["NewsArticle"]["contributor"]
    assert [c["name"] for c in contributors] == ["North Wind", "Plain Facts"]
    feed = feedparser.parse(client.get(f"{tree.topics[0].url}feed/atom/").content)
    assert [c.name for c in feed.entries[0].contributors] == ["North Wind", "Plain Facts"]


def test_every_credited_partners_page_lists_the_story(client, signed):
    story, important, north, plain = signed
    for partner in (important, north, plain):
        soup = soup_of(client, partner.url)
        assert [a.get_text() for a in soup.select(".story-card__headline a")] == [story.title]


def test_a_byline_names_an_author_or_a_partner_never_both_or_neither(admin_client, tree):
    author, partner = AuthorFactory(name="Aino Lepp"), PartnerOutletFactory()
    url = reverse("wagtailadmin_pages:add", args=("stories", "storypage", tree.section.pk))
    for row in ({"author": author.pk, "partner": partner.pk}, {"author": "", "partner": ""}):
        data = story_form(
            body=[("paragraph", rich_text("<p>The clinic.</p>"))],
            topics=[{"topic": tree.topics[0].pk}],
            bylines=inline_formset([row]),
        )
        response = admin_client.post(url, data)
        assert response.status_code == 200
        assert "A byline names an author or a partner outlet" in response.content.decode()
    assert not StoryPage.objects.filter(slug="ferry-halted").exists()
    with pytest.raises(IntegrityError), transaction.atomic():
        StoryByline.objects.create(page=StoryPageFactory(parent=tree.section), sort_order=0)


def test_an_editor_signs_a_story_with_a_partner_and_credits_another(admin_client, tree):
    important, north = PartnerOutletFactory(name="Important Stories"), PartnerOutletFactory()
    url = reverse("wagtailadmin_pages:add", args=("stories", "storypage", tree.section.pk))
    data = story_form(
        body=[("paragraph", rich_text("<p>The clinic.</p>"))],
        topics=[{"topic": tree.topics[0].pk}],
        bylines=inline_formset([{"author": "", "partner": important.pk}]),
        partner_credits=inline_formset([{"partner": north.pk, "url": ""}]),
    )
    assert admin_client.post(url, data).status_code == 302
    story = StoryPage.objects.get(slug="ferry-halted")
    assert [b.signer for b in story.bylines.all()] == [important]
    assert [c.partner for c in story.partner_credits.all()] == [north]


def test_a_translation_is_signed_and_credited_by_the_translated_outlets(
    tree, locales, translate_page
):
    ru = locales["ru"]
    outlets = [PartnerOutletFactory(name=n) for n in ("Important Stories", "North Wind")]
    for outlet in outlets:
        for code in ("ru", "fr"):
            translate_page(outlet, code)
    important, north = (outlet.get_translation(ru) for outlet in outlets)
    russian = StoryPageFactory(parent=tree.ru.section, partner=important, original_language="ru")
    StoryByline.objects.create(page=russian, partner=important, sort_order=0)
    StoryPartnerCredit.objects.create(page=russian, partner=north, sort_order=0)
    russian.save_revision().publish()
    french = translate_page(russian, "fr")
    fr = locales["fr"]
    assert [b.signer for b in french.bylines.all()] == [outlets[0].get_translation(fr)]
    assert [c.partner for c in french.partner_credits.all()] == [outlets[1].get_translation(fr)]


def test_a_translations_original_names_the_authors_its_own_page_names(
    client, tree, locales, translate_page
):
    """The demo's contradiction: the original on our site credited one author, and its
    translation's translationOfWork another (the partner's writer) for the same address."""
    author = AuthorFactory(name="Ilya Sorin", locale=locales["ru"])
    partner = PartnerOutletFactory(locale=locales["ru"], language="ru")
    russian = StoryPageFactory(
        parent=tree.ru.section,
        authors=[author],
        partner=partner,
        original_language="ru",
        original_headline="Паром",
        original_author="Dmitri Lavrov",
    )
    translate_page(author, "en")
    translate_page(partner, "en")
    english = translate_page(russian, "en")
    original = json_ld(soup_of(client, russian.url))["NewsArticle"]["author"]
    work = json_ld(soup_of(client, english.url))["NewsArticle"]["translationOfWork"]
    assert work["author"] == original
