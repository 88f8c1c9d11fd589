"""The page cache: anonymous readers' pages are answered from the shared cache without the
database, and every change purges exactly the pages that show it. Nothing personal, private
or unpublished is ever kept or shared."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import PageViewRestriction

from stories.factories import (
    SectionPageFactory,
)
from tests.support import newsroom_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache", "search_index")]


def state(response):
    assert response.status_code == 200, response
    return response.get("X-Page-Cache")


def pages(tree, site):
    en, fr = tree, tree.fr
    return {
        "story": site.s.url,
        "story fr": site.s_fr.url,
        "other story": site.t.url,
        "topic": en.topics[0].url,
        "topic feed": f"{en.topics[0].url}feed/atom/",
        "topic fr": fr.topic.url,
        "other topic": en.topics[1].url,
        "other topic feed": f"{en.topics[1].url}feed/rss/",
        "section": en.section.url,
        "section feed": f"{en.section.url}feed/rss/",
        "section fr": fr.section.url,
        "author": site.ines.url,
        "other author": site.ilya.url,
        "partner": site.partner.url,
        "home": en.home.url,
        "home feed": f"{en.home.url}feed/rss/",
        "search": f"{en.home.url}search/?q=roof",
        "home fr": fr.home.url,
        "topic index": en.topic_index.url,
        "briefing index": en.briefing_index.url,
        "sitemap index": "/sitemap.xml",
        "sitemap en": "/sitemap-en.xml",
        "sitemap fr": "/sitemap-fr.xml",
        "sitemap ru": "/sitemap-ru.xml",
        "news en": "/sitemap-news-en.xml",
        "news fr": "/sitemap-news-fr.xml",
        "robots": "/robots.txt",
    }


def purged_by(client, urls, change, django_capture_on_commit_callbacks):
    """The names of the cached `urls` that `change` purges."""
    for url in urls.values():
        client.get(url)
    assert {state(client.get(url)) for url in urls.values()} == {"hit"}
    with django_capture_on_commit_callbacks(execute=True):
        change()
    # Gone pages (a 404 now) count as purged: they are not answered from the cache.
    return {name for name, url in urls.items() if client.get(url).get("X-Page-Cache") != "hit"}


# What a change to story S shows on, in its edition: S in every language, its topic, section,
# author and partner pages, the front page, their feeds, search and the sitemaps.
STORY_SHOWN = {
    "story",
    "story fr",
    "topic",
    "topic feed",
    "section",
    "section feed",
    "author",
    "partner",
    "home",
    "home feed",
    "search",
    "sitemap index",
    "sitemap en",
    "sitemap fr",
    "news en",
}


def republish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_a_cached_page_is_answered_without_the_database(client, tree, site):
    assert state(client.get(site.s.url)) == "miss"
    client.get(tree.home.url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(site.s.url)
    assert state(response) == "hit"
    assert len(queries) == 0
    assert "Who pays when a drone hits your roof?" in response.content.decode()


def test_cached_pages_are_public_and_do_not_vary_on_cookies(client, tree, site):
    for response in (client.get(site.s.url), client.get(site.s.url)):
        assert response["Cache-Control"] == "public, max-age=60"
        assert "cookie" not in response.get("Vary", "").lower()
        assert "Set-Cookie" not in response


def test_parameters_no_reader_page_reads_share_the_page(client, tree, site):
    client.get(site.s.url)
    assert state(client.get(site.s.url, {"utm_source": "newsletter", "fbclid": "x"})) == "hit"
    # Junk parameters make no entries of their own: a thousand of them, one cached page.
    for n in range(50):
        assert state(client.get(site.s.url, {f"x{n}": n, "cachebust": n})) == "hit"
    # Parameters pages read are other pages: the second page of a topic is not its first.
    client.get(tree.topics[0].url)
    assert state(client.get(tree.topics[0].url, {"page": "2"})) == "miss"
    assert state(client.get(tree.topics[0].url, {"page": "2", "ref": "x"})) == "hit"


@pytest.mark.parametrize(
    "cookie",
    [
        ("sessionid", "0" * 32),  # the shape of a session key, and no session
        ("sessionid", "junk; drop table"),
        ("messages", "not-signed-by-us"),
    ],
)
def test_a_bogus_session_or_messages_cookie_is_an_anonymous_reader(client, tree, site, cookie):
    client.get(site.s.url)
    client.cookies[cookie[0]] = cookie[1]
    response = client.get(site.s.url)
    assert state(response) == "hit"
    assert "Set-Cookie" not in response


def test_a_real_session_still_skips_the_cache(client, tree, site):
    client.get(site.s.url)
    client.force_login(newsroom_user("reader", "someone"))
    assert state(client.get(site.s.url)) is None


@pytest.mark.parametrize("change", ["republish", "unpublish", "delete"])
def test_a_story_change_purges_exactly_the_pages_that_show_it(
    client, tree, site, change, django_capture_on_commit_callbacks
):
    story = site.s
    changes = {
        "republish": lambda: republish(story, title="Who pays for the roof?"),
        "unpublish": story.unpublish,
        "delete": story.delete,
    }
    purged = purged_by(
        client, pages(tree, site), changes[change], django_capture_on_commit_callbacks
    )
    assert purged == STORY_SHOWN


def test_the_story_itself_is_purged_with_the_rest(
    client, tree, site, django_capture_on_commit_callbacks
):
    client.get(site.s.url)
    with django_capture_on_commit_callbacks(execute=True):
        republish(site.s, title="Who pays for the roof?")
    response = client.get(site.s.url)
    assert state(response) == "miss"
    assert "Who pays for the roof?" in response.content.decode()


def test_a_translation_published_purges_every_version_and_its_own_edition(
    client, tree, site, django_capture_on_commit_callbacks
):
    urls = pages(tree, site)
    purged = purged_by(
        client,
        urls,
        lambda: republish(site.s_fr, title="Qui paie ?"),
        django_capture_on_commit_callbacks,
    )
    # Every version (its switcher), and the French listings; the English ones show S in English.
    assert {"story", "story fr", "section fr", "home fr", "topic fr", "news fr"} <= purged
    assert not purged & {"topic", "section", "home", "author", "partner", "news en", "search"}


def test_a_topic_renamed_purges_what_shows_its_name(
    client, tree, site, django_capture_on_commit_callbacks
):
    drones = tree.topics[0]
    purged = purged_by(
        client,
        pages(tree, site),
        lambda: republish(drones, title="Unmanned aircraft"),
        django_capture_on_commit_callbacks,
    )
    # Its page and feed, the story tagged with it, every card labelled with it, the topic
    # index, and its French version's language switcher.
    assert {"topic", "topic feed", "story", "section", "home", "author", "partner"} <= purged
    assert {"topic index", "topic fr", "search", "home feed", "section feed"} <= purged
    assert not purged & {"other topic", "other story", "other author", "story fr", "home fr"}
    assert "Unmanned aircraft" in client.get(site.s.url).content.decode()


@pytest.mark.parametrize("snippet", ["author", "partner"])
def test_an_author_or_partner_changed_purges_what_shows_them(
    client, tree, site, snippet, django_capture_on_commit_callbacks
):
    changed = site.ines if snippet == "author" else site.partner

    def rename():
        changed.name = "Renamed"
        changed.save()

    purged = purged_by(client, pages(tree, site), rename, django_capture_on_commit_callbacks)
    assert {snippet, "story", "topic", "section", "home", "search"} <= purged
    assert not purged & {"other story", "other author", "other topic", "home fr"}
    # The French story's structured data names its original's authors (and its own partner).
    assert ("story fr" in purged) == (snippet == "author")
    assert "Renamed" in client.get(site.s.url).content.decode()


def test_a_story_moved_purges_both_sections(client, tree, site, django_capture_on_commit_callbacks):
    urls = pages(tree, site)
    elsewhere = SectionPageFactory(parent=tree.home, title="Elsewhere")
    urls["elsewhere"] = elsewhere.url
    purged = purged_by(
        client,
        urls,
        lambda: site.s.move(elsewhere, pos="last-child"),
        django_capture_on_commit_callbacks,
    )
    assert {"story", "section", "elsewhere", "topic", "home", "author"} <= purged
    assert not purged & {"other story", "other topic", "other author"}
    moved = client.get(f"{elsewhere.url}{site.s.slug}/")
    assert moved.status_code == 200


def test_pages_for_signed_in_users_are_private_and_never_kept(client, tree, site):
    client.get(site.s.url)  # cached for anonymous readers
    client.force_login(newsroom_user("admin", "editor"))
    response = client.get(site.s.url)
    assert "X-Page-Cache" not in response
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    client.logout()
    assert state(client.get(site.s.url)) == "hit"  # the anonymous copy, not the editor's


def test_drafts_and_previews_never_reach_readers(client, tree, site):
    client.get(site.s.url)
    draft = site.s.get_latest_revision_as_object()
    draft.title = "Embargoed headline"
    draft.save_revision()
    client.force_login(newsroom_user("admin", "editor"))
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[site.s.pk]))
    assert "Embargoed headline" in preview.content.decode()
    assert "private" in preview["Cache-Control"] and "no-store" in preview["Cache-Control"]
    client.logout()
    response = client.get(site.s.url)
    assert "Embargoed headline" not in response.content.decode()


def test_forms_with_a_csrf_token_are_private(client, tree):
    url = f"{tree.home.url}newsletter/"
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
        assert response.get("X-Page-Cache") is None


def test_private_pages_are_never_kept(client, tree, site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=tree.section, restriction_type="password", password="embargo"
        )
    for _ in range(2):
        response = client.get(site.s.url)  # the password form
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    # With the password (a session), the page itself: still private.
    form_url = reverse(
        "wagtailcore_authenticate_with_password",
        args=[PageViewRestriction.objects.get().pk, site.s.pk],
    )
    client.post(form_url, {"password": "embargo", "return_url": site.s.url})
    response = client.get(site.s.url)
    assert "Who pays" in response.content.decode()
    assert "private" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def test_making_a_page_private_purges_it_at_once(
    client, tree, site, django_capture_on_commit_callbacks
):
    client.get(site.s.url)
    assert state(client.get(site.s.url)) == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=site.s, restriction_type="login")
    assert client.get(site.s.url).status_code == 302  # to the login page


def test_admin_and_unknown_pages_are_not_kept(client, tree):
    for url in (reverse("wagtailadmin_login"), "/en/no-such-page/"):
        for _ in range(2):
            response = client.get(url)
            assert "X-Page-Cache" not in response
            assert "no-store" in response["Cache-Control"]


class RecordingBackend(BaseBackend):
    """A CDN that remembers what it was told to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)

    def purge_batch(self, urls):
        self.purged.extend(urls)


def test_the_same_purge_reaches_the_cdn(
    client, tree, site, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    response = client.get(site.s.url)
    assert (
        response["Cache-Control"] == "public, max-age=60, s-maxage=86400, stale-while-revalidate=60"
    )
    RecordingBackend.purged = []
    with django_capture_on_commit_callbacks(execute=True):
        republish(site.s, title="Who pays for the roof?")
    root = "http://localhost"
    purged = set(RecordingBackend.purged)
    for path in story_shown_paths(tree, site):
        assert root + path in purged, path
    assert root + tree.topics[1].url not in purged
    assert root + site.t.url not in purged


def story_shown_paths(tree, site):
    topic, section, home = tree.topics[0].url, tree.section.url, tree.home.url
    return [
        site.s.url,
        site.s_fr.url,
        topic,
        f"{topic}feed/rss/",
        f"{topic}feed/atom/",
        section,
        f"{section}feed/rss/",
        home,
        f"{home}feed/atom/",
        f"{home}search/",
        site.ines.url,
        site.partner.url,
        "/sitemap.xml",
        "/sitemap-en.xml",
        "/sitemap-fr.xml",
        "/sitemap-news-en.xml",
    ]


def test_purge_page_cache_purges_everything(client, tree, site):
    urls = pages(tree, site)
    for url in urls.values():
        client.get(url)
    call_command("purge_page_cache", stdout=io.StringIO())
    assert {client.get(url).get("X-Page-Cache") for url in urls.values()} == {"miss"}
