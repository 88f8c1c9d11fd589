"""Who can do what, proved through the admin's own views."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from stories.models import StoryPage

from .factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def story_form(page, title, action):
    return nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "standfirst": "",
            "summary": "",
            "dateline": "",
            "lead_video_url": "",
            "body": streamfield([("paragraph", rich_text("<p>Le bac est arrêté.</p>"))]),
            "story_topics": inline_formset([{"topic": page.story_topics.first().topic_id}]),
            "bylines": inline_formset([]),
            action: "1",
        }
    )


@pytest.fixture
def stories(tree):
    def story(section, topic, slug):
        return StoryPageFactory(parent=section, slug=slug, title=slug, topics=[topic])

    return {
        "fr": story(tree.fr.section, tree.fr.topic, "bac"),
        "en": story(tree.section, tree.topics[0], "ferry"),
        "ru": story(tree.ru.section, tree.ru.topic, "parom"),
    }


def test_groups_exist_and_setup_is_idempotent(tree):
    call_command("setup_groups", stdout=io.StringIO())
    call_command("setup_groups", stdout=io.StringIO())
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Moderators", "Translators (English)", "Translators (French)"} <= names
    french = Group.objects.get(name="Translators (French)")
    assert french.page_permissions.count() == 2


def test_french_translator_edits_french_pages_only(french_translator, stories):
    edit = "wagtailadmin_pages:edit"
    assert french_translator.get(reverse(edit, args=(stories["fr"].pk,))).status_code == 200
    for code in ("en", "ru"):
        response = french_translator.get(reverse(edit, args=(stories[code].pk,)))
        assert response.status_code == 302, code
        assert response["Location"] == reverse("wagtailadmin_home")
        french_translator.post(
            reverse(edit, args=(stories[code].pk,)),
            story_form(stories[code], "Hijacked", "action-publish"),
        )
        page = StoryPage.objects.get(pk=stories[code].pk)
        assert page.title != "Hijacked"
        assert page.get_latest_revision() is None or (
            page.get_latest_revision().content["title"] != "Hijacked"
        )


def test_french_translator_cannot_publish_but_can_submit(french_translator, stories):
    page = stories["fr"]
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    french_translator.post(url, story_form(page, "Publié par erreur", "action-publish"))
    assert StoryPage.objects.get(pk=page.pk).title == "bac", "no publishing"

    response = french_translator.post(url, story_form(page, "Le bac arrêté", "action-submit"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "bac", "still the live version"
    assert page.get_latest_revision().content["title"] == "Le bac arrêté"
    assert WorkflowState.objects.filter(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()


def test_french_translator_can_add_a_french_story_but_not_an_english_one(french_translator, tree):
    add = "wagtailadmin_pages:add"
    french = french_translator.get(reverse(add, args=("stories", "storypage", tree.fr.section.pk)))
    assert french.status_code == 200
    english = french_translator.get(reverse(add, args=("stories", "storypage", tree.section.pk)))
    assert english.status_code == 302
