"""The site the page cache's and fragments' tests change and read."""

from types import SimpleNamespace

import pytest

from stories.factories import (
    AuthorFactory,
    ImageFactory,
    PartnerOutletFactory,
    StoryPageFactory,
)


@pytest.fixture
def site(tree, locales, translate_page):
    """Story S (topic Drones, author Inès, partner, a picture) in English and French; story T about
    Energy by Ilya, which shares nothing with S."""
    drones, energy = tree.topics
    ines, ilya = AuthorFactory(name="Inès Marlow"), AuthorFactory(name="Ilya Sorin")
    partner = PartnerOutletFactory(name="Prostye Fakty")
    for snippet in (ines, partner):
        translate_page(snippet, "fr")
    s = StoryPageFactory(
        parent=tree.section,
        title="Who pays when a drone hits your roof?",
        summary="Insurers near the front rewrite their policies.",
        topics=[drones],
        focus=drones,
        authors=[ines],
        partner=partner,
        lead_image=ImageFactory(),
        original_headline="Кто платит",
        original_url="https://partner.example/roof",
        original_language="ru",
        original_published_at="2026-11-01",
    )
    t = StoryPageFactory(
        parent=tree.section, title="The grid at its limit", topics=[energy], authors=[ilya]
    )
    # Through wagtail-localize, which points the French story at the French topic.
    s_fr = translate_page(s, "fr")
    return SimpleNamespace(s=s, s_fr=s_fr, t=t, ines=ines, ilya=ilya, partner=partner)
