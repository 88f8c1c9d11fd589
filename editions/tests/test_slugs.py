"""Addresses made from names and headlines: words joined by hyphens, whatever separated
them."""

import pytest

from editions.links import slug_of
from stories.factories import AuthorFactory, PartnerOutletFactory


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Vazhnyye Istorii/Important Stories", "vazhnyye-istorii-important-stories"),
        ("Kyiv|Lviv: the night train", "kyiv-lviv-the-night-train"),
        ("Q&A with the mayor", "q-a-with-the-mayor"),
        ("Oil,gas;and grain", "oil-gas-and-grain"),
        ("Women's cooperative", "womens-cooperative"),
        ("Élections à Varensk — 2026", "elections-a-varensk-2026"),
        ("back\\slash", "back-slash"),
    ],
)
def test_separators_become_hyphens(text, slug):
    assert slug_of(text) == slug


def test_keeps_letters_of_other_scripts_when_asked():
    assert slug_of("Важные истории/Новости", allow_unicode=True) == "важные-истории-новости"


@pytest.mark.django_db
def test_a_partners_and_an_authors_page_address(tree):
    partner = PartnerOutletFactory(name="Vazhnyye Istorii/Important Stories", slug="")
    assert partner.slug == "vazhnyye-istorii-important-stories"
    author = AuthorFactory(name="Anna Vorontsova / Kyiv", slug="")
    assert author.slug == "anna-vorontsova-kyiv"
