"""A reader in Debian's Chromium: cards expand in place, stories open, the edition switches."""

import pytest

from .conftest import chromium_path
from .factories import AuthorFactory, StoryPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def browser(monkeypatch):
    executable = chromium_path()
    # Playwright's sync API runs an event loop in this thread; the ORM work of these
    # tests happens before and after it, never concurrently.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


def test_reader_expands_a_card_reads_the_story_and_switches_edition(
    live_server, browser, tree, translate_page
):
    topic = tree.topics[0]
    story = StoryPageFactory(
        parent=tree.section,
        title="The town that lost its ferry",
        topics=[topic],
        focus=topic,
        authors=[AuthorFactory(name="Inès Marlow")],
        lead_video_url="https://www.youtube.com/watch?v=abcdefghijk",
    )
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
