"""The magazine's layout in Debian's Chromium, as a reader on a phone and on a wide screen
sees it: no page scrolls sideways, "Keep reading" works without JavaScript, and neither
theme has a contrast violation (axe-core's color-contrast rule)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from wagtail.rich_text import RichText

from editions.factories import LocaleFactory
from stories.factories import (
    AuthorFactory,
    BriefingPageFactory,
    ImageFactory,
    PartnerOutletFactory,
    StoryPageFactory,
)
from tests.support import copy_translation

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LONG_WORD = "Verkehrsinfrastrukturfinanzierungsgesellschaft"


@pytest.fixture
def magazine(tree, django_capture_on_commit_callbacks):
    """Every kind of reader page, with pictures, a video, long words and an Arabic page."""
    topic = tree.topics[0]
    with django_capture_on_commit_callbacks(execute=True):
        topic.lead_image = ImageFactory(description="Drones over the hills")
        topic.save_revision().publish()
        author = AuthorFactory(name="Inès Marlow", photo=ImageFactory())
        partner = PartnerOutletFactory(name="Plain Facts", logo=ImageFactory())
        stories = [
            StoryPageFactory(
                parent=tree.section,
                title=title,
                topics=[topic],
                focus=topic,
                authors=[author],
                partner=partner,
                lead_image=ImageFactory(description="A ferry on a wide river"),
                lead_video_url=video,
                summary=f"The ferry stopped in March. {LONG_WORD} pays for none of it.",
                body=[
                    ("paragraph", RichText("<p>The ferry stopped running in March.</p>")),
                    ("paragraph", RichText(f"<p>Nobody at the {LONG_WORD} would say.</p>")),
                ],
            )
            for title, video in (
                ("The town that lost its ferry", ""),
                ("Who pays when a drone hits your roof?", "https://vimeo.com/123456789"),
                (f"The {LONG_WORD} and the river", ""),
                ("A night on the last boat", ""),
            )
        ]
        briefing = BriefingPageFactory(parent=tree.briefing_index, topics=[topic])
    LocaleFactory(language_code="ar")  # a source language, right to left
    arabic = copy_translation(tree.home, "ar")
    return {
        "home": tree.home.url,
        "topic index": tree.topic_index.url,
        "topic": topic.url,
        "section": tree.section.url,
        "story": stories[0].url,
        "video story": stories[1].url,
        "briefing index": tree.briefing_index.url,
        "briefing": briefing.url,
        "author": author.url,
        "partner": partner.url,
        "search": f"{tree.home.url}search/?q=ferry",
        "newsletter": "/en/newsletter/",
        "home fr": tree.fr.home.url,
        "home ru": tree.ru.home.url,
        "home ar": arabic.url,
    }


def test_no_page_scrolls_sideways_on_a_phone(live_server, browser, magazine):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    wide = {}
    for name, url in magazine.items():
        assert page.goto(live_server.url + url).status == 200, name
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            wide[name] = overflow
    assert not wide, f"pages wider than the phone, by so many pixels: {wide}"


def test_keep_reading_opens_and_closes_without_javascript(live_server, browser, magazine):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + magazine["topic"])
    excerpt = page.locator("details.story-card__excerpt").first
    first = excerpt.locator("p").first
    assert not first.is_visible()
    excerpt.locator("summary").click()
    assert first.is_visible() and first.inner_text() == "The ferry stopped running in March."
    assert excerpt.locator("summary").inner_text() == "Show less"
    assert excerpt.locator("a", has_text="Read the full story").is_visible()
    excerpt.locator("summary").click()
    assert not first.is_visible()
    assert excerpt.locator("summary").inner_text() == "Keep reading"


@pytest.mark.parametrize(
    ("scheme", "width"), [("dark", 390), ("light", 1280)], ids=["dark phone", "light desktop"]
)
def test_no_contrast_violation_in_either_theme(live_server, browser, magazine, scheme, width):
    page = browser.new_page(color_scheme=scheme, viewport={"width": width, "height": 900})
    axe = Axe()
    found = {}
    for name, url in magazine.items():
        page.goto(live_server.url + url)
        results = axe.run(page, options={"runOnly": ["color-contrast"]})
        if results.violations_count:
            found[name] = [
                node["target"] for v in results.response["violations"] for node in v["nodes"]
            ]
    assert not found, found
