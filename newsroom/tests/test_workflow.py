"""The copy desk: stories go through "Copy desk review" unless a Moderator publishes them, and
scheduled stories go live when Wagtail's publish_scheduled command runs."""

import datetime
import io
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowState
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import rich_text

from newsroom.groups import COPY_DESK
from stories.factories import StoryPageFactory
from stories.models import StoryPage
from tests.support import newsroom_user, story_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(tree):
    return {"editor": newsroom_user("editor", "eda"), "moderator": newsroom_user("moderator", "mo")}


def add_story(client, tree, action, **fields):
    url = reverse("wagtailadmin_pages:add", args=("stories", "storypage", tree.section.pk))
    data = story_form(body=[], topics=[{"topic": tree.topics[0].pk, "is_focus": True}], **fields)
    data.pop("action-publish")
    data[action] = "1"
    return client.post(url, data)


def test_copy_desk_review_is_the_default_workflow(newsroom):
    root = Page.get_first_root_node()
    workflow = WorkflowPage.objects.get(page=root).workflow
    assert workflow.name == COPY_DESK
    [task] = workflow.tasks.specific()
    assert [g.name for g in task.groups.all()] == ["Moderators"]
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()

    # A workflow the newsroom chose for the root is kept when the setup runs again.
    own = Workflow.objects.create(name="Legal review")
    WorkflowPage.objects.filter(page=root).update(workflow=own)
    call_command("setup_groups", stdout=io.StringIO())
    assert WorkflowPage.objects.get(page=root).workflow == own
    assert Workflow.objects.filter(name=COPY_DESK).count() == 1


def test_editor_cannot_skip_the_copy_desk(client, tree, newsroom):
    client.force_login(newsroom["editor"])
    add_story(client, tree, "action-publish")
    assert not StoryPage.objects.get(slug="ferry-halted").live

    edit = reverse("wagtailadmin_pages:edit", args=(StoryPage.objects.get().pk,))
    assert "action-publish" not in client.get(edit).content.decode()


def test_moderator_approves_what_an_editor_submits(client, tree, newsroom):
    client.force_login(newsroom["editor"])
    add_story(client, tree, "action-submit")
    story = StoryPage.objects.get(slug="ferry-halted")
    state = WorkflowState.objects.get(object_id=str(story.pk))
    assert (state.workflow.name, state.status) == (COPY_DESK, WorkflowState.STATUS_IN_PROGRESS)
    assert not story.live

    client.force_login(newsroom["moderator"])
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(story.pk, "approve", state.current_task_state.pk),
    )
    assert client.post(url, {"comment": "Clean copy."}).status_code in (200, 302)
    story.refresh_from_db()
    assert story.live
    topic = BeautifulSoup(client.get(tree.topics[0].url).content, "html.parser")
    assert topic.select_one(".story-card__headline").get_text() == "Ferry halted"


def test_moderator_may_publish_directly(client, tree, newsroom):
    client.force_login(newsroom["moderator"])
    add_story(client, tree, "action-publish")
    assert StoryPage.objects.get(slug="ferry-halted").live


def test_scheduled_story_goes_live_with_publish_scheduled(client, tree, newsroom):
    client.force_login(newsroom["moderator"])
    go_live = timezone.now() + datetime.timedelta(hours=1)
    add_story(client, tree, "action-publish", go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    story = StoryPage.objects.get(slug="ferry-halted")
    assert not story.live
    assert story.scheduled_revision is not None

    call_command("publish_scheduled", stdout=io.StringIO())
    assert not StoryPage.objects.get(pk=story.pk).live, "not before its time"

    an_hour_later = timezone.now() + datetime.timedelta(hours=1, minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=an_hour_later):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert StoryPage.objects.get(pk=story.pk).live


def test_dashboard_story_desk(client, tree, newsroom):
    editor, moderator = newsroom["editor"], newsroom["moderator"]
    client.force_login(editor)
    add_story(client, tree, "action-submit", title="Submitted story", slug="submitted")
    add_story(client, tree, "action-draft", title="My draft", slug="my-draft")
    client.force_login(moderator)
    add_story(client, tree, "action-draft", title="Not mine", slug="not-mine")
    go_live = timezone.now() + datetime.timedelta(days=1)
    add_story(
        client,
        tree,
        "action-publish",
        title="Tomorrow's story",
        slug="tomorrow",
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
    )
    add_story(client, tree, "action-publish", title="Out now", slug="out-now")

    def panel(user):
        client.force_login(user)
        soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
        return {
            table["aria-labelledby"].removeprefix("story-desk-"): [
                a.get_text() for a in table.select("td.title a")
            ]
            for table in soup.select("#story-desk-content table")
        }

    assert panel(editor) == {
        "my-drafts": ["My draft"],
        "awaiting-review": ["Submitted story"],
        "scheduled": ["Tomorrow's story"],
        "published": ["Out now"],
    }
    assert panel(moderator)["my-drafts"] == ["Not mine"]
    # A story going live tomorrow says when, not "Just now" (Wagtail's word for any future).
    client.force_login(editor)
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    row = soup.select_one("[aria-labelledby=story-desk-scheduled] tr").get_text(" ", strip=True)
    assert "Just now" not in row
    assert "(in 23\xa0hours" in row or "(in 1\xa0day" in row, row


def test_revisions_compare_blocks_and_restore(admin_client, tree):
    story = StoryPageFactory(
        parent=tree.section,
        topics=tree.topics[:1],
        body=[("paragraph", RichText("<p>The ferry stopped in March.</p>"))],
    )
    first = story.save_revision()
    first.publish()
    story.body = [
        ("paragraph", RichText("<p>The ferry stopped in April.</p>")),
        ("pull_quote", {"quote": "We are an island now.", "attribution": "Lena Ostrova"}),
    ]
    second = story.save_revision()
    second.publish()

    url = reverse("wagtailadmin_pages:revisions_compare", args=(story.pk, first.pk, second.pk))
    compare = BeautifulSoup(admin_client.get(url).content, "html.parser").get_text(" ")
    assert "March" in compare and "April" in compare
    assert "We are an island now." in compare

    revert = reverse("wagtailadmin_pages:revisions_revert", args=(story.pk, first.pk))
    form = admin_client.get(revert).content.decode()
    assert "The ferry stopped in March." in form
    assert "We are an island now." not in form


def test_a_moderator_compares_the_submitted_story_with_the_live_one(client, tree, newsroom):
    story = StoryPageFactory(
        parent=tree.section,
        topics=tree.topics[:1],
        body=[("paragraph", RichText("<p>The ferry stopped in March.</p>"))],
    )
    story.save_revision().publish()
    edit = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    client.force_login(newsroom["editor"])
    data = story_form(
        body=[("paragraph", rich_text("<p>The ferry stopped in April.</p>"))],
        topics=[{"topic": tree.topics[0].pk}],
        slug=story.slug,
        title=story.title,
    )
    data.pop("action-publish")
    data["action-submit"] = "1"
    assert client.post(edit, data).status_code == 302
    # The editor's autosave goes on after submitting: a revision identical to the last.
    StoryPage.objects.get(pk=story.pk).save_revision(user=newsroom["editor"])

    client.force_login(newsroom["moderator"])
    soup = BeautifulSoup(client.get(edit).content, "html.parser")
    [link] = [
        a for a in soup.select("a") if a.get_text(strip=True) == "Compare submitted with live"
    ]
    task_state = StoryPage.objects.get(pk=story.pk).current_workflow_state.current_task_state
    submitted = task_state.revision_id
    assert link["href"] == reverse(
        "wagtailadmin_pages:revisions_compare", args=(story.pk, "live", submitted)
    )
    compare = BeautifulSoup(client.get(link["href"]).content, "html.parser").get_text(" ")
    assert "March" in compare and "April" in compare

    # Nothing to compare once it is published.
    task_state.approve(user=newsroom["moderator"])
    soup = BeautifulSoup(client.get(edit).content, "html.parser")
    assert "Compare submitted with live" not in soup.get_text()
