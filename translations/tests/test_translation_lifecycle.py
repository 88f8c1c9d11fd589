"""Deleting or unpublishing a translation leaves the original and the other translations
alone; deleting an original asks first and leaves its translations."""

import pytest
from django.urls import reverse

from stories.factories import StoryPageFactory
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def story_in_three(tree, translate_page):
    russian = StoryPageFactory(parent=tree.ru.section, title="Паром", slug="parom")
    return russian, translate_page(russian, "en"), translate_page(russian, "fr")


def live_titles():
    return sorted(StoryPage.objects.live().values_list("title", flat=True))


def test_deleting_a_translation_leaves_the_others(admin_client, story_in_three):
    russian, english, french = story_in_three
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=(french.pk,)))
    assert response.status_code == 302
    assert not StoryPage.objects.filter(pk=french.pk).exists()
    assert live_titles() == sorted([russian.title, english.title])


def test_unpublishing_a_translation_leaves_the_others(admin_client, story_in_three):
    russian, english, french = story_in_three
    response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=(english.pk,)))
    assert response.status_code == 302
    assert live_titles() == sorted([russian.title, french.title])
    assert StoryPage.objects.get(pk=english.pk).live is False


def test_deleting_an_original_asks_first_and_keeps_its_translations(admin_client, story_in_three):
    russian, english, french = story_in_three
    url = reverse("wagtailadmin_pages:delete", args=(russian.pk,))
    confirmation = admin_client.get(url)
    assert confirmation.status_code == 200
    html = confirmation.content.decode()
    assert "Are you sure you want to delete this page?" in html
    assert "This page has 2 translation(s), which stay on the site:" in html
    assert f"{english.title} (English)" in html and f"{french.title} (French)" in html
    assert StoryPage.objects.filter(pk=russian.pk).exists()

    assert admin_client.post(url).status_code == 302
    assert not StoryPage.objects.filter(pk=russian.pk).exists()
    assert live_titles() == sorted([english.title, french.title])
