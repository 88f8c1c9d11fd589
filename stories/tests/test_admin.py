"""Editors can open every page and snippet form, and bad input gets a message."""

import datetime
import json

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from django.utils.timezone import localtime
from wagtail.test.utils.form_data import inline_formset, rich_text

from stories.factories import (
    AuthorFactory,
    ImageFactory,
    PartnerOutletFactory,
    StoryPageFactory,
    TopicPageFactory,
)
from stories.models import BriefingIndexPage, StoryPage, TopicIndexPage, TopicPage
from tests.support import story_form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model", "parent_attr"),
    [
        ("topicpage", "topic_index"),
        ("sectionpage", "home"),
        ("storypage", "section"),
        ("briefingpage", "briefing_index"),
    ],
)
def test_add_forms_open(admin_client, tree, model, parent_attr):
    parent = getattr(tree, parent_attr)
    url = reverse("wagtailadmin_pages:add", args=("stories", model, parent.pk))
    assert admin_client.get(url).status_code == 200


@pytest.mark.parametrize("model", [TopicIndexPage, BriefingIndexPage])
def test_second_index_page_is_refused(admin_client, tree, model):
    assert not model.can_create_at(tree.home)
    url = reverse("wagtailadmin_pages:add", args=("stories", model._meta.model_name, tree.home.pk))
    response = admin_client.get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_story_edit_form_opens(admin_client, tree):
    story = StoryPageFactory(parent=tree.section, topics=tree.topics, authors=[AuthorFactory()])
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    assert response.status_code == 200
    for tab in ("Content", "Topics &amp; credits", "Source", "Promote", "Settings"):
        assert tab in response.content.decode()


def test_snippet_forms_open(admin_client, locales):
    for model in ("author", "partneroutlet"):
        url = reverse(f"wagtailsnippets_stories_{model}:add")
        assert admin_client.get(url).status_code == 200


def post_story(admin_client, tree, **kwargs):
    url = reverse("wagtailadmin_pages:add", args=("stories", "storypage", tree.section.pk))
    return admin_client.post(url, story_form(**kwargs))


def test_editor_publishes_a_story(admin_client, tree):
    response = post_story(
        admin_client,
        tree,
        body=[("paragraph", rich_text("<p>The ferry stopped.</p>"))],
        topics=[{"topic": tree.topics[0].pk, "is_focus": True}],
    )
    assert response.status_code == 302
    story = StoryPage.objects.get(slug="ferry-halted")
    assert story.live
    assert story.focus_topic.pk == tree.topics[0].pk


@pytest.mark.parametrize(
    ("body", "topics", "message"),
    [
        (
            [("video", {"url": "https://www.dailymotion.com/video/x7", "caption": ""})],
            [{"topic": 0, "is_focus": False}],
            "We can only show videos from YouTube or Vimeo",
        ),
        (
            [("pull_quote", {"quote": "  ", "attribution": "x"})],
            [{"topic": 0, "is_focus": False}],
            "A pull quote needs the quoted words.",
        ),
        (
            [],
            [{"topic": 0, "is_focus": True}, {"topic": 1, "is_focus": True}],
            "Only one topic can be the story&#x27;s focus.",
        ),
        (
            [],
            [{"topic": 0, "is_focus": False}, {"topic": 0, "is_focus": False}],
            "Each topic can be added to a story only once.",
        ),
    ],
)
def test_bad_story_input_gets_a_clear_message(admin_client, tree, body, topics, message):
    for topic in topics:
        topic["topic"] = tree.topics[topic["topic"]].pk
    response = post_story(admin_client, tree, body=body, topics=topics)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not StoryPage.objects.filter(slug="ferry-halted").exists()
    if "topic" in message:  # beside the field, on its tab, not only in the banner
        soup = BeautifulSoup(response.content, "html.parser")
        tab = soup.select_one("#tab-topics_credits")
        errors = [e.get_text(" ", strip=True) for e in tab.select(".w-field__errors")]
        assert any(message.replace("&#x27;", "'") in e for e in errors), errors


def test_a_partners_story_needs_its_provenance(admin_client, tree, locales):
    partner = PartnerOutletFactory(name="Plain Facts", language="ru")
    topics = [{"topic": tree.topics[0].pk, "is_focus": True}]
    response = post_story(admin_client, tree, body=[], topics=topics, partner=partner.pk)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    errors = [e for e in soup.select(".w-field__errors") if e.get_text(strip=True)]
    message = "A partner's story needs this: fill it in, or clear the partner outlet."
    language = (
        "Which language was the original written in? Plain Facts publishes in Russian; "
        "choose this story's own language if it was not translated."
    )
    # Headline and language (never guessed from the partner); the address and the date are
    # often unknown when the desk takes a story.
    assert [e.get_text(strip=True) for e in errors] == [message, language]
    assert not StoryPage.objects.filter(slug="ferry-halted").exists()

    response = post_story(
        admin_client,
        tree,
        body=[],
        topics=topics,
        partner=partner.pk,
        original_headline="Паром остановлен",
        original_language="ru",
    )
    assert response.status_code == 302
    story = StoryPage.objects.get(slug="ferry-halted")
    assert story.original_language == "ru"
    assert story.translated_from  # readers see "Translated from Russian."
    assert (story.original_url, story.original_published_at) == ("", None)


def test_an_update_note_sets_the_last_updated_time(admin_client, tree, client):
    story = StoryPageFactory(parent=tree.section, topics=tree.topics[:1], updated_at=None)
    noted = timezone.now().replace(microsecond=0) - datetime.timedelta(minutes=5)
    story.body.append(("update_note", {"updated_at": noted, "text": "Adds the ministry's reply."}))
    story.save_revision().publish()
    story = StoryPage.objects.get(pk=story.pk)
    assert story.updated_at == noted

    page = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert page.select_one(".story__meta .updated time")["datetime"] == noted.isoformat()
    feed = feedparser.parse(client.get(tree.section.url + "feed/atom/").content)
    assert feed.entries[0].updated_parsed[:6] == noted.utctimetuple()[:6]

    # An older note, added later, does not move the time back.
    story.body.append(
        ("update_note", {"updated_at": noted - datetime.timedelta(days=1), "text": "x"})
    )
    story.save_revision().publish()
    assert StoryPage.objects.get(pk=story.pk).updated_at == noted


def test_editor_translates_a_story_from_the_admin(admin_client, tree, locales):
    """The admin's Translate action: the French draft points at French topics and authors."""
    author = AuthorFactory(name="Inès Marlow")
    story = StoryPageFactory(parent=tree.section, topics=tree.topics, authors=[author])
    url = reverse("wagtail_localize:submit_page_translation", args=(story.pk,))
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"locales": [locales["fr"].pk]})
    assert response.status_code == 302

    french = StoryPage.objects.get(translation_key=story.translation_key, locale=locales["fr"])
    assert french.get_parent().pk == tree.fr.section.pk
    assert [t.topic_id for t in french.story_topics.all()] == [tree.fr.topic.pk, tree.fr.topic2.pk]
    # translate_object also made a French copy of the author for the translator to fill in.
    assert french.bylines.get().author.locale == locales["fr"]
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=(french.pk,)))
    assert edit.status_code == 200


@pytest.mark.parametrize("model", ["author", "partneroutlet"])
def test_deleting_a_credited_snippet_is_refused_without_losing_data(admin_client, tree, model):
    from stories.factories import PartnerOutletFactory

    author, partner = AuthorFactory(), PartnerOutletFactory()
    StoryPageFactory(parent=tree.section, authors=[author], partner=partner)
    snippet = author if model == "author" else partner
    url = reverse(f"wagtailsnippets_stories_{model}:delete", args=(snippet.pk,))
    response = admin_client.post(url)
    assert response.status_code < 500
    assert type(snippet).objects.filter(pk=snippet.pk).exists()


def test_translating_a_russian_story_keeps_the_french_topics_and_authors(
    admin_client, tree, locales, translate_page, django_capture_on_commit_callbacks
):
    """Upstream, the Translate action re-translated every related object into the target
    language, so a Russian story overwrote the French topic (made from English) with
    Russian text. Existing translations are left alone; missing ones are still made."""
    known = AuthorFactory(name="Ilya Sorin", locale=locales["en"])
    for code in ("fr", "ru"):
        translate_page(known, code)
    new = AuthorFactory(name="Vera Lind", locale=locales["ru"])
    story = StoryPageFactory(
        parent=tree.ru.section,
        topics=[tree.ru.topic],
        authors=[known.get_translation(locales["ru"]), new],
    )
    story.save_revision().publish()
    french_topic_title = tree.fr.topic.title
    french_author_name = known.get_translation(locales["fr"]).name

    url = reverse("wagtail_localize:submit_page_translation", args=(story.pk,))
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(url, {"locales": [locales["fr"].pk]}).status_code == 302

    assert TopicPage.objects.get(pk=tree.fr.topic.pk).title == french_topic_title
    assert known.get_translation(locales["fr"]).name == french_author_name
    french = StoryPage.objects.get(translation_key=story.translation_key, locale=locales["fr"])
    assert not french.live, "untranslated text never goes live"
    assert [t.topic_id for t in french.story_topics.all()] == [tree.fr.topic.pk]
    authors = [byline.author for byline in french.bylines.all()]
    assert authors[0].pk == known.get_translation(locales["fr"]).pk
    assert authors[1].locale == locales["fr"]  # a French placeholder for the translator


@pytest.mark.parametrize("mode", ["", "card", "social"])
def test_editor_previews_a_new_story_and_its_card(admin_client, tree, mode):
    older = StoryPageFactory(parent=tree.section, title="Older drone story", topics=tree.topics[:1])
    url = reverse(
        "wagtailadmin_pages:preview_on_add", args=("stories", "storypage", tree.section.pk)
    )
    data = story_form(
        body=[("paragraph", rich_text("<p>The ferry stopped in March.</p>"))],
        topics=[
            {"topic": tree.topics[1].pk, "is_focus": False},
            {"topic": tree.topics[0].pk, "is_focus": True},
        ],
        summary="Varensk is an island now.",
    )
    assert admin_client.post(url, data).json()["is_valid"]
    response = admin_client.get(url, {"mode": mode})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    if mode == "card":
        # On its focus topic's page, first, above what is already there.
        assert soup.h1.get_text() == "Drones"
        cards = soup.select(".story-card")
        assert [c.select_one(".story-card__headline").get_text() for c in cards] == [
            "Ferry halted",
            older.title,
        ]
        assert cards[0].select_one(".focus-label").get_text() == "Focus: Drones"
        assert "Varensk is an island now." in cards[0].get_text()
    elif mode == "social":
        # What networks read of the page: its og: title and description, no picture yet.
        card = soup.select_one(".social-card")
        assert card.select_one(".social-card__title").get_text() == "Ferry halted"
        assert card.select_one(".social-card__description").get_text() == (
            "Varensk is an island now."
        )
        assert card.select_one(".social-card__site").get_text() == "localhost"  # the site's
        assert card.select_one(".social-card__no-image")
    else:
        assert soup.h1.get_text() == "Ferry halted"
        assert "The ferry stopped in March." in soup.select_one(".story__body").get_text()
    assert not StoryPage.objects.filter(slug="ferry-halted").exists()


def test_a_preview_shows_the_editors_unsaved_bylines_and_topics(admin_client, tree):
    before, after = AuthorFactory(name="Olga Brenner"), AuthorFactory(name="Tomas Vey")
    story = StoryPageFactory(
        parent=tree.section, topics=tree.topics[:1], focus=tree.topics[0], authors=[before]
    )
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(story.pk,))
    (old_topic,), (old_byline,) = story.story_topics.all(), story.bylines.all()
    data = story_form(
        slug=story.slug,
        body=[("paragraph", rich_text("<p>The ferry stopped in March.</p>"))],
        topics=[],  # replaced below: the story's topic removed, another chosen
        story_topics=inline_formset(
            [
                {"id": old_topic.pk, "topic": old_topic.topic_id, "DELETE": "1"},
                {"topic": tree.topics[1].pk, "is_focus": True},
            ],
            initial=1,
        ),
        bylines=inline_formset(
            [{"id": old_byline.pk, "author": before.pk, "DELETE": "1"}, {"author": after.pk}],
            initial=1,
        ),
    )
    assert admin_client.post(url, data).json()["is_valid"]
    soup = BeautifulSoup(admin_client.get(url).content, "html.parser")
    assert soup.select_one(".story__meta .bylines").get_text(" ", strip=True) == "By Tomas Vey"
    assert [a.get_text() for a in soup.select(".topic-tags a")] == [tree.topics[1].title]
    assert soup.select_one(".story__labels .focus-label").get_text() == (
        f"Focus: {tree.topics[1].title}"
    )


def test_every_field_editors_fill_says_what_readers_see():
    bookkeeping = {"id", "translation_key", "locale", "sort_order", "page", "page_ptr"}
    silent = [
        f"{model.__name__}.{field.name}"
        for app in ("editions", "home", "stories")
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.get_fields()
        if getattr(field, "editable", False)
        and field.model is model
        and not field.auto_created
        and field.name not in bookkeeping
        and not getattr(field, "help_text", "")
    ]
    assert silent == []


def test_a_story_links_only_to_topics_authors_and_a_partner_of_its_language(admin_client, tree):
    french_author = AuthorFactory(locale=tree.fr.home.locale, name="Claire Vasseur")
    french_partner = PartnerOutletFactory(locale=tree.fr.home.locale, name="Faits simples")
    response = post_story(
        admin_client,
        tree,
        body=[],
        topics=[{"topic": tree.topics[0].pk}, {"topic": tree.fr.topic.pk}],
        bylines=inline_formset([{"author": french_author.pk}]),
        partner=french_partner.pk,
        original_language="ru",
        original_headline="Паром",
        original_url="https://plain-facts.example/parom",
        original_published_at="2026-11-20",
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    errors = [e.get_text(" ", strip=True) for e in soup.select(".w-field__errors")]
    errors = [e for e in errors if e]
    assert errors == [
        # Beside the French topic, the French author and the French partner, tab by tab.
        f"The topic “{tree.fr.topic.title}” is in French: choose a topic in English, or "
        "translate this one into English first.",
        "The author “Claire Vasseur” is the French version: choose the English one, or "
        "translate the author into English first.",
        "The partner outlet “Faits simples” is its French version: choose its English version, "
        "or translate the partner outlet into English first.",
    ]
    assert not StoryPage.objects.filter(slug="ferry-halted").exists()


def test_the_story_form_opens_its_choosers_in_the_storys_language(admin_client, tree):
    story = StoryPageFactory(parent=tree.fr.section, topics=[tree.fr.topic])
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()
    assert reverse("edition_page_chooser", args=["fr"]) + "?locale=fr" in html
    assert "/admin/snippets/choose/stories/author/?locale=fr" in html
    assert "/admin/snippets/choose/stories/partneroutlet/?locale=fr" in html

    # The topic chooser opens on the French topics, not at the root.
    url = reverse("edition_page_chooser", args=["fr"]) + "?page_type=stories.topicpage"
    response = admin_client.get(url)
    assert response.status_code == 200
    listing = json.loads(response.content)["html"]
    assert tree.fr.topic.title in listing and tree.fr.topic2.title in listing
    assert tree.topics[0].title not in listing.replace(tree.fr.topic.title, "")


def test_the_page_choosers_search_finds_words_inside_titles(admin_client, tree, search_index):
    TopicPageFactory(parent=tree.topic_index, title="Elections in Velola")
    TopicPageFactory(parent=tree.topic_index, title="Harbour strikes")
    url = reverse("wagtailadmin_choose_page_search")
    for text in ("lections", "Elections", "VELOLA", "in vel"):
        response = admin_client.get(url, {"q": text, "page_type": "stories.topicpage"})
        assert response.status_code == 200
        html = response.content.decode()
        assert "Elections in Velola" in html, text
        assert "Harbour strikes" not in html
    # Opened from a French story's form, the chooser searches the French edition only.
    french = TopicPageFactory(parent=tree.fr.topic_index, title="Élections à Velola")
    response = admin_client.get(
        url, {"q": "lections", "page_type": "stories.topicpage", "locale": "fr"}
    )
    html = response.content.decode()
    assert french.title in html and "Elections in Velola" not in html


def autosave(admin_client, url, data):
    """What the editor's autosave sends: the form as it stands, no button, asking for JSON."""
    return admin_client.post(url, data, HTTP_ACCEPT="application/json")


def test_a_new_story_autosaves_before_it_has_a_topic_or_its_provenance(admin_client, tree):
    url = reverse("wagtailadmin_pages:add", args=("stories", "storypage", tree.section.pk))
    html = admin_client.get(url).content.decode()
    # No blank topic row that autosave would have to fill before saving anything.
    assert 'name="story_topics-TOTAL_FORMS" value="0"' in html
    partner = PartnerOutletFactory(name="Plain Facts", language="ru")
    data = story_form(
        body=[("paragraph", rich_text("<p>The first lines of the story.</p>"))],
        topics=[],
        action="no-button",
        partner=partner.pk,
    )
    response = autosave(admin_client, url, data)
    assert response.status_code == 200, response.content
    assert response.json()["success"]
    story = StoryPage.objects.get(slug="ferry-halted")
    assert not story.live


def test_submitting_or_publishing_asks_for_a_topic_and_the_provenance(admin_client, tree):
    partner = PartnerOutletFactory(name="Plain Facts", language="ru")
    for action in ("action-publish", "action-submit"):
        response = post_story(
            admin_client, tree, body=[], topics=[], partner=partner.pk, action=action
        )
        assert response.status_code == 200
        text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
        assert "A partner's story needs this" in text, action
        assert "Topics A story needs a topic before it is submitted or published" in text
    assert not StoryPage.objects.filter(slug="ferry-halted").exists()


def test_a_publication_time_sent_back_unchanged_keeps_its_seconds(admin_client, tree):
    published = datetime.datetime(2026, 11, 3, 9, 15, 37, tzinfo=datetime.UTC)
    story = StoryPageFactory(parent=tree.section, topics=tree.topics[:1], published_at=published)
    url = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    shown = localtime(published).strftime("%Y-%m-%d %H:%M")  # as the form shows it
    data = story_form(
        body=[("paragraph", rich_text("<p>The ferry.</p>"))],
        topics=[{"topic": tree.topics[0].pk}],
        slug=story.slug,
        published_at=shown,
    )
    assert admin_client.post(url, data).status_code == 302
    assert StoryPage.objects.get(pk=story.pk).published_at == published
    # A time the editor changed is the editor's.
    data["published_at"] = "2026-11-03 10:00"
    admin_client.post(url, data)
    assert StoryPage.objects.get(pk=story.pk).published_at.second == 0


def test_the_story_form_speaks_the_desks_language(admin_client, tree):
    url = reverse("wagtailadmin_pages:add", args=("stories", "storypage", tree.section.pk))
    soup = BeautifulSoup(admin_client.get(url).content, "html.parser")
    labels = {
        label.get("for"): label.get_text(" ", strip=True) for label in soup.select("label[for]")
    }
    assert labels["id_title"].startswith("Headline")
    assert labels["id_seo_title"].startswith("Title tag")
    assert labels["id_search_description"].startswith("Meta description")
    assert "up to 160 characters" in soup.select_one("#tab-promote").get_text()
    assert soup.select_one("[name=show_in_menus]") is None  # no menu lists stories


def test_a_story_goes_to_review_only_with_its_pictures_described(admin_client, tree):
    undescribed, described = ImageFactory(description=""), ImageFactory()

    def send(image, action):
        body = [("image", {"image": image.pk, "caption": "The pier", "credit": "Desk"})]
        topics = [{"topic": tree.topics[0].pk}]
        return post_story(
            admin_client, tree, body=body, topics=topics, lead_image=image.pk, action=action
        )

    for action in ("action-submit", "action-publish"):
        response = send(undescribed, action)
        assert response.status_code == 200, action
        # Beside the lead image, and beside the body's image block (in the StreamField's
        # data, which the admin's script renders).
        html = response.content.decode()
        assert html.count("This picture has no description for readers") == 2, action
    # A draft may wait for them; described pictures pass.
    assert send(undescribed, "action-draft").status_code == 302
    StoryPage.objects.all().delete()
    assert send(described, "action-publish").status_code == 302


def test_the_image_library_says_what_a_description_is_for(admin_client):
    image = ImageFactory()
    html = admin_client.get(reverse("wagtailimages:edit", args=(image.pk,))).content.decode()
    assert "screen readers read it out" in html
