"""The translation editor as the desk uses it: what each role is offered, the original to
read, names in the reader's language, machine translation, slugs, credits and PO files."""

import json
import shutil
import subprocess

import polib
import pytest
from bs4 import BeautifulSoup
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import translate_object
from wagtail_localize.strings import StringValue

from stories.factories import (
    AuthorFactory,
    PartnerOutletFactory,
    StoryPageFactory,
    TopicPageFactory,
)
from stories.models import StoryPage
from tests.support import missing, newsroom_user
from translations.memory import word_diff

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(tree):
    return {
        "translator": newsroom_user("translator_fr", "claire"),
        "moderator": newsroom_user("moderator", "mo"),
    }


@pytest.fixture
def russian_story(tree, translate_page):
    """A live Russian original crediting a Russian author, with an English translation."""
    author = AuthorFactory(locale=tree.ru.home.locale, name="Dmitri Lavrov")
    translate_page(
        author,
        "en",
        {"Dmitri Lavrov": "Dmitri Lavrov"}
        | {author.role: "Correspondent", author.bio: "Reports on the rivers."},
    )
    story = StoryPageFactory(
        parent=tree.ru.section,
        title="Город, который потерял паром",
        slug="gorod-parom",
        topics=[tree.ru.topic],
        authors=[author],
        translator_credit="",
    )
    story.save_revision().publish()
    translate_page(story, "en")
    return story


def start_french(story):
    """What the desk's Translate button does."""
    translate_object(story, [Locale.objects.get(language_code="fr")])
    return Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(story), target_locale__language_code="fr"
    )


def editor_props(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup, json.loads(soup.select_one(".js-translation-editor")["data-props"])


def french_page(story):
    return StoryPage.objects.get(translation_key=story.translation_key, locale__language_code="fr")


def test_a_translator_is_offered_submit_for_review_and_nothing_destructive(
    client, users, russian_story
):
    start_french(russian_story)
    page = french_page(russian_story)
    client.force_login(users["translator"])
    soup, props = editor_props(client, page)
    assert props["perms"]["canPublish"] is False
    assert props["perms"]["canDelete"] is False
    assert props["perms"]["canUnpublish"] is False
    assert props["links"]["convertToAliasUrl"] is None
    assert props["object"]["isLocked"] is False
    footer = soup.select_one(".desk-editor__footer")
    assert footer.select_one("button[type=submit]").get_text(strip=True) == "Submit for review"
    assert "desk-editor--submits" in soup.select_one(".desk-editor")["class"]
    # The original is linked to its read-only view, not to an editor she may not open.
    original = soup.select_one(".desk-editor__locales a")
    assert original["href"].startswith(
        reverse("translation_desk_original", args=[russian_story.pk])
    )
    # The versions she may open: only French (English is another desk's).
    assert soup.select(".desk-editor__locales a")[1:] == []


def test_a_moderator_keeps_wagtail_localizes_publish_footer(client, users, russian_story):
    start_french(russian_story)
    client.force_login(users["moderator"])
    soup, props = editor_props(client, french_page(russian_story))
    assert props["perms"]["canPublish"] is True
    assert soup.select_one(".desk-editor__footer") is None


def test_a_translation_in_review_is_locked_for_its_translator(client, users, russian_story):
    start_french(russian_story)
    page = french_page(russian_story)
    page.get_workflow().start(page, users["translator"])
    client.force_login(users["translator"])
    soup, props = editor_props(client, page)
    assert props["object"]["isLocked"] is True
    assert "awaiting moderation" in soup.select_one(".desk-editor__locked").get_text()
    assert soup.select_one(".desk-editor__footer button[type=submit]").has_attr("disabled")


def test_topics_and_authors_are_named_as_french_readers_will_see_them(
    client, users, russian_story, tree, translate_page
):
    author = russian_story.bylines.first().author
    translate_page(
        author,
        "fr",
        {"Dmitri Lavrov": "Dmitri Lavrov"}
        | {author.role: "Correspondant", author.bio: "Couvre les rivières."},
    )
    start_french(russian_story)
    client.force_login(users["translator"])
    _soup, props = editor_props(client, french_page(russian_story))
    related = {
        s["contentPath"].split(".")[0]: s["source"]["title"]
        for s in props["segments"]
        if s["type"] == "related_object"
    }
    assert related["story_topics"] == tree.fr.topic.title
    assert tree.ru.topic.title not in related.values()


def test_the_original_reads_in_full_with_its_names_in_the_translators_editions(
    client, users, russian_story, tree
):
    client.force_login(users["translator"])
    response = client.get(reverse("translation_desk_original", args=[russian_story.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Город, который потерял паром" in html
    assert "The ferry stopped running in March." in html  # the body
    assert f"French: {tree.fr.topic.title}" in html
    assert "Dmitri Lavrov" in html and "not translated yet" in html  # no French author yet
    # A draft original is for those who may work on it (or one of its translations).
    draft = StoryPageFactory(parent=tree.section, title="Unpublished", live=False)
    response = client.get(reverse("translation_desk_original", args=[draft.pk]))
    assert response.status_code in (302, 403) and b"Unpublished" not in response.content


def test_machine_translation_leaves_names_credits_and_the_slug_to_the_translator(
    client, users, russian_story, settings, tree
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
    partner = PartnerOutletFactory(locale=tree.ru.home.locale, name="Prostye Fakty")
    story = StoryPage.objects.get(pk=russian_story.pk)
    story.partner = partner
    story.body = [
        ("paragraph", "<p>Paragraph one.</p>"),
        ("image", {"image": None, "caption": "The empty pier", "credit": "Ana Reis"}),
    ]
    story.save_revision().publish()
    translation = start_french(story)
    client.force_login(users["translator"])
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    client.post(url)

    translated = {
        segment.context.path.split(".")[-1]: StringTranslation.objects.filter(
            translation_of=segment.string, context=segment.context, locale=translation.target_locale
        ).first()
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "context", "string"
        )
    }
    assert translated["title"].translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    assert translated["caption"] is not None
    assert translated["credit"] is None, "a photographer's name is not for machines"
    # The slug was not machine-translated: it follows the machine's headline.
    assert translated["slug"].tool_name == "Headline"
    # The partner's name, in the partner's own translation, is left alone too.
    partner_translation = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(partner),
        target_locale__language_code="fr",
    )
    client.post(reverse("wagtail_localize:machine_translate", args=[partner_translation.pk]))
    name = StringSegment.objects.get(source=partner_translation.source, context__path="name")
    assert not StringTranslation.objects.filter(
        translation_of=name.string, locale=partner_translation.target_locale
    ).exists()


def put(client, translation, path, value):
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, encode_multipart(BOUNDARY, {"value": value}), MULTIPART_CONTENT)
    assert response.status_code in (200, 201), response.content
    return segment


def slug_of(translation):
    segment = StringSegment.objects.get(source=translation.source, context__path="slug")
    found = StringTranslation.objects.filter(
        translation_of=segment.string, context=segment.context, locale=translation.target_locale
    ).first()
    return found and StringValue(found.data).render_text()


def test_the_slug_follows_the_headline_until_the_translator_sets_it(client, users, russian_story):
    translation = start_french(russian_story)
    client.force_login(users["translator"])
    put(client, translation, "title", "La ville qui a perdu son bac")
    assert slug_of(translation) == "la-ville-qui-a-perdu-son-bac"
    put(client, translation, "title", "Élections à Varensk : le bac d’abord")
    assert slug_of(translation) == "elections-a-varensk-le-bac-dabord"

    put(client, translation, "slug", "bac-varensk")
    put(client, translation, "title", "Un autre titre")
    assert slug_of(translation) == "bac-varensk", "the translator's own slug is kept"


def test_a_new_translation_credits_nobody_until_its_translator_says_who(
    client, users, russian_story
):
    story = StoryPage.objects.get(pk=russian_story.pk)
    english = story.get_translation(Locale.objects.get(language_code="en")).specific
    english.translator_credit = "Ilya Sorin"
    english.save_revision().publish()
    # French is made from the English version, which credits its own translator.
    translation = start_french(english)
    page = french_page(russian_story)
    assert page.get_latest_revision_as_object().translator_credit == ""

    client.force_login(users["translator"])
    soup, _props = editor_props(client, page)
    assert soup.select_one("#id_own_translator_credit")["value"] == ""
    url = reverse("translation_edition_fields", args=[translation.pk])
    client.post(url, {"translator_credit": "Margaux Peyrol"})
    page = french_page(russian_story)
    assert page.get_latest_revision_as_object().translator_credit == "Margaux Peyrol"

    # A sync keeps it; publishing (the copy desk's) takes it to readers.
    english.standfirst = "A new standfirst."
    english.save_revision().publish()
    client.post(reverse("wagtail_localize:update_translations", args=[translation.source.pk]))
    assert french_page(russian_story).get_latest_revision_as_object().translator_credit == (
        "Margaux Peyrol"
    )
    client.force_login(users["moderator"])
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    page = french_page(russian_story)
    assert page.live and page.translator_credit == "Margaux Peyrol"
    assert page.standfirst == "A new standfirst."


def test_the_po_file_is_named_after_the_story_in_any_script(client, users, russian_story, tmp_path):
    translation = start_french(russian_story)
    client.force_login(users["translator"])
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert 'filename="gorod-kotoryy-poteryal-parom-fr.po"' in disposition
    assert "filename*=UTF-8''%D0%B3%D0%BE%D1%80%D0%BE%D0%B4" in disposition
    po = polib.pofile(response.content.decode())
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    assert po.metadata["Language"] == "fr"
    # GNU gettext's own check, which translators' tools follow.
    if shutil.which("msgfmt") is None:
        missing("GNU gettext (msgfmt) is not installed")
    path = tmp_path / "story.po"
    path.write_bytes(response.content)
    checked = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert (checked.returncode, checked.stderr) == (0, "")


def test_word_diff_marks_what_went_and_what_came():
    before, now = word_diff(
        "The ferry stopped in March.", "The ferry stopped running in late March."
    )
    assert str(before) == "The ferry stopped in March."
    assert str(now) == "The ferry stopped <ins>running </ins>in<ins> late</ins> March."
    # The original's own markup characters are text here, escaped.
    before, now = word_diff("Vote <counted> today", "Vote counted")
    assert str(before) == "Vote <del>&lt;</del>counted<del>&gt; today</del>"
    assert str(now) == "Vote counted"


def test_a_changed_passage_comes_back_with_its_previous_translation(
    client, users, tree, translate_page
):
    story = StoryPageFactory(
        parent=tree.ru.section,
        title="Паром",
        slug="parom",
        standfirst="Паром остановился в марте.",
        topics=[tree.ru.topic],
    )
    story.save_revision().publish()
    french = translate_page(story, "fr")
    translation = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(story), target_locale=french.locale
    )
    story = StoryPage.objects.get(pk=story.pk)
    story.standfirst = "Паром остановился в конце марта."
    story.save_revision().publish()

    client.force_login(users["translator"])
    client.post(reverse("wagtail_localize:update_translations", args=[translation.source.pk]))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    soup = BeautifulSoup(response.content, "html.parser")
    [item] = soup.select(".desk-memory__item")
    assert item.select_one("h3").get_text(strip=True) == "Standfirst"
    # A word diff: Russian declines the month after "конце".
    assert [tag.get_text() for tag in item.select("del, ins")] == ["марте", "конце марта"]
    assert "[fr] Паром остановился в марте." in item.get_text()

    # Only what needs translating: the changed standfirst.
    url = reverse("wagtailadmin_pages:edit", args=[french.pk]) + "?segments=to-do"
    _soup, props = editor_props_url(client, url)
    assert [segment["contentPath"] for segment in props["segments"]] == ["standfirst"]

    client.post(item.select_one("form")["action"])
    standfirst = StringSegment.objects.get(source=translation.source, context__path="standfirst")
    taken = StringTranslation.objects.get(
        translation_of=standfirst.string, context=standfirst.context, locale=french.locale
    )
    assert taken.tool_name == "Previous translation"
    assert StringValue(taken.data).render_text() == "[fr] Паром остановился в марте."

    # Not submitted until the translator has checked it against the new wording.
    submit = reverse("submit_translation_for_review", args=[translation.pk])
    response = client.post(submit, follow=True)
    assert "unchecked since the original changed" in response.content.decode()
    assert not WorkflowState.objects.filter(object_id=str(french.pk)).exists()
    put(client, translation, "standfirst", "Le bac s’est arrêté fin mars.")
    client.post(submit)
    assert WorkflowState.objects.get(object_id=str(french.pk)).status == "in_progress"


def editor_props_url(client, url):
    response = client.get(url)
    soup = BeautifulSoup(response.content, "html.parser")
    return soup, json.loads(soup.select_one(".js-translation-editor")["data-props"])


def test_a_translation_linking_to_an_untranslated_topic_is_not_submitted(client, users, tree):
    only_russian = TopicPageFactory(parent=tree.ru.topic_index, title="Паромы", slug="paromy")
    story = StoryPageFactory(
        parent=tree.ru.section, title="Паром", slug="parom", topics=[only_russian]
    )
    story.save_revision().publish()
    source, _ = TranslationSource.get_or_create_from_instance(story)
    translation = Translation.objects.create(source=source, target_locale=tree.fr.home.locale)
    translation.save_target(publish=False)  # the topic stays the Russian one until translated
    client.force_login(users["translator"])
    for path in ("title", "slug", "standfirst", "summary", "dateline", "body"):
        for segment in StringSegment.objects.filter(source=source, context__path__startswith=path):
            put(client, translation, segment.context.path, f"FR {path}")

    response = client.post(
        reverse("submit_translation_for_review", args=[translation.pk]), follow=True
    )
    assert "The topic “Паромы” is in Russian: choose a topic in French" in (
        response.content.decode()
    )
    assert not WorkflowState.objects.exists()


def test_changes_asked_by_the_copy_desk_unlock_the_translation_for_a_resubmission(
    client, users, russian_story
):
    translation = start_french(russian_story)
    page = french_page(russian_story)
    client.force_login(users["translator"])
    for segment in StringSegment.objects.filter(source=translation.source):
        put(client, translation, segment.context.path, f"FR {segment.pk}")
    client.post(reverse("submit_translation_for_review", args=[translation.pk]))
    state = WorkflowState.objects.get(object_id=str(page.pk))
    # Locked meanwhile: her edit is refused, with the reason.
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    refused = client.put(url, encode_multipart(BOUNDARY, {"value": "Non"}), MULTIPART_CONTENT)
    assert refused.status_code == 403 and "awaiting moderation" in refused.json()["detail"]

    state.current_task_state.reject(user=users["moderator"])
    put(client, translation, "title", "Le bac, corrigé")
    client.post(reverse("submit_translation_for_review", args=[translation.pk]))
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert french_page(russian_story).get_latest_revision_as_object().title == "Le bac, corrigé"


def test_a_published_translation_keeps_its_address_when_its_headline_changes(
    client, users, russian_story, translate_page
):
    author = russian_story.bylines.first().author
    translate_page(author, "fr", lambda text: text)
    french = translate_page(russian_story, "fr")
    translation = Translation.objects.get(
        source__object_id=russian_story.translation_key, target_locale=french.locale
    )
    slug = slug_of(translation)
    client.force_login(users["translator"])
    put(client, translation, "title", "Un tout autre titre")
    assert slug_of(translation) == slug


def test_translate_says_so_when_every_language_of_the_translator_has_a_version(
    client, users, russian_story
):
    start_french(russian_story)
    client.force_login(users["translator"])
    url = reverse("wagtail_localize:submit_page_translation", args=[french_page(russian_story).pk])
    response = client.get(url, follow=True)
    assert "already in every language you translate into" in response.content.decode()
    assert b'name="locales"' not in response.content
