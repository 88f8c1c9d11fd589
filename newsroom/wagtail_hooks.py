from wagtail import hooks

from .dashboard import StoryDeskPanel
from .listings import StoryListingViewSet, StoryPageViewSet


@hooks.register("register_admin_viewset")
def register_story_listings():
    return [StoryPageViewSet(), StoryListingViewSet()]


@hooks.register("construct_homepage_panels")
def add_story_desk_panel(request, panels):
    panels.append(StoryDeskPanel(request.user))
