"""Whatever a reader types, in any of the magazine's languages, search answers: no text
reaches the full-text parser as syntax (search.terms), and every language's stemmer and
configuration take any word."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.rich_text import RichText

from search.query import find
from search.terms import search_terms
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db
LANGUAGES = ("en", "fr", "ru", "uk", "de", "pt", "es", "it", "pl", "ar")


@pytest.fixture
def story(tree):
    return StoryPageFactory(
        parent=tree.section,
        title="Ferry crews vote",
        body=[("paragraph", RichText("<p>Паром, élection, مدينة, 2026, x².</p>"))],
    )


@given(text=st.text(max_size=200))
@hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_any_text_in_any_language_searches_without_error(story, text):
    terms = search_terms(text)
    for language in LANGUAGES:
        for newest in (False, True):
            found = find(story.locale_id, language, terms, newest=newest)
            assert all(isinstance(pk, int) for pk in found)


@given(junk=st.text(alphabet=st.characters(categories=["P", "S", "Z", "C"]), max_size=100))
@hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_punctuation_symbols_and_controls_around_a_word_find_what_it_finds(story, junk):
    assert find(story.locale_id, "en", search_terms(f"{junk}FERRIES{junk}")) == [story.pk]
