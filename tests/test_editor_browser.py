"""In Debian's Chromium: an editor composes a story with every block, a moderator publishes
it, or follows "Compare submitted with live" to what an editor submitted; a scheduled story
goes live when publish_scheduled runs."""

import datetime
import io
import re
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from stories.factories import AuthorFactory, ImageFactory, StoryPageFactory
from stories.models import StoryPage
from tests.support import log_in, newsroom_user

User = get_user_model()

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def newsroom(search_index, tree, settings):
    # Wagtail autosaves every half second: its requests and the preview panel's would
    # lock each other on the in-memory SQLite database the live server shares.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    newsroom_user("editor", "eda")
    newsroom_user("moderator", "mo")
    return tree


def add_block(page, label):
    """Append a block to the body; returns its position, which its fields' ids carry."""
    position = page.locator("[data-streamfield-child]").count()
    page.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=label, exact=True).click()
    page.locator(f"input[name='body-{position}-type']").wait_for(state="attached")
    return position


def choose_topic(page, title):
    page.get_by_role("button", name="Choose a page").last.click()
    modal = page.locator(".modal")
    modal.locator("#id_q").fill(title)
    modal.get_by_role("link", name=title, exact=True).first.click()


def test_editor_composes_a_story_and_a_moderator_publishes_it(live_server, browser, newsroom):
    tree = newsroom
    ImageFactory(title="Empty pier")
    AuthorFactory(name="Inès Marlow")
    StoryPageFactory(parent=tree.section, title="An older drone story", topics=tree.topics[:1])

    admin = log_in(browser, live_server.url, "eda")
    admin.goto(
        live_server.url
        + reverse("wagtailadmin_pages:add", args=("stories", "storypage", tree.section.pk))
    )
    admin.fill("#id_title", "The ferry that stopped")
    admin.select_option("#id_analysis_kind", "analysis")  # the genre, under the headline
    admin.fill("#id_standfirst", "Varensk became an island.")
    # One block of every kind, in the order a story might use them.
    add_block(admin, "Paragraph")
    admin.locator(".Draftail-Editor [contenteditable=true]").last.click()
    admin.keyboard.type("The ferry to Varensk stopped in March.")
    add_block(admin, "Heading")
    admin.fill("#body-1-value", "What the mayor said")
    add_block(admin, "Pull quote")
    admin.fill("#body-2-value-quote", "We are an island now.")
    admin.fill("#body-2-value-attribution", "Lena Ostrova")
    add_block(admin, "Image")
    admin.get_by_role("button", name="Choose an image").last.click()
    admin.locator(".modal").get_by_role("link", name="Empty pier").click()
    expect(admin.locator("#body-3-value-image")).not_to_have_value("")
    expect(admin.locator("#id_lead_image")).to_have_value("")
    admin.fill("#body-3-value-caption", "The empty pier.")
    add_block(admin, "Video")
    admin.fill("#body-4-value-url", "https://www.youtube.com/watch?v=abcdefghijk")
    add_block(admin, "Newsletter call-to-action")
    admin.fill("#body-5-value-text", "Every morning.")
    add_block(admin, "Update note")
    admin.fill("#body-6-value-updated_at", "2026-11-20 08:30")
    picker = admin.locator(".xdsoft_datetimepicker:visible")
    picker.wait_for()  # it opens with the field, and stays open until a click elsewhere
    # Far from the picker: the field below may sit under it, depending on where it opened.
    admin.locator("#id_standfirst").click()
    expect(picker).to_have_count(0)
    admin.fill("#body-6-value-text", "Adds the mayor's reply.")

    # Two topics, the second as focus, and a byline.
    admin.get_by_role("tab", name="Topics & credits").click()
    admin.get_by_role("button", name="Add topic").click()  # no blank row until asked for
    choose_topic(admin, "Energy")
    admin.get_by_role("button", name="Add topic").click()
    choose_topic(admin, "Drones")
    admin.check("#id_story_topics-1-is_focus")
    admin.get_by_role("button", name="Add byline").click()
    admin.get_by_role("button", name="Choose author").click()
    admin.locator(".modal").get_by_role("link", name="Inès Marlow").click()

    # The preview, as the story and as its card on the topic page.
    admin.get_by_role("button", name="Toggle preview").click()
    preview = admin.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text("The ferry that stopped", timeout=30_000)
    assert preview.locator(".block-pull-quote").inner_text().startswith("We are an island now.")
    # Wagtail drops a mode change made while a preview iframe is still loading (it hands
    # back the update in flight, which renders the old mode), so let the panel settle.
    expect(admin.locator("iframe.w-preview__proxy")).to_have_count(0, timeout=30_000)
    admin.select_option("#id_preview_mode", "card")
    # The focus topic's page; the preview reloads in its own time on a busy machine.
    expect(preview.locator("h1")).to_have_text("Drones", timeout=30_000)
    card = preview.locator(".story-card").first
    assert card.locator(".focus-label").text_content() == "Focus: Drones"
    assert card.locator(".story-card__headline").inner_text() == "The ferry that stopped"

    # The editor cannot publish: the story goes to the copy desk.
    admin.locator("footer [data-w-dropdown-target=toggle]").last.click()
    with admin.expect_navigation():
        admin.get_by_role("button", name="Submit to Copy desk review").click()
    assert "created and submitted for moderation" in admin.locator(".messages").inner_text()
    admin.context.close()  # admin pages keep pinging the server; stop them before teardown

    story = StoryPage.objects.get(title="The ferry that stopped")
    assert not story.live
    draft = story.get_latest_revision_as_object()
    assert draft.analysis_kind == "analysis"
    assert [block.block_type for block in draft.body] == [
        "paragraph",
        "heading",
        "pull_quote",
        "image",
        "video",
        "newsletter_cta",
        "update_note",
    ]
    assert [(t.topic.title, t.is_focus) for t in draft.story_topics.all()] == [
        ("Energy", False),
        ("Drones", True),
    ]
    assert [b.author.name for b in draft.bylines.all()] == ["Inès Marlow"]

    # A moderator approves it from the dashboard; it leads its focus topic's page.
    moderator = log_in(browser, live_server.url, "mo")
    actions = moderator.get_by_role("button", name="Actions")
    review = moderator.locator("tr", has_text="The ferry that stopped", has=actions)
    review.get_by_role("button", name="Actions").click()
    with moderator.expect_navigation():
        review.get_by_role("button", name="Approve", exact=True).click()
    moderator.context.close()
    assert StoryPage.objects.get(pk=story.pk).live

    reader = browser.new_page()
    reader.goto(live_server.url + tree.topics[0].url)
    first = reader.locator(".story-card").first
    assert first.locator(".story-card__headline").inner_text() == "The ferry that stopped"
    reader.goto(live_server.url + StoryPage.objects.get(pk=story.pk).url)
    assert reader.locator(".block-update-note").count() == 1
    assert reader.locator("iframe").count() == 0


def test_moderator_schedules_a_story_that_goes_live_on_time(live_server, browser, newsroom):
    tree = newsroom
    story = StoryPageFactory(
        parent=tree.section, title="Polls open in Kestrel Bay", topics=tree.topics[:1], live=False
    )
    story.save_revision()
    go_live = timezone.localtime() + datetime.timedelta(hours=2)

    admin = log_in(browser, live_server.url, "mo")
    admin.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    admin.get_by_role("button", name="Toggle status").click()
    admin.get_by_role("button", name="Set schedule").click()
    # Typed into without focus: a focused field opens the date picker, which on a slow
    # machine reopened over the dialog's button and took the click (two CI runs failed
    # so, the second after the picker had been closed). The form posts the text either way.
    admin.locator("#id_go_live_at").evaluate(
        "(field, value) => { field.value = value;"
        " field.dispatchEvent(new Event('change', {bubbles: true})); }",
        go_live.strftime("%Y-%m-%d %H:%M"),
    )
    assert admin.locator(".xdsoft_datetimepicker:visible").count() == 0
    admin.get_by_role("button", name="Save schedule").click()
    admin.locator("footer [data-w-dropdown-target=toggle]").last.click()
    with admin.expect_navigation():
        admin.get_by_role("button", name="Schedule to publish").click()

    # Scheduled, not live: the section listing and the dashboard say so.
    admin.goto(live_server.url + reverse("wagtailadmin_explore", args=(tree.section.pk,)))
    row = admin.locator("table.listing tr", has_text="Polls open in Kestrel Bay")
    assert "scheduled" in row.inner_text().lower()
    admin.goto(live_server.url + reverse("wagtailadmin_home"))
    scheduled = admin.locator("#story-desk-scheduled + table")
    assert "Polls open in Kestrel Bay" in scheduled.inner_text()
    admin.context.close()
    assert not StoryPage.objects.get(pk=story.pk).live

    call_command("publish_scheduled", stdout=io.StringIO())
    assert not StoryPage.objects.get(pk=story.pk).live, "not before its time"
    later = timezone.now() + datetime.timedelta(hours=2, minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert StoryPage.objects.get(pk=story.pk).live

    reader = browser.new_page()
    reader.goto(live_server.url + tree.topics[0].url)
    assert reader.locator(".story-card__headline").first.inner_text() == "Polls open in Kestrel Bay"


def test_moderator_restores_an_earlier_revision(live_server, browser, newsroom):
    tree = newsroom
    story = StoryPageFactory(
        parent=tree.section,
        title="The ferry stopped in March",
        topics=tree.topics[:1],
    )
    first = story.save_revision()
    first.publish()
    story.title = "The ferry stopped in April"
    story.save_revision().publish()

    admin = log_in(browser, live_server.url, "mo")
    admin.goto(
        live_server.url + reverse("wagtailadmin_pages:revisions_revert", args=(story.pk, first.pk))
    )
    assert admin.locator("#id_title").input_value() == "The ferry stopped in March"
    admin.locator("footer [data-w-dropdown-target=toggle]").last.click()
    with admin.expect_navigation():
        admin.get_by_role("button", name="Publish this version").click()
    admin.context.close()
    assert StoryPage.objects.get(pk=story.pk).title == "The ferry stopped in March"


def test_a_moderator_sees_what_the_submitted_story_changes(live_server, browser, newsroom):
    tree = newsroom
    story = StoryPageFactory(
        parent=tree.section, title="The ferry stopped in March", topics=tree.topics[:1]
    )
    story.save_revision().publish()
    editor = User.objects.get(username="eda")
    story.title = "The ferry stopped in April"
    submitted = story.save_revision(user=editor)
    story.get_workflow().start(story, editor)
    story.save_revision(user=editor)  # the editor's autosave, after submitting

    admin = log_in(browser, live_server.url, "mo")
    admin.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    admin.locator("header [data-w-dropdown-target=toggle]").first.click()
    with admin.expect_navigation():
        admin.get_by_role("link", name="Compare submitted with live").click()
    assert admin.url.endswith(f"/revisions/compare/live...{submitted.pk}/")
    comparison = admin.locator("main").inner_text()
    admin.context.close()
    assert "March" in comparison and "April" in comparison


def test_an_editor_writing_a_new_story_is_autosaved_from_the_first_lines(
    live_server, browser, newsroom, settings
):
    """Autosave on, as editors have it: a new story is kept as a draft from the first lines,
    before it has a topic, and submitting it then asks for the topic."""
    tree = newsroom
    # Autosave waits this long after the last change it saw. Wagtail takes the form as it
    # stands when an autosave succeeds as saved, so what is typed while one is on its way
    # waits for the next change: a pause longer than the test's typing keeps each line whole.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 3000
    admin = log_in(browser, live_server.url, "eda")

    def autosave(response, of=""):
        """Whether `response` answers an autosave of a form holding `of`."""
        request = response.request
        json = "application/json" in request.headers.get("accept", "")
        return request.method == "POST" and json and of in (request.post_data or "")

    # Wagtail takes the form as it stands 2 s after it opens as the state edits are counted
    # from (and says so with this event): what is typed before then is not an edit to it
    # (nor autosaved, nor warned of).
    admin.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits', () => { window.watching = true; })"
    )
    admin.goto(
        live_server.url
        + reverse("wagtailadmin_pages:add", args=("stories", "storypage", tree.section.pk))
    )
    for _ in range(300):  # wait_for_function's evaluation is refused by the admin's CSP
        if admin.evaluate("window.watching === true"):
            break
        admin.wait_for_timeout(100)
    assert admin.evaluate("window.watching === true"), "Wagtail never started counting edits"
    with admin.expect_response(lambda r: autosave(r, "March"), timeout=30_000) as first:
        admin.fill("#id_title", "The ferry that stopped")
        add_block(admin, "Paragraph")
        admin.locator(".Draftail-Editor [contenteditable=true]").last.click()
        admin.keyboard.type("The ferry to Varensk stopped in March.")
    assert first.value.status == 200 and first.value.json()["success"], first.value.text()
    # The first autosave made the story: the form now edits it. Later lines follow.
    with admin.expect_response(lambda r: autosave(r, "run again"), timeout=30_000) as second:
        admin.locator(".Draftail-Editor [contenteditable=true]").last.click()
        admin.keyboard.press("End")
        admin.keyboard.type(" Nobody knows when it will run again.")
    assert second.value.status == 200 and second.value.json()["success"], second.value.text()
    admin.wait_for_timeout(1500)  # the last autosave's write is done before the test reads

    # One draft, which followed the typing; the database is read once autosave is quiet
    # (the live server's SQLite database locks while it writes).
    [story] = StoryPage.objects.filter(title="The ferry that stopped")
    assert not story.live
    assert "run again" in str(story.latest_revision.content["body"])

    # Submitting asks for the topic autosave did without.
    admin.locator("[data-w-dropdown-target=toggle]").last.click()
    admin.get_by_role("button", name="Submit to Copy desk review").click()
    tab = admin.get_by_role("tab", name=re.compile("Topics & credits"))
    expect(tab).to_contain_text("1")  # its error badge, seen from the Content tab
    tab.click()
    expect(admin.get_by_text("A story needs a topic before it is submitted")).to_be_visible()
    admin.context.close()
    assert not StoryPage.objects.get(pk=story.pk).live


def test_the_story_form_counts_characters_and_the_storys_words(live_server, browser, newsroom):
    tree = newsroom
    admin = log_in(browser, live_server.url, "eda")
    admin.goto(
        live_server.url
        + reverse("wagtailadmin_pages:add", args=("stories", "storypage", tree.section.pk))
    )
    admin.fill("#id_title", "The ferry that stopped")
    count = admin.locator("#id_title-count")
    expect(count).to_have_text("22 of about 70 characters")
    admin.fill("#id_title", "A" * 75)
    expect(count).to_have_text("75 characters: about 70 show in full")
    expect(count).to_have_class(re.compile("desk-count--over"))

    reading = admin.locator(".desk-reading")
    expect(reading).to_have_text("The story: 0 words, about 1 min to read")
    add_block(admin, "Paragraph")
    admin.locator(".Draftail-Editor [contenteditable=true]").last.click()
    admin.keyboard.type("The ferry to Varensk stopped in March, and nobody knows why.")
    add_block(admin, "Heading")
    admin.fill("#body-1-value", "What the mayor said")
    expect(reading).to_have_text("The story: 15 words, about 1 min to read")

    # The title tag and meta description count against what search results show.
    admin.get_by_role("tab", name="Promote").click()
    admin.fill("#id_search_description", "Varensk became an island when the ferry stopped.")
    expect(admin.locator("#id_search_description-count")).to_have_text("48 of about 160 characters")
    admin.context.close()


def test_an_invalid_video_address_badges_the_content_tab(live_server, browser, newsroom):
    admin = log_in(browser, live_server.url, "eda")
    admin.goto(
        live_server.url
        + reverse("wagtailadmin_pages:add", args=("stories", "storypage", newsroom.section.pk))
    )
    admin.fill("#id_title", "A video that is not one")
    add_block(admin, "Video")
    admin.fill("#body-0-value-url", "https://example.com/watch/42")
    admin.get_by_role("tab", name="Topics & credits").click()  # the error is on another tab
    with admin.expect_navigation():
        admin.get_by_role("button", name="Save draft").click()
    # Wagtail counted the tab's errors before the StreamField drew its block's error.
    content = admin.locator("#tab-label-content")
    expect(content.locator("[data-w-count-target=total]")).to_have_text("1")
    expect(content).to_contain_text("1 error")
    expect(admin.locator("[data-contentpath='body'] .error-message").first).to_be_visible()
    admin.context.close()
