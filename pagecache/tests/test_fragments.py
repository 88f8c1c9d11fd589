"""Fragments of pages kept by revision (pagecache.fragments): a page made from them is the
page made afresh, after every kind of change; they save the queries and rendering behind
them; previews never see them."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Site

from editions.models import MagazineSettings
from pagecache import fragments, store, tags
from pagecache.recording import Record
from pagecache.tests.test_page_cache import pages, republish
from stories.factories import SectionPageFactory
from tests.support import newsroom_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]


@pytest.fixture
def kept(settings):
    """Fragments kept, pages not (every page is made, from its fragments), on one clock."""
    settings.FRAGMENT_CACHE_ENABLED = True
    settings.PAGE_CACHE_CLOCK_SKEW = 0
    return settings


def served(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode()


def afresh(client, url, settings):
    settings.FRAGMENT_CACHE_ENABLED = False
    try:
        return served(client, url)
    finally:
        settings.FRAGMENT_CACHE_ENABLED = True


def stale_after(client, settings, urls, change, django_capture_on_commit_callbacks):
    """The names of `urls` whose page, made from kept fragments after `change`, differs
    from the page made afresh."""
    for url in urls.values():
        served(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        change()
    stale = set()
    for name, url in urls.items():
        got, made = served(client, url), afresh(client, url, settings)
        if got != made:
            import difflib

            print(
                name,
                "\n".join(
                    list(
                        difflib.unified_diff(made[1].splitlines(), got[1].splitlines(), lineterm="")
                    )[:20]
                ),
            )
            stale.add(name)
    return stale


def html_pages(tree, site):
    """The pages of test_page_cache but feeds, sitemaps and robots.txt, which keep no
    fragments (and an empty feed says when it was made)."""
    return {
        name: url
        for name, url in pages(tree, site).items()
        if not any(word in name for word in ("feed", "sitemap", "news", "robots"))
    }


def test_pages_made_from_kept_fragments_are_the_pages_made_afresh(client, tree, site, kept):
    urls = html_pages(tree, site)
    urls["topic page 2"] = f"{tree.topics[0].url}?page=2"
    first = {name: served(client, url) for name, url in urls.items()}
    again = {name: served(client, url) for name, url in urls.items()}
    made = {name: afresh(client, url, kept) for name, url in urls.items()}
    assert first == made
    assert again == made


def rename(obj, name):
    obj.name = name
    obj.save()


def recropped(image):
    image.focal_point_x, image.focal_point_y = 10, 10
    image.focal_point_width = image.focal_point_height = 20
    image.save()


def settings_renamed(tree):
    magazine = MagazineSettings.for_site(Site.objects.get(is_default_site=True))
    magazine.name = "The Meridian Weekly"
    magazine.save()


CHANGES = {
    "story republished": lambda tree, site: republish(site.s, title="Who pays for the roof?"),
    "story unpublished": lambda tree, site: site.s.unpublish(),
    "story moved": lambda tree, site: site.s.move(
        SectionPageFactory(parent=tree.home, title="Elsewhere"), pos="last-child"
    ),
    "translation republished": lambda tree, site: republish(site.s_fr, title="Qui paie ?"),
    "topic renamed": lambda tree, site: republish(tree.topics[0], title="Unmanned aircraft"),
    "section renamed": lambda tree, site: republish(tree.section, title="The World"),
    "author renamed": lambda tree, site: rename(site.ines, "Inès Marlowe-Grant"),
    "partner renamed": lambda tree, site: rename(site.partner, "Prostye Fakty Daily"),
    "other story republished": lambda tree, site: republish(site.t, title="A grid rebuilt"),
    "magazine renamed": lambda tree, site: settings_renamed(tree),
    "picture recropped": lambda tree, site: recropped(site.s.lead_image),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_no_fragment_is_stale_after_a_change(
    client, tree, site, kept, change, django_capture_on_commit_callbacks
):
    urls = html_pages(tree, site)
    stale = stale_after(
        client, kept, urls, lambda: CHANGES[change](tree, site), django_capture_on_commit_callbacks
    )
    assert not stale


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_page_made_from_kept_fragments_skips_their_queries(client, tree, site, kept):
    story, topic = site.s.url, tree.topics[0].url
    made = {url: queries(client, url) for url in (story, topic)}
    again = {url: queries(client, url) for url in (story, topic)}
    # Its route and its translations: the article, its metadata, its related stories, the
    # topic's listing and their cards come from the cache.
    assert again == {story: 3, topic: 3}
    assert made[story] >= 9 and made[topic] >= 6


def test_previews_never_use_kept_fragments(client, tree, site, kept):
    served(client, site.s.url)
    draft = site.s.get_latest_revision_as_object()
    draft.title = "Embargoed headline"
    draft.save_revision()  # the live revision, and so the kept fragments' key, unchanged
    client.force_login(newsroom_user("admin", "editor"))
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[site.s.pk]))
    assert "Embargoed headline" in preview.content.decode()
    client.logout()
    assert "Embargoed headline" not in served(client, site.s.url)[1]


def test_a_value_read_before_a_fragment_still_tags_it(rf, kept):
    request = rf.get("/")
    value = fragments.Lazy(request, lambda: fragments.tag_response(request, "shown") or [1])
    assert list(value) == [1]  # read outside any fragment first
    with fragments.making(request) as shown:
        assert len(value) == 1
    assert shown == {"shown"}


def test_a_kept_fragment_tags_the_page_it_is_used_in(rf, kept):
    request = rf.get("/", HTTP_HOST="localhost")
    html = fragments.cached(request, "piece", [1], lambda: "<p>kept</p>", shows=[tags.page(7)])
    again = rf.get("/", HTTP_HOST="localhost")
    with fragments.making(again) as shown:
        assert fragments.cached(again, "piece", [1], lambda: "<p>made</p>") == html
    assert shown == {tags.SITE, tags.page(7)}


def test_a_fragment_made_after_a_purge_in_its_own_request_is_not_kept_fresh(rf, kept):
    request = rf.get("/", HTTP_HOST="localhost")
    request._page_cache = Record()  # the request begins, and reads the page as it is
    time.sleep(0.01)
    store.mark_purged([tags.page(7)])  # the page changes while the request is served
    fragments.cached(request, "piece", [1], lambda: "<p>before</p>", shows=[tags.page(7)])
    again = rf.get("/", HTTP_HOST="localhost")
    assert fragments.cached(again, "piece", [1], lambda: "<p>after</p>") == "<p>after</p>"
