"""Redirects Wagtail makes when an address changes: kept for addresses readers had, none
from an address a page never had readers at."""

import pytest
from wagtail.contrib.redirects.models import Redirect

from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def redirects():
    return {(r.old_path, r.link) for r in Redirect.objects.all()}


def test_translating_a_page_leaves_no_redirect_from_the_originals_address(
    client, tree, translate_page
):
    story = StoryPageFactory(parent=tree.section, title="Night ferry", slug="night-ferry")
    story.save_revision().publish()
    french = translate_page(story, "fr")
    assert french.slug != "night-ferry"
    assert redirects() == set()
    # The original's slug under the French section is simply not a page.
    assert client.get(f"{tree.fr.section.url}night-ferry/").status_code == 404


def test_a_live_pages_old_address_still_redirects(client, tree, django_capture_on_commit_callbacks):
    story = StoryPageFactory(parent=tree.section, title="Night ferry", slug="night-ferry")
    story.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        story.slug = "the-night-ferry"
        story.save_revision().publish()
    assert (f"{tree.section.url}night-ferry", f"{tree.section.url}the-night-ferry/") in redirects()
