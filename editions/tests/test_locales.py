"""Links to author and partner pages take their language from the shared cache's map of
locales (editions.locales), not a join of the locale table for every card."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from editions.factories import LocaleFactory
from editions.locales import LANGUAGES_KEY, language_code
from stories.factories import AuthorFactory, PartnerOutletFactory, StoryPageFactory
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def test_the_map_is_cached_and_learns_a_new_locale(locales, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert language_code(locales["fr"].pk) == "fr"
    with django_assert_num_queries(0):
        assert language_code(locales["ru"].pk) == "ru"
    german = LocaleFactory(language_code="de")
    with django_assert_num_queries(1):
        assert language_code(german.pk) == "de"


def test_a_locale_saved_or_deleted_is_forgotten(locales, django_capture_on_commit_callbacks):
    language_code(locales["ru"].pk)
    assert cache.get(LANGUAGES_KEY)
    russian = Locale.objects.get(pk=locales["ru"].pk)
    russian.language_code = "uk"
    with django_capture_on_commit_callbacks(execute=True):
        russian.save()
    assert cache.get(LANGUAGES_KEY) is None
    assert language_code(russian.pk) == "uk"


def test_cards_link_to_an_untranslated_partner_in_its_own_language(client, tree, locales):
    # An English story pointing at the Russian outlet: refused since a story links to its
    # own language's partner (stories.choosers), but stories saved before that rule may.
    partner = PartnerOutletFactory(name="Plain Facts", language="ru", locale=locales["ru"])
    author = AuthorFactory(name="Ilya Sorin")
    story = StoryPageFactory(
        parent=tree.section,
        title="The ferry stops",
        topics=[tree.topics[0]],
        authors=[author],
        original_language="ru",
        original_headline="Паром встал",
        original_url="https://plain-facts.example/ferry",
    )
    StoryPage.objects.filter(pk=story.pk).update(partner=partner)
    page = BeautifulSoup(client.get(tree.topics[0].url).content, "html.parser")
    assert page.select_one(".story-card__partner")["href"] == f"/ru/partners/{partner.slug}/"
    assert page.select_one(".story-card a.byline")["href"] == f"/en/authors/{author.slug}/"


def test_without_a_cache_a_request_looks_the_locales_up_once(client, tree, no_cache):
    # Redis down, or a cold cache: one lookup for the whole page, not one a byline.
    authors = [AuthorFactory(name=name) for name in ("Ilya Sorin", "Marta Kovač")]
    for n in range(3):
        StoryPageFactory(parent=tree.section, title=f"Story {n}", authors=authors)
    with CaptureQueriesContext(connection) as queries:
        page = BeautifulSoup(client.get(tree.section.url).content, "html.parser")
    assert len(page.select(".story-card a.byline")) == 6
    every_locale = [
        q["sql"]
        for q in queries.captured_queries
        if 'FROM "wagtailcore_locale"' in q["sql"] and "WHERE" not in q["sql"]
    ]
    assert len(every_locale) == 1
