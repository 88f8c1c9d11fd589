"""In Debian's Chromium: a French translator's round trip through the desk, as the
translation guide (docs/translating.md) describes it."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.rich_text import RichText

from stories.factories import AuthorFactory, PartnerOutletFactory, StoryPageFactory
from stories.models import StoryPage
from tests.support import log_in, newsroom_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def newsroom(tree, translate_page):
    translator = newsroom_user("translator_fr", "claire", first_name="Claire")
    moderator = newsroom_user("moderator", "mo")
    # A Russian original, already in English; its author and partner are in French too.
    author = AuthorFactory(locale=tree.ru.home.locale, name="Дмитрий Лавров", role="", bio="")
    partner = PartnerOutletFactory(locale=tree.ru.home.locale, name="Простые факты")
    for code in ("en", "fr"):
        translate_page(author, code, {"Дмитрий Лавров": "Dmitri Lavrov"})
        translate_page(
            partner,
            code,
            {"Простые факты": "Plain Facts", "Varenia": "Varenia", partner.description: "News."},
        )
    story = StoryPageFactory(
        parent=tree.ru.section,
        title="Мост через Варьгу",
        slug="most-cherez-varygu",
        standfirst="Строительство начнётся весной.",
        summary="Город ждёт моста двадцать лет.",
        dateline="Варьск",
        body=[("paragraph", RichText("<p>Мост будет длиной в километр.</p>"))],
        topics=[tree.ru.topic],
        authors=[author],
        partner=partner,
        original_language="ru",
        original_headline="Мост через Варьгу",
        original_url="https://plain-facts.example/most",
        original_published_at="2026-11-20",
    )
    story.save_revision().publish()
    translate_page(story, "en")
    return {"translator": translator, "moderator": moderator, "story": story}


def test_a_french_translator_translates_syncs_and_resubmits_through_review(
    live_server, browser, newsroom, tree
):
    story = newsroom["story"]
    desk = live_server.url + reverse("translation_desk")
    admin = log_in(browser, live_server.url, "claire")

    # The desk: the story waits for French; she claims it and reads the original.
    admin.goto(desk + "?edition=fr&status=missing")
    row = admin.locator("table.listing tbody tr", has_text="Мост через Варьгу")
    assert "waiting since" in row.inner_text()
    row.get_by_role("button", name="Claim").click()
    row = admin.locator("table.listing tbody tr", has_text="Мост через Варьгу")
    assert "yours" in row.inner_text()
    row.get_by_role("link", name="Мост через Варьгу").click()
    admin.wait_for_url("**/translation-desk/original/**")
    assert "Мост будет длиной в километр." in admin.locator("main").inner_text()
    assert "French: Dmitri Lavrov" in admin.locator("main").inner_text()

    # Translate: the machine first, then her own headline.
    admin.goto(desk + "?edition=fr&status=missing")
    row = admin.locator("table.listing tbody tr", has_text="Мост через Варьгу")
    row.get_by_role("link", name="Translate").click()
    admin.get_by_role("button", name="Submit").click()
    admin.wait_for_url("**/edit/")
    admin.get_by_role("button", name="Translate with Dummy translator").click()
    admin.wait_for_load_state("networkidle")
    editor = admin.locator(".js-translation-editor")
    assert editor.get_by_role("button", name="Translate", exact=True).count() == 0
    editor.get_by_role("button", name="Edit", exact=True).first.click()
    editor.locator("textarea:visible").fill("Un pont sur la Varga")
    with admin.expect_response(lambda response: "/strings/" in response.url):
        editor.get_by_role("button", name="Save", exact=True).click()
    # Her main button is the review, never a destructive one.
    footer = admin.locator("footer.desk-editor__footer")
    assert footer.get_by_role("button").first.inner_text().strip() == "Submit for review"
    assert admin.get_by_text("Convert to alias page").count() == 0
    footer.get_by_role("button", name="Submit for review").click()
    admin.wait_for_load_state("networkidle")
    assert "was submitted for review" in admin.locator(".messages").inner_text()

    french = StoryPage.objects.get(
        translation_key=story.translation_key, locale=tree.fr.home.locale
    )
    assert not french.live, "nothing reaches readers before review"
    state = WorkflowState.objects.get(object_id=str(french.pk))
    state.current_task_state.approve(user=newsroom["moderator"])
    french = StoryPage.objects.get(pk=french.pk)
    assert french.live and french.title == "Un pont sur la Varga"
    published_standfirst = french.standfirst

    # The original changes; the desk says French is out of date.
    story = StoryPage.objects.get(pk=story.pk)
    story.standfirst = "Строительство начнётся поздней весной."
    story.save_revision().publish()
    admin.goto(desk + "?edition=fr&status=out_of_date")
    row = admin.locator("table.listing tbody tr", has_text="Мост через Варьгу")
    row.get_by_role("link", name="Sync").click()

    # The sync form: her edition only, and no publishing.
    admin.wait_for_url("**/localize/update/**")
    assert admin.locator("input[name=publish_translations]").count() == 0
    assert "French" in admin.locator("main").inner_text().split("Left as they are")[0]
    assert "English" in admin.locator(".sync-others").inner_text()
    admin.get_by_role("button", name="Sync", exact=True).click()

    # Back in the editor: the changed standfirst, its old and new wording, its previous
    # translation to start from.
    admin.wait_for_url("**/edit/")
    change = admin.locator(".desk-memory__item")
    assert change.locator("h3").inner_text().startswith("Standfirst")
    assert change.locator("ins").count() >= 1
    change.get_by_role("button", name="Start from the previous translation").click()
    admin.wait_for_url("**/edit/?segments=to-do")
    editor = admin.locator(".js-translation-editor")
    editor.get_by_role("button", name="Edit", exact=True).first.click()
    editor.locator("textarea:visible").fill("Les travaux commenceront à la fin du printemps.")
    with admin.expect_response(lambda response: "/strings/" in response.url):
        editor.get_by_role("button", name="Save", exact=True).click()
    admin.locator("footer.desk-editor__footer").get_by_role(
        "button", name="Submit for review"
    ).click()
    admin.wait_for_load_state("networkidle")
    assert "was submitted for review" in admin.locator(".messages").inner_text()
    admin.context.close()  # admin pages keep pinging the server; stop them before teardown

    # Readers keep the reviewed translation until the copy desk approves the new one.
    french = StoryPage.objects.get(pk=french.pk)
    assert french.standfirst == published_standfirst
    assert french.get_latest_revision_as_object().standfirst == (
        "Les travaux commenceront à la fin du printemps."
    )
    assert WorkflowState.objects.filter(
        object_id=str(french.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()
