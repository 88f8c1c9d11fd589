"""Routing below an edition's home page (editions.pages.UrlPathRoutingMixin) answers as Wagtail's
own tree walk would, in two queries at any depth; private pages stay private."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from editions import pages
from stories.factories import SectionPageFactory, StoryPageFactory
from tests.support import counting_reads

pytestmark = pytest.mark.django_db


def title(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").h1.get_text(strip=True)


def test_pages_at_every_depth_are_found_in_their_own_edition(client, tree):
    story = StoryPageFactory(parent=tree.section, title="The ferry stops", slug="ferry")
    french = StoryPageFactory(parent=tree.fr.section, title="Le bac s’arrête", slug="ferry")
    assert title(client.get(story.url)) == "The ferry stops"
    assert title(client.get(french.url)) == "Le bac s’arrête"
    assert title(client.get(tree.topics[0].url)) == "Drones"
    # A story's slug under another section of the same edition is not this section's.
    assert client.get(f"{tree.home.url}elsewhere/ferry/").status_code == 404
    SectionPageFactory(parent=tree.home, title="Elsewhere", slug="elsewhere")
    assert client.get(f"{tree.home.url}elsewhere/ferry/").status_code == 404


def test_drafts_and_unknown_paths_are_404(client, tree):
    draft = StoryPageFactory(parent=tree.section, slug="draft", live=False)
    assert client.get(draft.url or f"{tree.section.url}draft/").status_code == 404
    assert client.get(f"{tree.section.url}no-such-story/").status_code == 404
    assert client.get(f"{tree.section.url}no/such/story/").status_code == 404


def test_a_routable_page_keeps_its_routes_before_its_children(client, tree):
    """Wagtail tries a routable page's own routes before its children: a section's feed is
    its feed even when one of its stories is slugged "feed"."""
    StoryPageFactory(parent=tree.section, title="Feed the town", slug="feed")
    response = client.get(f"{tree.section.url}feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert title(client.get(f"{tree.section.url}feed/")) == "Feed the town"
    assert client.get(f"{tree.topics[0].url}feed/atom/").status_code == 200
    assert client.get(f"{tree.topics[0].url}feed/nothing/").status_code == 404


def test_the_routed_page_knows_its_breadcrumbs_without_asking(client, tree):
    story = StoryPageFactory(parent=tree.section, title="The ferry stops")
    html = client.get(story.url).content.decode()
    assert '"name": "World Affairs"' in html and '"position": 3' in html


def test_a_page_made_private_is_private_at_once(client, tree):
    story = StoryPageFactory(parent=tree.section, title="Embargoed")
    assert client.get(story.url).status_code == 200
    assert "Embargoed" in client.get(tree.section.url).content.decode()
    restriction = PageViewRestriction.objects.create(page=tree.section, restriction_type="login")
    assert client.get(story.url).status_code == 302  # to the login page
    assert client.get(tree.home.url).content.decode().count("Embargoed") == 0
    restriction.delete()
    assert client.get(story.url).status_code == 200


def test_a_request_asks_the_cache_once_whether_any_page_is_private(client, tree):
    story = StoryPageFactory(parent=tree.section, title="The ferry stops")
    client.get(story.url)
    with counting_reads() as asked:
        assert client.get(story.url).status_code == 200
        # Wagtail asks for the page, its switcher and its cards
        assert asked.count(pages.VIEW_RESTRICTIONS_KEY) == 1
        # Outside a request (a command, a worker) every question reads the cache.
        pages.view_restrictions_exist()
        pages.view_restrictions_exist()
        assert asked.count(pages.VIEW_RESTRICTIONS_KEY) == 3


def test_an_edition_home_page_routed_from_the_cache_is_forgotten_when_it_changes(
    client, tree, django_capture_on_commit_callbacks
):
    """Routing starts from each edition's home page kept in the shared cache
    (editions.routing); publishing or unpublishing one forgets it."""
    topic = tree.fr.topic2
    assert "Le monde en version originale" not in client.get(topic.url).text
    home = tree.fr.home
    home.tagline = "Le monde en version originale"
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert "Le monde en version originale" in client.get(topic.url).text
    with django_capture_on_commit_callbacks(execute=True):
        home.unpublish()
    # Without its live French home, /fr/ pages are routed from the site's root page, as
    # Wagtail routes them, which has no French topics under it.
    assert client.get(topic.url).status_code == 404
