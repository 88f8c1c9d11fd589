from django.core.cache import cache
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

import pagecache
from config.cache import read_ahead
from config.replica import on_primary
from editions.links import AUTHORS_PATH, PARTNERS_PATH, SEARCH_PATH, Alternate, edition_url
from editions.locales import language_code
from editions.models import MagazineSettings
from editions.pages import Purged, ReaderPage, UrlPathRoutingMixin
from pagecache import fragments, tags
from search import query as search
from search.snippets import snippet
from search.terms import search_terms
from stories import cards
from stories.feeds import StoryFeedsMixin
from stories.models import (
    Author,
    BriefingPage,
    PaginatedListingMixin,
    PartnerOutlet,
    SectionPage,
    StoryByline,
    StoryPage,
    StoryPartnerCredit,
    TopicIndexPage,
    TopicPage,
    show_listing,
)
from stories.pagination import STORIES_PER_PAGE

HOME_LATEST_STORIES = 12
HOME_SECOND_TIER = 4
HOME_FOCUS_TOPICS = 6
# Search lists the results it ranks (search.query.WINDOW), ten to a page.
SEARCH_PAGES = search.WINDOW // STORIES_PER_PAGE


class HomePage(StoryFeedsMixin, PaginatedListingMixin, UrlPathRoutingMixin, ReaderPage):
    """The front page of one edition: one per locale, translations of each other.
    Author and partner pages hang off it, since authors and partners are snippets."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A line under the magazine's name on the front page."),
    )

    tagline = models.CharField(
        _("tagline"),
        max_length=160,
        blank=True,
        help_text=_(
            "The magazine's tagline in this edition's language, shown under its name and as "
            "the front page's title. Leave empty to use the tagline in Settings → Magazine."
        ),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["stories.TopicIndexPage", "stories.SectionPage", "stories.BriefingIndexPage"]
    content_panels = Page.content_panels + [FieldPanel("tagline"), FieldPanel("introduction")]

    class Meta:
        verbose_name = _("home page")

    def purged_with(self, parents, root):
        return Purged(shown={tags.edition(self.locale_id)})  # the tagline on every page

    def feed_stories(self):
        return StoryPage.objects.filter(locale_id=self.locale_id).for_cards()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        in_edition = {"locale_id": self.locale_id}
        latest = list(self.feed_stories()[:HOME_LATEST_STORIES])
        # The lead, the second tier under it, and the rest in the rail as compact cards:
        # made together, so that their pictures are read in one trip (stories.cards).
        tier = 1 + HOME_SECOND_TIER
        layout = [
            "lead" if i == 0 else "grid" if i < tier else "compact" for i in range(len(latest))
        ]
        shown = cards.render(request, latest, heading_level=3, layout=layout)
        context["lead_card"], context["second_tier"] = shown[:1], shown[1:tier]
        context["more_stories"] = shown[tier:]
        context["sections"] = SectionPage.objects.child_of(self).live().public()
        context["focus_topics"] = TopicPage.objects.in_focus(self.locale_id, HOME_FOCUS_TOPICS)
        context["topic_index"] = TopicIndexPage.objects.child_of(self).live().public().first()
        context["latest_briefing"] = briefing = (
            BriefingPage.objects.filter(**in_edition).live().public().order_by("-date").first()
        )
        show_listing(request, self, latest)
        pagecache.tag_response(
            request,
            tags.briefings(self.locale_id),
            *(
                tags.page(page.pk)
                for page in [*context["focus_topics"], context["topic_index"], briefing]
                if page is not None
            ),
        )
        return context

    @path(f"{AUTHORS_PATH}/<slug:slug>/", name="author")
    def author_page(self, request, slug):
        author = get_object_or_404(
            Author.objects.select_related("photo"), locale_id=self.locale_id, slug=slug
        )
        credited = StoryByline.objects.filter(page=OuterRef("pk"), author=author)
        stories = StoryPage.objects.filter(Exists(credited), locale_id=self.locale_id).for_cards()
        pagecache.tag_response(request, tags.image(author.photo_id))
        return self.render_snippet_page(
            request,
            "stories/author_page.html",
            author,
            stories,
            tags.stories_of("author", author.pk),
            description=author.bio,
        )

    @path(f"{PARTNERS_PATH}/<slug:slug>/", name="partner")
    def partner_page(self, request, slug):
        partner = get_object_or_404(
            PartnerOutlet.objects.select_related("logo"),
            locale_id=self.locale_id,
            slug=slug,
        )
        # What it published first, signed, or lent its reporting to.
        signed = StoryByline.objects.filter(page=OuterRef("pk"), partner=partner)
        credited = StoryPartnerCredit.objects.filter(page=OuterRef("pk"), partner=partner)
        stories = StoryPage.objects.filter(
            Q(partner=partner) | Exists(signed) | Exists(credited), locale_id=self.locale_id
        ).for_cards()
        pagecache.tag_response(request, tags.image(partner.logo_id))
        return self.render_snippet_page(
            request,
            "stories/partner_page.html",
            partner,
            stories,
            tags.stories_of("partner", partner.pk),
            description=partner.description,
        )

    @path(f"{SEARCH_PATH}/", name="search")
    def search_page(self, request):
        terms = search_terms(request.GET.get("q", ""))
        newest = request.GET.get("order") == "newest"
        results, snippets = None, []
        if terms:
            # In the edition's language, best matches first, weighed by age (search.query).
            language = language_code(self.locale_id)
            found = search.find(self.locale_id, language, terms, newest=newest)
            # Results stop at the first SEARCH_PAGES pages (more words narrow them down),
            # all counted for the heading's "12 stories for …".
            results = self.paginate(request, found, pages=SEARCH_PAGES, ahead=None)
            # Cards need bylines, topics and partners: one query for the page of results,
            # and one for the text their snippets are cut from.
            cards = StoryPage.objects.filter(pk__in=list(results)).for_cards()
            by_pk = {story.pk: story for story in cards}
            results.object_list = [by_pk[pk] for pk in results if pk in by_pk]
            bodies = search.bodies(by_pk)
            snippets = [
                snippet(bodies.get(story.pk, ""), terms, language) for story in results.object_list
            ]
            pagecache.tag_response(request, *tags.for_cards(results.object_list))
        # Results change with any story of the edition.
        pagecache.tag_response(request, tags.stories_of("page", self.pk))
        return self.render_route(
            request,
            "home/search_page.html",
            {
                "query": request.GET.get("q", "")[:200],
                "terms": terms,
                "newest": newest,
                "ranked": bool(terms) and not newest,
                "stories": results,
                "snippets": snippets,
                "alternates": [
                    Alternate.for_url(
                        request,
                        home.locale.language_code,
                        edition_url(home.locale.language_code, SEARCH_PATH),
                        current=home.pk == self.pk,
                    )
                    for home in self.live_editions()
                ],
            },
        )

    def read_ahead(self, site):
        """Read at once what every page of the edition reads of the cache: the magazine's
        settings and the menu (config.cache.read_ahead)."""
        read_ahead(MagazineSettings.cache_key(site.pk), self.menu_sections_key(self.path))

    def menu_sections(self):
        """The sections in this edition's navigation, on every page: kept in the shared
        cache, and forgotten when a section is published, unpublished, moved or deleted."""
        key = self.menu_sections_key(self.path)
        sections = cache.get(key)
        if sections is None:
            with on_primary():  # the shared cache keeps it (config.replica)
                sections = list(SectionPage.objects.child_of(self).live().public().in_menu())
            cache.set(key, sections, timeout=None)
        return sections

    @staticmethod
    def menu_sections_key(home_path):
        return f"menu-sections:{home_path}"

    def render_route(self, request, template, context):
        """A route's page (search, an author's or partner's page): the page's base context
        and the route's own, without the front page's listings (RoutablePageMixin.render
        would build them all)."""
        return TemplateResponse(request, template, {**Page.get_context(self, request), **context})

    def live_editions(self):
        """This home page in every language it is live in."""
        return (
            self.get_translations(inclusive=True)
            .live()
            .public()
            .select_related("locale")
            .order_by("locale__language_code")
        )

    def render_snippet_page(self, request, template, snippet, stories, listing, *, description):
        """An author's or partner's page: `stories` (a queryset of cards) paginated, read
        only if the page's listing is not kept (pagecache.fragments), `listing` its tag."""
        live_locales = self.live_editions().order_by().values("locale")
        translations = list(
            type(snippet)
            .objects.filter(translation_key=snippet.translation_key, locale__in=live_locales)
            .select_related("locale")
            .order_by("locale__language_code")
        )
        # The snippet and its versions in the switcher.
        pagecache.tag_response(request, *(tags.snippet(t) for t in translations))

        def stories_page():
            items = self.paginate(request, stories)
            pagecache.tag_response(request, listing, *tags.for_cards(items))
            return items

        return self.render_route(
            request,
            template,
            {
                "snippet": snippet,
                "stories": fragments.Lazy(request, stories_page),
                "description": description,
                "alternates": [
                    Alternate.for_url(
                        request, t.locale.language_code, t.url, current=t.pk == snippet.pk
                    )
                    for t in translations
                ],
            },
        )


@receiver([page_published, page_unpublished, post_page_move, post_delete], sender=SectionPage)
def forget_menu_sections(instance, **kwargs):
    # Keyed by the home page's tree path, known without a query (even mid-deletion).
    parent_paths = {instance.path[: -Page.steplen]}
    if before := kwargs.get("parent_page_before"):
        parent_paths.add(before.path)
    cache.delete_many([HomePage.menu_sections_key(path) for path in parent_paths])
