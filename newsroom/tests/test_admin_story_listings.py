"""The admin's story listings: a section's stories in the explorer and the flat "Stories"
listing show focus, edition coverage, status and last update, sorted and filtered."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from stories.factories import StoryPageFactory
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
