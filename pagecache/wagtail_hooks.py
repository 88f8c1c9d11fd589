"""Telling the newsroom when readers may still see what it changed: a purge the cache has
not taken is pending (pagecache.purge). After each change in the admin, its author gets a
warning instead of only the usual success; the dashboard shows it to everyone until the
purges are applied."""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.ui.components import Component

from .purge import replay_pending


def pending_warning():
    """The warning while purges are pending (after trying them once more), else None."""
    left = replay_pending()
    if not left:
        return None
    return ngettext(
        "Readers may still see the previous version: %(count)s change has not reached the "
        "cache of readers' pages yet. It is retried every second, automatically; nothing "
        "needs doing again.",
        "Readers may still see the previous versions: %(count)s changes have not reached "
        "the cache of readers' pages yet. They are retried every second, automatically; "
        "nothing needs doing again.",
        left,
    ) % {"count": left}


@hooks.register("after_publish_page")
@hooks.register("after_unpublish_page")
@hooks.register("after_delete_page")
@hooks.register("after_move_page")
@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
@hooks.register("after_delete_snippet")
@hooks.register("after_publish")
@hooks.register("after_unpublish")
def warn_if_readers_may_see_the_old_version(request, *args, **kwargs):
    if warning := pending_warning():
        messages.warning(request, warning)


class PendingPurgesPanel(Component):
    name = "pending_purges"
    order = 10
    template_name = "pagecache/admin/pending_purges_panel.html"

    def get_context_data(self, parent_context):
        return {"warning": pending_warning(), "title": _("Cache of readers' pages")}


@hooks.register("construct_homepage_panels")
def add_pending_purges_panel(request, panels):
    panels.append(PendingPurgesPanel())
