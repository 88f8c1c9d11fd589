"""In Debian's Chromium: a reader's cards, stories and editions; a translator's day."""

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText

from stories.factories import AuthorFactory, StoryPageFactory
from stories.models import StoryPage
from tests.support import log_in, newsroom_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_reader_expands_a_card_reads_the_story_and_switches_edition(
    live_server, browser, tree, translate_page
):
    topic = tree.topics[0]
    author = AuthorFactory(name="Inès Marlow")
    story = StoryPageFactory(
        parent=tree.section,
        title="The town that lost its ferry",
        topics=[topic],
        focus=topic,
        authors=[author],
        lead_video_url="https://www.youtube.com/watch?v=abcdefghijk",
    )
    translate_page(author, "fr")
    translate_page(story, "fr")

    page = browser.new_page(viewport={"width": 375, "height": 740})
    requested_hosts = set()
    page.on("request", lambda request: requested_hosts.add(request.url.split("/")[2]))
    page.goto(live_server.url + topic.url)

    card = page.locator(".story-card").first
    assert card.locator(".focus-label").text_content() == "Focus: Drones"
    excerpt = card.locator("details.story-card__excerpt")
    assert not excerpt.locator("p").first.is_visible()
    excerpt.locator("summary").click()
    assert excerpt.locator("p").first.is_visible()
    assert excerpt.locator("summary").inner_text() == "Show less"
    excerpt.locator("summary").click()
    assert excerpt.locator("summary").inner_text() == "Keep reading"

    card.locator(".story-card__headline a").click()
    page.wait_for_url(live_server.url + story.url)
    assert page.locator("h1").inner_text() == "The town that lost its ferry"
    assert page.locator("iframe").count() == 0
    # Nothing but our own server was contacted: the video is a facade until clicked.
    assert requested_hosts == {live_server.url.split("/")[2]}

    page.locator(".language-switcher a[hreflang=fr]").click()
    page.wait_for_url("**/fr/**")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "[fr] The town that lost its ferry"
    assert page.locator(".video-marker, .video__play").first.inner_text().startswith("Lire")


def test_french_translator_translates_a_russian_story_for_the_reader(live_server, browser, tree):
    newsroom_user("translator_fr", "claire")
    newsroom_user("admin", "moderator")
    story = StoryPageFactory(
        parent=tree.ru.section,
        title="Мост через Варьгу",
        slug="most-cherez-varygu",
        standfirst="Строительство начнётся весной.",
        summary="Город ждёт моста двадцать лет.",
        dateline="Варьск",
        body=[
            ("paragraph", RichText("<p>Мост будет длиной в километр.</p>")),
            ("paragraph", RichText("<p>Паром остановился в марте.</p>")),
        ],
        topics=[tree.ru.topic],
        focus=tree.ru.topic,
    )
    story.save_revision().publish()

    # The translator finds the story on the desk and starts the French translation.
    admin = log_in(browser, live_server.url, "claire")
    admin.goto(live_server.url + reverse("translation_desk") + "?edition=fr&status=missing")
    row = admin.locator("tr", has_text="Мост через Варьгу")
    assert row.locator("td").last.text_content().split()[:3] == ["Not", "translated", "Translate"]
    row.get_by_role("link", name="Translate").click()
    admin.get_by_role("button", name="Submit").click()
    admin.wait_for_url("**/edit/")

    # wagtail-localize's editor: two segments by hand, the rest by machine.
    editor = admin.locator(".js-translation-editor")
    for text in ("Un pont sur la Varga", "Les travaux commenceront au printemps."):
        editor.get_by_role("button", name="Translate", exact=True).first.click()
        editor.locator("textarea").fill(text)
        with admin.expect_response(lambda response: "/strings/" in response.url):
            editor.get_by_role("button", name="Save", exact=True).click()
    admin.get_by_role("button", name="Translate with Dummy translator").click()
    admin.wait_for_load_state("networkidle")
    assert editor.get_by_role("button", name="Translate", exact=True).count() == 0
    admin.get_by_role("button", name="Submit for review").click()
    admin.wait_for_load_state("networkidle")
    assert "was submitted for review" in admin.locator(".messages").inner_text()
    admin.context.close()  # admin pages keep pinging the server; stop them before teardown

    french = StoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="fr"
    )
    assert not french.live, "nothing reaches readers before review"

    # A moderator approves it from the dashboard.
    moderator = log_in(browser, live_server.url, "moderator")
    review = moderator.locator("tr", has_text="Un pont sur la Varga")
    review.get_by_role("button", name="Actions").click()
    with moderator.expect_navigation():
        review.get_by_role("button", name="Approve", exact=True).click()
    moderator.context.close()

    french = StoryPage.objects.get(pk=french.pk)
    assert french.live
    assert french.get_parent().pk == tree.fr.section.pk
    reader = browser.new_page(viewport={"width": 375, "height": 740})
    reader.goto(live_server.url + french.url)
    assert reader.locator("html").get_attribute("lang") == "fr"
    assert reader.locator("h1").inner_text() == "Un pont sur la Varga"
    assert "Les travaux commenceront au printemps." in reader.locator("main").inner_text()
    original = reader.locator(".language-switcher a[hreflang=ru]")
    assert original.text_content() == "Русский"
    original.click()
    reader.wait_for_url(live_server.url + story.url)
    assert reader.locator("h1").inner_text() == "Мост через Варьгу"


def test_small_phone_reader_plays_a_video_and_searches(
    live_server, browser, search_index, tree, tmp_path
):
    story = StoryPageFactory(
        parent=tree.section,
        title="A winter without reserves for the northern grid",
        authors=[AuthorFactory(name="Marta Kovač")],
        lead_video_url="https://vimeo.com/123456789",
        body=[
            ("paragraph", RichText("<p>Engineers count the spare transformers by hand.</p>")),
            (
                "pull_quote",
                {"quote": "We are one frost away from the dark.", "attribution": "A lineman"},
            ),
        ],
    )
    page = browser.new_page(viewport={"width": 320, "height": 640})
    outside = []

    def stay_on_loopback(route):
        outside.append(route.request.url)
        route.abort()

    # Only this test's server is ever contacted; the provider's player is refused here.
    page.route(lambda url: not url.startswith(live_server.url), stay_on_loopback)
    page.goto(live_server.url + story.url)

    shot = tmp_path / "story-320.png"
    page.screenshot(path=shot, full_page=True)
    assert int.from_bytes(shot.read_bytes()[16:20], "big") == 320  # the PNG's width
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.locator("iframe").count() == 0
    assert outside == []

    page.locator(".video__facade").click()
    player = page.locator("iframe.video__player")
    assert player.get_attribute("src").startswith("https://player.vimeo.com/video/123456789")
    assert page.locator(".video__facade").count() == 0
    page.wait_for_timeout(200)
    assert outside and all(url.startswith("https://player.vimeo.com/") for url in outside)

    page.locator("#site-search-q").fill("winter grid")
    page.locator("#site-search-q").press("Enter")
    page.wait_for_url("**/en/search/?q=winter+grid")
    headlines = page.locator(".story-card__headline a").all_text_contents()
    assert headlines == [story.title]
    assert page.locator("#search-page-q").input_value() == "winter grid"


def test_pages_work_without_javascript(live_server, browser, tree):
    story = StoryPageFactory(
        parent=tree.section, title="The ferry", lead_video_url="https://youtu.be/abcdefghijk"
    )
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    page.goto(live_server.url + tree.section.url)
    excerpt = page.locator("details.story-card__excerpt").first
    excerpt.locator("summary").click()
    assert excerpt.locator("p").first.is_visible()
    page.goto(live_server.url + story.url)
    # Without the script the facade is a plain link to the provider's page.
    assert page.locator(".video__facade").get_attribute("href") == (
        "https://www.youtube.com/watch?v=abcdefghijk"
    )
    context.close()
