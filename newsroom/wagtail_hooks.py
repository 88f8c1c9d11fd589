from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Locale, PageQuerySet
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


class ChooserPages(PageQuerySet):
    """The page chooser's pages, whose search also finds a word inside a title ("lections"
    finds "Elections in Velola"). The search backends match whole words and their starts
    only, and an editor types what they remember of a topic's name."""

    MATCHES = 100  # of the search backend's, beside the titles that contain the text

    def autocomplete(self, query, *args, **kwargs):
        found = super().autocomplete(query, *args, **kwargs)[: self.MATCHES]
        return self.filter(Q(title__icontains=query) | Q(pk__in=[page.pk for page in found]))


@hooks.register("construct_page_chooser_queryset")
def find_words_inside_titles(pages, request):
    return ChooserPages(model=pages.model, query=pages.query.chain(), using=pages.db)


@hooks.register("construct_page_chooser_queryset")
def search_in_the_choosers_edition(pages, request):
    """A chooser opened in one edition (stories.choosers.EditionPageChooser, whose address
    says `locale`) searches that edition: a French story's topic chooser listed the English
    topics beside the French ones, which its form then refused."""
    language = request.GET.get("locale")
    if language and request.resolver_match.url_name == "wagtailadmin_choose_page_search":
        # By the locale's id: the search backends filter on the page's own fields only.
        return pages.filter(locale=Locale.objects.filter(language_code=language).first())
    return pages


@hooks.register("register_page_header_buttons")
def compare_submitted_with_live(page, user, view_name, next_url=None):
    """What a moderator reviews is the change from the live story to the submitted one.
    Wagtail's history compares each revision with the one before, and autosave revisions
    sit in between ("no differences"), so the page's menu offers this comparison."""
    state = page.current_workflow_state
    task_state = state.current_task_state if state else None
    if not (page.live and task_state and task_state.revision_id):
        return
    if page.live_revision_id == task_state.revision_id:
        return
    url = reverse(
        "wagtailadmin_pages:revisions_compare", args=[page.pk, "live", task_state.revision_id]
    )
    yield PageMenuItem(_("Compare submitted with live"), url, "history", 75, page=page)
