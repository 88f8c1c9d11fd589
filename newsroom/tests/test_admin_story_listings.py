"""The admin's story listings: a section's stories in the explorer and the flat "Stories"
listing show focus, edition coverage, status and last update, sorted and filtered."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from stories.factories import AuthorFactory, PartnerOutletFactory, StoryPageFactory
from stories.models import StoryPage, StoryPartnerCredit
from tests.support import copy_translation

pytestmark = pytest.mark.django_db


def rows(client, url, **params):
    """The listing as {column label: cell text} per row, from the title column on."""
    soup = BeautifulSoup(client.get(url, params).content, "html.parser")
    labels = [th.get_text(" ", strip=True) for th in soup.select("table.listing thead th")]
    labels = ["Title" if label.startswith("Title") else label for label in labels if label]
    table = []
    for tr in soup.select("table.listing tbody tr"):
        cells = tr.find_all("td", recursive=False)
        first = next(n for n, cell in enumerate(cells) if "title" in (cell.get("class") or []))
        named = zip(labels, cells[first:], strict=False)
        table.append({label: cell.get_text(" ", strip=True) for label, cell in named})
    return table


@pytest.fixture
def stories(tree):
    drones, energy = tree.topics
    translated = StoryPageFactory(parent=tree.section, title="Ferry", topics=[drones], focus=drones)
    copy_translation(translated, "fr")
    StoryPageFactory(parent=tree.section, title="Grid", topics=[energy], focus=energy)
    StoryPageFactory(parent=tree.section, title="Unfocused", topics=[energy])
    scheduled = StoryPageFactory(parent=tree.section, title="Tomorrow", topics=[drones], live=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=1)
    scheduled.save_revision().publish()
    return tree


def test_section_listing_shows_the_desks_columns(admin_client, stories):
    url = reverse("wagtailadmin_explore", args=(stories.section.pk,))
    table = rows(admin_client, url, ordering="title")
    assert {"Focus", "Editions", "Status", "Updated"} <= set(table[0])
    by_title = {row["Title"].split(" ")[0]: row for row in table}
    assert by_title["Ferry"]["Focus"] == "Drones"
    assert by_title["Ferry"]["Editions"] == "EN live FR live"
    assert by_title["Grid"]["Editions"] == "EN live FR —"
    assert by_title["Unfocused"]["Focus"] == ""
    assert "scheduled" in by_title["Tomorrow"]["Status"].lower()


@pytest.mark.parametrize(
    ("ordering", "first"), [("focus_title", "Unfocused"), ("-live_editions", "Ferry")]
)
def test_section_listing_sorts_on_the_desks_columns(admin_client, stories, ordering, first):
    url = reverse("wagtailadmin_explore", args=(stories.section.pk,))
    assert rows(admin_client, url, ordering=ordering)[0]["Title"].startswith(first)


def test_stories_listing_filters_by_topic(admin_client, stories):
    table = rows(admin_client, reverse("stories:index"), topic=stories.topics[1].pk)
    titles = sorted(row["Title"].split(" ")[0] for row in table)
    assert titles == ["Grid", "Unfocused"]


def options(client, url, name, **params):
    soup = BeautifulSoup(client.get(url, params).content, "html.parser")
    return {
        o.get_text(strip=True)
        for o in soup.select(f"select[name={name}] option[value]")
        if o["value"]
    }


def test_filters_offer_the_listed_editions_choices(admin_client, stories):
    """A section's listing, and the Stories listing of one edition, offer that edition's
    topics and sections alone; "All" offers every edition's."""
    fr = {stories.fr.topic.title, stories.fr.topic2.title}
    en = {topic.title for topic in stories.topics}
    ru = {stories.ru.topic.title, stories.ru.topic2.title}
    assert len(en | fr | ru) == 6  # the fake translations differ from the English titles
    section = reverse("wagtailadmin_explore", args=(stories.fr.section.pk,))
    assert options(admin_client, section, "topic") == fr
    assert options(admin_client, section, "section") == {stories.fr.section.title}
    listing = reverse("stories:index")
    assert options(admin_client, listing, "topic") == en  # the default: the user's edition
    assert options(admin_client, listing, "topic", locale="ru") == ru
    assert options(admin_client, listing, "topic", locale="") == en | fr | ru


def test_desk_columns_cost_no_query_per_row(admin_client, stories, django_assert_max_num_queries):
    url = reverse("stories:index")
    admin_client.get(url)
    with django_assert_max_num_queries(80) as before:
        admin_client.get(url)
    for n in range(5):
        StoryPageFactory(parent=stories.section, title=f"More {n}", topics=stories.topics[:1])
    # wagtail-localize's row buttons ask two queries per row (untranslated locales and the
    # translatable object); the focus and editions columns ask none.
    with django_assert_max_num_queries(len(before.captured_queries) + 5 * 2):
        admin_client.get(url)


def titles(client, **params):
    return sorted(
        row["Title"].split(" ")[0] for row in rows(client, reverse("stories:index"), **params)
    )


def test_stories_listing_shows_one_edition_unless_asked_for_all(admin_client, stories):
    assert titles(admin_client) == ["Ferry", "Grid", "Tomorrow", "Unfocused"]  # English
    assert titles(admin_client, locale="fr") == ["[fr]"]
    assert len(titles(admin_client, locale="")) == 5  # "All"
    soup = BeautifulSoup(admin_client.get(reverse("stories:index")).content, "html.parser")
    filters = soup.get_text(" ")
    assert "Has child pages" not in filters and "Site" not in filters.split()


def test_stories_listing_filters_as_a_desk_does(admin_client, stories):
    author, partner, other = AuthorFactory(), PartnerOutletFactory(), PartnerOutletFactory()
    StoryPageFactory(parent=stories.section, title="Signed", authors=[author])
    credited = StoryPageFactory(parent=stories.section, title="Credited", partner=other)
    StoryPartnerCredit.objects.create(page=credited, partner=partner, sort_order=0)
    draft = StoryPageFactory(parent=stories.section, title="Draft", live=False)
    draft.save_revision()
    changed = StoryPage.objects.get(title="Grid")
    changed.title = "Grid, revised"
    changed.save_revision()

    assert titles(admin_client, author=author.pk) == ["Signed"]
    assert titles(admin_client, partner=partner.pk) == ["Credited"]
    assert titles(admin_client, partner=other.pk) == ["Credited"]
    assert titles(admin_client, status="draft") == ["Draft", "Tomorrow"]
    assert titles(admin_client, status="scheduled") == ["Tomorrow"]
    assert titles(admin_client, status="changed") == ["Grid,"]
    assert "Signed" in titles(admin_client, status="live")
    assert titles(admin_client, section=stories.section.pk)
    # Another edition's section is not among the English listing's choices.
    refused = admin_client.get(reverse("stories:index"), {"section": stories.fr.section.pk})
    assert "Select a valid choice" in refused.content.decode()
    assert titles(admin_client, section=stories.fr.section.pk, locale="") == ["[fr]"]


def test_add_story_asks_for_a_section_of_the_edition(admin_client, tree):
    from stories.factories import SectionPageFactory

    culture = SectionPageFactory(parent=tree.home, title="Culture")
    response = admin_client.get(reverse("stories:choose_parent"))
    page = BeautifulSoup(response.content, "html.parser")
    choices = {
        radio.parent.get_text(strip=True): radio["value"]
        for radio in page.select("input[name=parent_page][type=radio]")
    }
    # The English edition's sections, no chooser opening at the root, no other edition's.
    assert choices == {"World Affairs": str(tree.section.pk), "Culture": str(culture.pk)}
    response = admin_client.post(reverse("stories:choose_parent"), {"parent_page": culture.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "wagtailadmin_pages:add", args=["stories", "storypage", culture.pk]
    )
    # Not a page a story cannot go under.
    response = admin_client.post(reverse("stories:choose_parent"), {"parent_page": tree.home.pk})
    assert response.status_code == 200
