from django.db.models import Q
from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy

from .dashboard import StoryDeskPanel
from .listings import StoryListingViewSet, StoryPageViewSet


@hooks.register("register_admin_viewset")
def register_story_listings():
    return [StoryPageViewSet(), StoryListingViewSet()]


@hooks.register("construct_homepage_panels")
def add_story_desk_panel(request, panels):
    panels.append(StoryDeskPanel(request.user))


@hooks.register("construct_page_chooser_queryset")
def hide_others_unpublished_pages(pages, request):
    """Wagtail's page chooser lists every page of the tree, drafts included: a translator
    browsing another edition read the headlines of stories it has not published. A page
    never made live shows only to those who may work on it (Wagtail's explorer rule)."""
    explorable = PagePermissionPolicy().explorable_instances(request.user)
    return pages.filter(Q(live=True) | Q(pk__in=explorable.values("pk")))
