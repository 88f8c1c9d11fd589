"""Who can do what: every role against every admin action that matters, through HTTP, the
allowed ones and the forbidden ones alike. Then: what is not published never reaches a
reader, a search result or a feed."""

import feedparser
import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_localize.models import TranslationSource

from newsletter.models import Subscriber
from stories.factories import AuthorFactory, PartnerOutletFactory, StoryPageFactory
from stories.models import StoryPage
from syndication.models import ImportedStory
from tests.support import ROLES, edited_story_form

pytestmark = pytest.mark.django_db

DESK = {"editor", "moderator", "translator_fr", "translator_en", "admin"}
# Action → the roles allowed it; every other role is refused.
ALLOWED = {
    "open the admin": DESK,
    "edit an English story": {"editor", "moderator", "translator_en", "admin"},
    "edit a French story": {"editor", "moderator", "translator_fr", "admin"},
    "preview an English draft": {"editor", "moderator", "translator_en", "admin"},
    "preview a French draft": {"editor", "moderator", "translator_fr", "admin"},
    "see an English story's revisions": {"editor", "moderator", "translator_en", "admin"},
    "translate a story into French": {"editor", "moderator", "translator_fr", "admin"},
    # Bringing the story's French translation up to date: those who may work on it (the
    # rest of the review gate is translations/tests/test_translation_gate.py).
    "sync a story's translations": {"editor", "moderator", "translator_fr", "admin"},
    "edit a French author": {"editor", "moderator", "translator_fr", "admin"},
    "add an author": {"editor", "moderator", "admin"},
    "list subscribers": {"editor", "moderator", "admin"},
    "open Incoming": DESK,
    # Drafts in the partner's (Russian) tree: for those who may add stories there.
    "import a partner's feed": {"editor", "moderator", "admin"},
    "list users": {"admin"},
    "add a user": {"admin"},
    # Last, the actions that change or remove what the ones above look at.
    "publish an English story": {"moderator", "admin"},
    "publish a French story": {"moderator", "admin"},
    "unpublish an English story": {"moderator", "admin"},
    "delete an English story": {"moderator", "admin"},
    "delete an author": {"admin"},
    "delete a subscriber": {"editor", "moderator", "admin"},
}


def world(tree, translate_page, feeds):
    """What a role acts on: a live English story, a French draft, a French author, a
    subscriber, an English story with a French translation, and a partner with a feed."""
    english = StoryPageFactory(parent=tree.section, topics=[tree.topics[0]])
    english.save_revision().publish()
    french = StoryPageFactory(parent=tree.fr.section, topics=[tree.fr.topic])
    author = AuthorFactory(locale=tree.fr.home.locale)
    subscriber = Subscriber.objects.create(email=f"r{english.pk}@example.com", edition="en")
    translated = StoryPageFactory(parent=tree.section, topics=[tree.topics[0]])
    translate_page(translated, "fr")
    partner = PartnerOutletFactory(
        feed_url=f"{feeds.url}/feeds/plain_facts.rss", import_section=tree.section
    )
    return (
        english,
        french,
        author,
        subscriber,
        TranslationSource.objects.get_for_instance(translated),
        partner,
    )


def attempt(client, action, things):
    """Try the action; True if it was done (or its page shown), False if refused."""
    english, french, author, subscriber, source, partner = things

    def shown(url):
        response = client.get(url)
        assert response.status_code in (200, 302, 403, 404), (action, response.status_code)
        return response.status_code == 200

    def edit(page, title, publish):
        page = StoryPage.objects.get(pk=page.pk)
        form = edited_story_form(page, title, "action-publish" if publish else "action-draft")
        client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form)
        page.refresh_from_db()
        return (
            page.title == title if publish else page.get_latest_revision().content["title"] == title
        )

    if action == "open the admin":
        return shown(reverse("wagtailadmin_home"))
    if action == "edit an English story":
        return shown(reverse("wagtailadmin_pages:edit", args=[english.pk])) and edit(
            english, "An English edit", publish=False
        )
    if action == "edit a French story":
        return shown(reverse("wagtailadmin_pages:edit", args=[french.pk])) and edit(
            french, "Une modification", publish=False
        )
    if action == "preview an English draft":
        return shown(reverse("wagtailadmin_pages:view_draft", args=[english.pk]))
    if action == "preview a French draft":
        return shown(reverse("wagtailadmin_pages:view_draft", args=[french.pk]))
    if action == "see an English story's revisions":
        return shown(reverse("wagtailadmin_pages:history", args=[english.pk]))
    if action == "publish an English story":
        return edit(english, "Published in English", publish=True)
    if action == "publish a French story":
        return edit(french, "Publié en français", publish=True)
    if action == "unpublish an English story":
        client.post(reverse("wagtailadmin_pages:unpublish", args=[english.pk]))
        return not StoryPage.objects.get(pk=english.pk).live
    if action == "delete an English story":
        client.post(reverse("wagtailadmin_pages:delete", args=[english.pk]))
        return not Page.objects.filter(pk=english.pk).exists()
    if action == "translate a story into French":
        french_locale = Locale.objects.get(language_code="fr")
        url = reverse("wagtail_localize:submit_page_translation", args=[english.pk])
        client.post(url, {"locales": [french_locale.pk]})
        return StoryPage.objects.filter(
            translation_key=english.translation_key, locale=french_locale
        ).exists()
    if action == "sync a story's translations":
        synced_before = source.last_updated_at
        client.post(reverse("wagtail_localize:update_translations", args=[source.pk]))
        source.refresh_from_db()
        return source.last_updated_at != synced_before
    if action == "edit a French author":
        return shown(reverse("wagtailsnippets_stories_author:edit", args=[author.pk]))
    if action == "add an author":
        return shown(reverse("wagtailsnippets_stories_author:add"))
    if action == "delete an author":
        client.post(reverse("wagtailsnippets_stories_author:delete", args=[author.pk]))
        return not type(author).objects.filter(pk=author.pk).exists()
    if action == "list subscribers":
        return shown(reverse("wagtailsnippets_newsletter_subscriber:list"))
    if action == "delete a subscriber":
        client.post(reverse("wagtailsnippets_newsletter_subscriber:delete", args=[subscriber.pk]))
        return not Subscriber.objects.filter(pk=subscriber.pk).exists()
    if action == "open Incoming":
        return shown(reverse("syndication_incoming"))
    if action == "import a partner's feed":
        client.post(reverse("syndication_import", args=[partner.pk]))
        return ImportedStory.objects.filter(
            partner__translation_key=partner.translation_key
        ).exists()
    if action == "list users":
        return shown(reverse("wagtailusers_users:index"))
    if action == "add a user":
        return shown(reverse("wagtailusers_users:add"))
    raise AssertionError(f"no way to attempt {action!r}")


@pytest.mark.parametrize("role", ROLES)
def test_each_role_may_do_exactly_what_the_newsroom_allows(
    role, staff, tree, translate_page, feeds
):
    client = Client()
    if role != "anonymous":
        client.force_login(staff[role])
    things = world(tree, translate_page, feeds)
    outcomes = {action: attempt(client, action, things) for action in ALLOWED}
    expected = {action: role in roles for action, roles in ALLOWED.items()}
    wrong = {
        a: ("allowed" if done else "refused") for a, done in outcomes.items() if done != expected[a]
    }
    assert wrong == {}, f"{role}: {wrong}"


def test_drafts_revisions_and_private_pages_never_reach_readers(
    client, tree, search_index, settings
):
    live = StoryPageFactory(parent=tree.section, title="The ferry runs again", summary="Live.")
    # A newer draft of a live story, a story never published, and a private one.
    live.title = "Quillfeather headline nobody approved"
    live.save_revision()
    draft = StoryPageFactory(parent=tree.section, title="Quillfeather story", live=False)
    draft.save_revision()
    private = StoryPageFactory(parent=tree.section, title="Marrowpine story")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    pages = [
        tree.home.url,
        tree.section.url,
        tree.topics[0].url,
        f"{tree.home.url}search/?q=headline",
        f"{tree.home.url}search/?q=story",
        f"{tree.home.url}search/?q=nobody+approved",
        f"{tree.home.url}feed/rss/",
        f"{tree.section.url}feed/atom/",
        "/sitemap.xml",
        "/sitemap-en.xml",
        "/sitemap-news-en.xml",
        live.url,
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert "Quillfeather" not in text and "Marrowpine" not in text, url
    assert "The ferry runs again" in client.get(live.url).content.decode()
    feed = feedparser.parse(client.get(f"{tree.home.url}feed/rss/").content)
    assert {e.title for e in feed.entries} == {"The ferry runs again"}
    # The draft and the private story themselves: not found, and a password form.
    assert client.get(f"{tree.section.url}{draft.slug}/").status_code == 404
    response = client.get(private.url)
    assert response.status_code == 200 and "Marrowpine" not in response.content.decode()
    assert "password" in response.content.decode().lower()
    # Previews and revisions are the admin's: an anonymous reader is sent to sign in.
    for url in (
        reverse("wagtailadmin_pages:view_draft", args=[live.pk]),
        reverse("wagtailadmin_pages:history", args=[live.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[live.pk, live.latest_revision_id]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
