"""Create the newsroom's groups; safe to run again (it only adds what is missing).

Wagtail's own migrations create Editors and Moderators with permissions on the whole
tree; this adds one Translators group per edition, e.g. "Translators (French)", who
may add and edit pages in their edition's tree and submit them for moderation, but not
publish, and may not touch the other editions or the originals. They may also change
authors and partner outlets, which they translate; translations.wagtail_hooks limits that to
their own language, since Django's permissions cannot say "only in French".

Editors and Moderators may see, export and delete newsletter subscribers, plan translations
(assign them and set deadlines; translators claim their own on the desk), and add and
change authors and partner outlets; translators may not do the first, and may change authors
and partners only in their own language. Only administrators delete authors and partners.

Every page goes through the "Copy desk review" workflow (one task, approved by Moderators)
before it is published. Moderators hold the publish permission, so they alone may publish
without it; Editors and Translators submit to it.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.models import HomePage

TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page")
TRANSLATOR_SNIPPET_PERMISSIONS = ("change_author", "change_partneroutlet")
# Editors credit new correspondents and partners as they come; deleting one is the admin's.
DESK_SNIPPET_PERMISSIONS = (
    "add_author",
    "change_author",
    "add_partneroutlet",
    "change_partneroutlet",
)
# The desk plans translations: who has each one, and by when (translations.Assignment).
PLANNING_PERMISSIONS = ("add_assignment", "change_assignment", "delete_assignment")
# The desk looks after the newsletter's list: see, export, and erase on request.
SUBSCRIBER_PERMISSIONS = ("view_subscriber", "delete_subscriber")
COPY_DESK = "Copy desk review"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"  # made by Wagtail's own migrations


def translators_group_name(language_code):
    # In English whatever the admin's language: the name is how the group is found again.
    with translation.override(None):
        return f"Translators ({dict(settings.LANGUAGES)[language_code]})"


def setup_groups():
    root = Page.get_first_root_node()
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    submit_translation = Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    choose_image = Permission.objects.get(
        content_type__app_label="wagtailimages", codename="choose_image"
    )
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=TRANSLATOR_PAGE_PERMISSIONS
    )
    subscriber_permissions = Permission.objects.filter(
        content_type__app_label="newsletter", codename__in=SUBSCRIBER_PERMISSIONS
    )
    desk_snippet_permissions = Permission.objects.filter(
        content_type__app_label="stories", codename__in=DESK_SNIPPET_PERMISSIONS
    )
    planning_permissions = Permission.objects.filter(
        content_type__app_label="translations", codename__in=PLANNING_PERMISSIONS
    )
    for name in ("Editors", "Moderators"):
        group, created = Group.objects.get_or_create(name=name)
        if created:  # Wagtail's migration normally made them; a bare database gets the basics.
            group.permissions.add(admin_access)
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root, permission=permission
                )
        group.permissions.add(
            *subscriber_permissions, *desk_snippet_permissions, *planning_permissions
        )
    snippet_permissions = Permission.objects.filter(
        content_type__app_label="stories", codename__in=TRANSLATOR_SNIPPET_PERMISSIONS
    )
    for code in settings.EDITION_LANGUAGES:
        group, _ = Group.objects.get_or_create(name=translators_group_name(code))
        group.permissions.add(admin_access, submit_translation, *snippet_permissions)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=Collection.get_first_root_node(), permission=choose_image
        )
        home = HomePage.objects.filter(depth=2, locale__language_code=code).first()
        if home is not None:
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=permission
                )
    setup_copy_desk(root)


def setup_copy_desk(root):
    """The default workflow for the whole tree. An editor's own choice of workflow for the
    root is kept; only Wagtail's placeholder workflow is replaced."""
    task = GroupApprovalTask.objects.filter(name=COPY_DESK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=COPY_DESK)
        task.groups.set([Group.objects.get(name="Moderators")])
    workflow, created = Workflow.objects.get_or_create(name=COPY_DESK)
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    assigned = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    if assigned is None or assigned.workflow.name == WAGTAIL_DEFAULT_WORKFLOW:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    placeholder = Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True).first()
    if placeholder is not None and not placeholder.workflow_pages.exists():
        placeholder.deactivate()
