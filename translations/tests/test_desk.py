"""Each story's state in each edition, in a fixed number of queries."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail_localize.models import Translation, TranslationSource

from stories.factories import PartnerOutletFactory, SectionPageFactory, StoryPageFactory
from stories.models import StoryPage
from tests.support import newsroom_user
from translations import desk
from translations.models import Assignment
from translations.operations import save_draft

pytestmark = pytest.mark.django_db


def published_story(tree, slug):
    story = StoryPageFactory(parent=tree.ru.section, slug=slug, title=slug)
    story.save_revision().publish()
    return story


def start_translation(story, locale):
    """What the admin's Translate action leaves behind: a draft with nothing translated."""
    source, _ = TranslationSource.get_or_create_from_instance(story)
    translation = Translation.objects.create(source=source, target_locale=locale)
    translation.save_target(publish=False)
    return translation


def revised_after_translation(tree, slug, code, translate_page):
    story = published_story(tree, slug)
    translate_page(story, code)
    story.refresh_from_db()
    story.standfirst = "Changed after translation."
    story.save_revision().publish()
    return story


def test_states(tree, locales, translate_page):
    en, fr = locales["en"], locales["fr"]
    missing = published_story(tree, "missing")
    up_to_date = published_story(tree, "up-to-date")
    translate_page(up_to_date, "en")
    outdated = revised_after_translation(tree, "outdated", "en", translate_page)
    in_progress = published_story(tree, "in-progress")
    start_translation(in_progress, en)
    in_review = published_story(tree, "in-review")
    translate_page(in_review, "fr")
    french = in_review.get_translation(fr)
    french.save_revision()
    french.get_workflow().start(french, None)

    rows = {
        row.pk: row
        for row in desk.with_edition_states(desk.originals(StoryPage.objects.all()), [en, fr])
    }
    assert set(rows) == {
        story.pk for story in (missing, up_to_date, outdated, in_progress, in_review)
    }
    statuses = {
        (pk, locale.pk): desk.status(row, locale) for pk, row in rows.items() for locale in (en, fr)
    }
    assert statuses[missing.pk, en.pk].state == desk.MISSING
    assert statuses[up_to_date.pk, en.pk].state == desk.UP_TO_DATE
    assert statuses[up_to_date.pk, en.pk].percent == 100
    assert statuses[outdated.pk, en.pk].state == desk.OUT_OF_DATE
    assert statuses[in_progress.pk, en.pk].state == desk.IN_PROGRESS
    assert statuses[in_progress.pk, en.pk].percent == 0
    assert {statuses[story.pk, fr.pk].state for story in (missing, up_to_date)} == {desk.MISSING}
    assert statuses[in_review.pk, fr.pk].state == desk.IN_REVIEW

    ru = locales["ru"]
    row = desk.with_edition_states(StoryPage.objects.filter(pk=missing.pk), [ru]).get()
    assert desk.status(row, ru).state == desk.ORIGINAL


def state_in(story, locale):
    row = desk.with_edition_states(StoryPage.objects.filter(pk=story.pk), [locale]).get()
    return desk.status(row, locale).state


def test_one_edition_syncing_leaves_the_other_out_of_date(tree, locales, translate_page):
    en, fr = locales["en"], locales["fr"]
    story = published_story(tree, "two-editions")
    translate_page(story, "en")
    translate_page(story, "fr")
    story.refresh_from_db()
    story.standfirst = "Changed after both translations."
    story.save_revision().publish()
    assert (state_in(story, en), state_in(story, fr)) == (desk.OUT_OF_DATE, desk.OUT_OF_DATE)

    # The French desk syncs: the shared source now has an untranslated segment for English
    # too, but English still needs its own sync.
    source = TranslationSource.objects.get_for_instance(story)
    source.update_from_db()
    save_draft(Translation.objects.get(source=source, target_locale=fr))
    assert (state_in(story, en), state_in(story, fr)) == (desk.OUT_OF_DATE, desk.IN_PROGRESS)


def desk_rows(response):
    """{story title: {column heading: cell text and link}} from the desk's table."""
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.select_one("table.listing")
    if table is None:
        assert "There are no results." in soup.get_text() or "No " in soup.get_text()
        return {}
    headings = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    rows = {}
    for tr in table.select("tbody tr"):
        cells = tr.find_all("td")
        title = cells[0].get_text(" ", strip=True)
        rows[title] = {}
        for heading, cell in zip(headings, cells, strict=True):
            plan = cell.select_one(".desk-cell__plan")
            if plan:  # who has it, since when, and its buttons: see test_the_desk_plans_…
                for part in [plan, *plan.find_next_siblings()]:
                    part.extract()
            text = " ".join(cell.get_text(" ", strip=True).split())
            rows[title][heading] = (text, cell.a["href"] if cell.a else None)
    return rows


def test_desk_lists_originals_with_a_link_to_each_next_step(
    admin_client, tree, locales, translate_page
):
    missing = published_story(tree, "nobody-translated-me")
    done = published_story(tree, "all-done")
    translate_page(done, "en")
    outdated = revised_after_translation(tree, "changed-since", "fr", translate_page)
    begun = published_story(tree, "half-way")
    start_translation(begun, locales["fr"])

    rows = desk_rows(admin_client.get(reverse("translation_desk")))
    assert set(rows) == {"nobody-translated-me", "all-done", "changed-since", "half-way"}
    submit = reverse("wagtail_localize:submit_page_translation", args=[missing.pk])
    assert rows["nobody-translated-me"]["English"] == (
        "Not translated Translate",
        f"{submit}?select_locale=en",
    )
    english = done.get_translation(locales["en"])
    assert rows["all-done"]["English"] == (
        "Up to date Open",
        reverse("wagtailadmin_pages:edit", args=[english.pk]),
    )
    text, link = rows["changed-since"]["French"]
    assert text == "Out of date Sync"
    source = TranslationSource.objects.get(object_id=outdated.translation_key)
    assert link.startswith(reverse("wagtail_localize:update_translations", args=[source.pk]))
    french = begun.get_translation(locales["fr"])
    assert rows["half-way"]["French"] == (
        "In progress (0%) Continue",
        reverse("wagtailadmin_pages:edit", args=[french.pk]),
    )
    assert rows["half-way"]["Original language"][0] == "Russian"


def test_desk_filters(admin_client, tree, locales, translate_page):
    other_section = SectionPageFactory(parent=tree.ru.home, title="Economy", slug="economy")
    partner = PartnerOutletFactory(locale=locales["ru"], name="Vechernii Varensk")
    StoryPageFactory(parent=other_section, slug="market", title="market")
    from_partner = StoryPageFactory(
        parent=tree.ru.section, slug="partnered", title="partnered", partner=partner
    )
    translate_page(partner, "fr")
    translate_page(from_partner, "fr")
    StoryPageFactory(parent=tree.ru.section, slug="plain", title="plain")
    url = reverse("translation_desk")

    def titles(**query):
        return set(desk_rows(admin_client.get(url, query)))

    assert titles() == {"market", "partnered", "plain"}
    assert titles(section=str(other_section.translation_key)) == {"market"}
    assert titles(partner=str(partner.translation_key)) == {"partnered"}
    assert titles(edition="fr", status=desk.UP_TO_DATE) == {"partnered"}
    assert titles(edition="fr", status=desk.MISSING) == {"market", "plain"}
    assert titles(edition="en", status=desk.UP_TO_DATE) == set()
    # The edition filter keeps only that edition's column.
    only_french = desk_rows(admin_client.get(url, {"edition": "fr"}))["plain"]
    assert "French" in only_french and "English" not in only_french


def test_desk_queries_do_not_grow_with_the_rows_shown(
    admin_client, tree, translate_page, django_assert_max_num_queries
):
    def add(n, start):
        for i in range(start, start + n):
            translate_page(published_story(tree, f"story-{i}"), "en")

    url = reverse("translation_desk")
    add(2, 0)
    admin_client.get(url)  # warm the per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as captured:
        admin_client.get(url)
    few = len(captured)  # at once: Django's query log is a bounded deque
    add(10, 2)
    with django_assert_max_num_queries(few):
        response = admin_client.get(url)
    assert len(desk_rows(response)) == 12


def test_french_translator_gets_actions_in_french_only(french_translator, tree):
    story = published_story(tree, "only-russian")
    row = desk_rows(french_translator.get(reverse("translation_desk")))["only-russian"]
    assert row["English"] == ("Not translated", None)
    submit = reverse("wagtail_localize:submit_page_translation", args=[story.pk])
    assert row["French"] == ("Not translated Translate", f"{submit}?select_locale=fr")


def test_desk_needs_the_submit_translation_permission(client, django_user_model):
    user = django_user_model.objects.create_user("reader", "r@example.com", "pw")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(user)
    response = client.get(reverse("translation_desk"))
    assert response.status_code == 302  # Wagtail's "no permission" redirect to the dashboard
    assert "Translation desk" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_dashboard_counts_the_translators_edition(french_translator, tree, translate_page):
    published_story(tree, "waiting-1")
    published_story(tree, "waiting-2")
    translate_page(published_story(tree, "done"), "fr")
    soup = BeautifulSoup(french_translator.get(reverse("wagtailadmin_home")).content, "html.parser")
    panel = soup.select_one("#translation-desk-section")
    assert panel is not None
    rows = panel.select("tbody tr")
    assert [row.td.get_text(strip=True) for row in rows] == ["French"]
    counts = {link["aria-label"]: link["href"] for link in rows[0].select("td a[aria-label]")}
    assert "2 Not translated" in counts
    assert "1 Up to date" in counts
    assert "edition=fr" in counts["2 Not translated"]
    assert "status=missing" in counts["2 Not translated"]


ROWS = "table.listing tbody tr"


def test_the_desk_lists_only_live_originals(admin_client, tree):
    published_story(tree, "live-one")
    StoryPageFactory(parent=tree.ru.section, slug="draft-one", title="draft-one", live=False)
    assert set(desk_rows(admin_client.get(reverse("translation_desk")))) == {"live-one"}


def test_the_desk_plans_who_translates_what_by_when(client, tree):
    claire = newsroom_user("translator_fr", "claire", first_name="Claire")
    marc = newsroom_user("translator_fr", "marc", first_name="Marc")
    eda = newsroom_user("editor", "eda", first_name="Eda")
    story = published_story(tree, "ferry-plan")
    published_story(tree, "other-story")
    desk_url = reverse("translation_desk") + "?edition=fr"
    claim = reverse("translation_desk_claim", args=[story.pk, "fr"])

    client.force_login(claire)
    rows = BeautifulSoup(client.get(desk_url).content, "html.parser").select(ROWS)
    assert len(rows) == 2 and all("waiting since" in row.get_text() for row in rows)
    client.post(claim)
    assert Assignment.objects.get(original=story).assignee == claire
    cells = {
        r.select_one("td").get_text(strip=True): r
        for r in BeautifulSoup(client.get(desk_url + "&assigned=me").content, "html.parser").select(
            ROWS
        )
    }
    assert set(cells) == {"ferry-plan"}
    assert "yours" in cells["ferry-plan"].get_text()
    # A claim may not go to a translator of another edition, nor be taken by a colleague.
    assert client.post(reverse("translation_desk_claim", args=[story.pk, "en"])).status_code in (
        302,
        403,
    )
    assert not Assignment.objects.filter(original=story, locale__language_code="en").exists()
    client.force_login(marc)
    response = client.post(claim, follow=True)
    assert "is already Claire" in response.content.decode()
    assert Assignment.objects.get(original=story).assignee == claire
    # Translators do not plan for others.
    plan = reverse("translation_desk_plan", args=[story.pk, "fr"])
    assert client.get(plan).status_code in (302, 403)

    # The desk's admin_client gives it to Marc, due yesterday: overdue.
    client.force_login(eda)
    yesterday = (timezone.now() - datetime.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    client.post(plan, {"assignee": marc.pk, "deadline": yesterday})
    assignment = Assignment.objects.get(original=story)
    assert (assignment.assignee, assignment.deadline is not None) == (marc, True)
    page = client.get(desk_url + "&order=deadline").content
    row = BeautifulSoup(page, "html.parser").select_one(ROWS)
    assert row.select_one("td").get_text(strip=True) == "ferry-plan"
    assert row.select_one(".desk-cell__deadline--overdue") is not None
    assert "Marc" in row.get_text()


def test_the_desk_finds_a_story_by_its_headline_in_any_language(admin_client, tree, translate_page):
    story = StoryPageFactory(parent=tree.ru.section, slug="parom", title="Паром через Варгу")
    story.save_revision().publish()
    translate_page(story, "fr")
    published_story(tree, "something-else")
    # PostgreSQL folds the case of every script; SQLite's LIKE only of ASCII letters.
    assert set(desk_rows(admin_client.get(reverse("translation_desk"), {"q": "Паром"}))) == {
        "Паром через Варгу"
    }
    french_title = story.get_translation(tree.fr.home.locale).title
    assert set(
        desk_rows(admin_client.get(reverse("translation_desk"), {"q": french_title[5:]}))
    ) == {"Паром через Варгу"}


def test_every_dashboard_is_titled_with_the_magazines_name(client, tree, french_translator):
    from editions.models import MagazineSettings

    site = tree.home.get_site()
    settings = MagazineSettings.for_site(site)
    settings.name = "The Varna Courier"
    settings.save()
    html = french_translator.get(reverse("wagtailadmin_home")).content.decode()
    assert "The Varna Courier" in html
    assert "localhost" not in BeautifulSoup(html, "html.parser").select_one("h1, title").get_text()
