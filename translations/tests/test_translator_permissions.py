"""Who can do what, proved through the admin's own views."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation

from newsletter.models import Subscriber
from stories.factories import AuthorFactory, StoryPageFactory
from stories.models import Author, StoryPage
from tests.support import BROWSER_ACCEPT, edited_story_form, fake_translation, newsroom_user
from translations.operations import translate

pytestmark = pytest.mark.django_db


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
            edited_story_form(stories[code], "Hijacked", "action-publish"),
        )
        page = StoryPage.objects.get(pk=stories[code].pk)
        assert page.title != "Hijacked"
        assert page.get_latest_revision() is None or (
            page.get_latest_revision().content["title"] != "Hijacked"
        )


def test_french_translator_cannot_publish_but_can_submit(french_translator, stories):
    page = stories["fr"]
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    french_translator.post(url, edited_story_form(page, "Publié par erreur", "action-publish"))
    assert StoryPage.objects.get(pk=page.pk).title == "bac", "no publishing"

    response = french_translator.post(
        url, edited_story_form(page, "Le bac arrêté", "action-submit")
    )
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


def submit_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=(page.pk,))


def test_french_translator_is_offered_french_only(french_translator, stories, locales):
    form = french_translator.get(submit_url(stories["ru"])).context["form"]
    assert list(form.fields["locales"].queryset) == [locales["fr"]]

    response = french_translator.post(submit_url(stories["ru"]), {"locales": [locales["en"].pk]})
    assert response.status_code == 200  # the form again, with the choice refused
    assert not StoryPage.objects.filter(
        translation_key=stories["ru"].translation_key, locale=locales["en"]
    ).exists()

    response = french_translator.post(submit_url(stories["ru"]), {"locales": [locales["fr"].pk]})
    assert response.status_code == 302
    assert StoryPage.objects.filter(
        translation_key=stories["ru"].translation_key, locale=locales["fr"]
    ).exists()


def test_french_translator_edits_authors_in_french_only(french_translator, locales):
    english = AuthorFactory(name="Ilya Sorin", locale=locales["en"])
    french = AuthorFactory(name="Ilya Sorine", locale=locales["fr"])

    def edit(author, name):
        url = reverse("wagtailsnippets_stories_author:edit", args=(author.pk,))
        page = french_translator.get(url)
        french_translator.post(url, {"name": name, "bio": "", "role": ""})
        return page.status_code, Author.objects.get(pk=author.pk).name

    assert edit(french, "Ilia Sorine") == (200, "Ilia Sorine")
    assert edit(english, "Hijacked") == (302, "Ilya Sorin")
    delete = reverse("wagtailsnippets_stories_author:delete", args=(english.pk,))
    french_translator.post(delete)
    assert Author.objects.filter(pk=english.pk).exists()


@pytest.fixture
def french_translation(french_translator, stories, locales):
    """A Russian story submitted for French through the admin, as the desk's Translate does."""
    french_translator.post(submit_url(stories["ru"]), {"locales": [locales["fr"].pk]})
    return Translation.objects.get(
        source__object_id=stories["ru"].translation_key, target_locale=locales["fr"]
    )


def review_url(translation):
    return reverse("submit_translation_for_review", args=(translation.pk,))


def in_review(page):
    return WorkflowState.objects.filter(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()


def test_unfinished_translation_is_not_submitted(french_translator, french_translation):
    page = french_translation.get_target_instance()
    response = french_translator.post(review_url(french_translation), follow=True)
    assert "not translated yet" in response.content.decode()
    assert not in_review(page)


def test_french_translator_submits_a_finished_translation_for_review(
    french_translator, french_translation, stories
):
    page = french_translation.get_target_instance()
    editor = french_translator.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert review_url(french_translation) in editor.content.decode()

    translate(stories["ru"], "fr", fake_translation("fr"), publish=False)  # fill every segment
    response = french_translator.post(review_url(french_translation))
    assert response.status_code == 302
    page = StoryPage.objects.get(pk=page.pk)
    assert in_review(page)
    assert not page.live
    assert page.get_latest_revision().content["title"] == fake_translation("fr")(
        stories["ru"].title
    )


def test_only_translators_of_that_edition_submit_it(client, french_translation, stories):
    client.force_login(newsroom_user("translator_en", "ann"))
    translate(stories["ru"], "fr", fake_translation("fr"), publish=False)
    assert client.post(review_url(french_translation)).status_code == 302
    assert not in_review(french_translation.get_target_instance())
    assert client.get(review_url(french_translation)).status_code == 405


@pytest.mark.parametrize(
    ("role", "subscribers", "authors"),
    [
        ("translator_fr", 403, 200),
        ("editor", 200, 200),
        ("admin", 200, 200),
    ],
)
def test_localize_snippet_api_answers_only_who_may_see_that_kind(
    tree, signed_in, role, subscribers, authors
):
    subscriber = Subscriber.objects.create(email="quiet.reader@example.com", edition="fr")
    author = AuthorFactory(name="Odile Marchetti")
    client = signed_in(role)

    def api(model, pk=None):
        name = "snippets_api_detail" if pk else "snippets_api_listing"
        args = [model._meta.app_label, model._meta.model_name, *([pk] if pk else [])]
        # As a browser opening the address asks: JSON all the same.
        return client.get(
            reverse(f"wagtail_localize:{name}", args=args), HTTP_ACCEPT=BROWSER_ACCEPT
        )

    for response in (api(Subscriber), api(Subscriber, subscriber.pk)):
        assert response.status_code == subscribers
        assert "quiet.reader" not in response.content.decode()  # nor in its name
    # The translation editor shows a chosen author's name with it: translators keep that.
    response = api(Author, author.pk)
    assert response.status_code == authors
    assert response.json()["title"] == "Odile Marchetti"
