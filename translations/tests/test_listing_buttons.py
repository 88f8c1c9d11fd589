"""The explorer's "Translate this page" and "Sync translated pages", found for a listing at
once: the buttons wagtail-localize's own hook shows, in a number of queries that does not
grow with the listing."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail_localize.wagtail_hooks import page_listing_more_buttons

from stories.factories import StoryPageFactory
from tests.support import newsroom_user
from translations.listing_buttons import translation_buttons

pytestmark = pytest.mark.django_db


def shown(buttons):
    # The kind of button too: it decides how the listing's "More" menu draws it.
    return [(type(button), str(button.label), button.url) for button in buttons]


def test_the_same_buttons_as_wagtail_localizes(tree, translate_page):
    translated = StoryPageFactory(parent=tree.section, title="Translated", topics=tree.topics[:1])
    StoryPageFactory(parent=tree.section, title="English only", topics=tree.topics[:1])
    translate_page(translated, "fr")
    admin, translator = newsroom_user("admin"), newsroom_user("translator_fr", "tr")
    pages = [*tree.section.get_children().specific(), tree.section, tree.fr.section]
    for user in (admin, translator):
        for page in pages:
            for next_url in (None, "/admin/pages/1/"):
                ours = shown(translation_buttons(page, user, next_url=next_url))
                theirs = shown(page_listing_more_buttons(page, user, next_url=next_url))
                assert ours == theirs, (page, user)
    labels = [label for _kind, label, _url in shown(translation_buttons(translated, admin))]
    assert labels == ["Translate this page", "Sync translated pages"]  # Russian is left


def listing_queries(admin_client, section):
    url = reverse("wagtailadmin_explore", args=(section.pk,))
    admin_client.get(url)  # the session and the user's profile, read once
    with CaptureQueriesContext(connection) as queries:
        assert admin_client.get(url).status_code == 200
    return len(queries)


def test_a_longer_listing_asks_no_more_queries(admin_client, tree):
    StoryPageFactory.create_batch(3, parent=tree.section, topics=tree.topics[:1])
    three = listing_queries(admin_client, tree.section)
    StoryPageFactory.create_batch(7, parent=tree.section, topics=tree.topics[:1])
    assert listing_queries(admin_client, tree.section) == three


def test_a_sections_listing_shows_each_row_its_buttons(
    admin_client, admin_user, tree, translate_page
):
    """In a section's listing the buttons are found for the rows shown (its stories may be
    thousands): each row shows what wagtail-localize's hook would have shown it."""
    translated = StoryPageFactory(parent=tree.section, title="Translated", topics=tree.topics[:1])
    StoryPageFactory(parent=tree.section, title="English only", topics=tree.topics[:1])
    translate_page(translated, "fr")
    html = admin_client.get(reverse("wagtailadmin_explore", args=(tree.section.pk,))).content
    soup = BeautifulSoup(html, "html.parser")
    links = {a["href"].split("?")[0] for a in soup.select("table.listing a[href]")}
    for page in tree.section.get_children().specific():
        expected = {
            url for _kind, _label, url in shown(page_listing_more_buttons(page, admin_user))
        }
        assert expected and expected <= links, page
        assert {url for url in links if f"/{page.pk}/" in url and "localize" in url} <= expected


def test_a_sections_listing_asks_nothing_of_stories_not_shown(admin_client, tree):
    StoryPageFactory.create_batch(3, parent=tree.section, topics=tree.topics[:1])
    url = reverse("wagtailadmin_explore", args=(tree.section.pk,))
    admin_client.get(url)
    with CaptureQueriesContext(connection) as queries:
        admin_client.get(url)
    # The siblings' query reads every story of the section by its tree path.
    siblings = [
        q["sql"]
        for q in queries
        if '"translation_key" IN (SELECT' in q["sql"] and "LIKE" in q["sql"]
    ]
    assert not siblings
