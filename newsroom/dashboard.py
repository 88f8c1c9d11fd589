"""The editor's dashboard panel: the signed-in editor's drafts, what waits for the copy desk,
what is scheduled, and what was published last."""

from django.db.models import Min
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from stories.models import StoryPage

PANEL_ROWS = 5


class StoryDeskPanel(Component):
    name = "story_desk"
    order = 50
    template_name = "newsroom/admin/story_desk_panel.html"

    def __init__(self, user):
        self.user = user

    @cached_property
    def stories(self):
        """The stories this user may edit: every list, and whether to show the panel at all."""
        editable = PagePermissionPolicy().instances_user_has_permission_for(self.user, "change")
        return StoryPage.objects.filter(pk__in=editable.values("pk")).select_related(
            "locale", "latest_revision__user"
        )

    def get_context_data(self, parent_context):
        stories = self.stories
        in_review = stories.filter(
            _specific_workflow_states__status=WorkflowState.STATUS_IN_PROGRESS
        )
        scheduled = stories.filter(_revisions__approved_go_live_at__isnull=False)
        lists = [
            (
                "my-drafts",
                _("My drafts"),
                stories.filter(has_unpublished_changes=True, latest_revision__user=self.user)
                .exclude(pk__in=in_review.values("pk"))
                .exclude(pk__in=scheduled.values("pk"))
                .order_by("-latest_revision_created_at"),
                "latest_revision_created_at",
            ),
            (
                "awaiting-review",
                _("Awaiting copy desk review"),
                in_review.order_by("-latest_revision_created_at"),
                "latest_revision_created_at",
            ),
            (
                "scheduled",
                _("Scheduled"),
                scheduled.annotate(go_live=Min("_revisions__approved_go_live_at")).order_by(
                    "go_live"
                ),
                "go_live",
            ),
            (
                "published",
                _("Latest published"),
                stories.live().order_by("-last_published_at"),
                "last_published_at",
            ),
        ]
        return {
            "lists": [
                {
                    "id": key,
                    "heading": heading,
                    "rows": [(story, getattr(story, time)) for story in queryset[:PANEL_ROWS]],
                }
                for key, heading, queryset, time in lists
            ]
        }

    def render_html(self, parent_context=None):
        if not self.stories.exists():
            return ""
        return super().render_html(parent_context)
