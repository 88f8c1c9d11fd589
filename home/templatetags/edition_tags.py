"""Navigation shared by every reader page: the edition's home, sections, translations."""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from home.links import Alternate
from stories.models import SectionPage

register = template.Library()


@register.simple_tag(takes_context=True)
def edition_home(context):
    """The home page of the page's edition, or of the active language on non-page views."""
    request = context.get("request")
    page = context.get("page")
    if isinstance(page, Page) and page.depth >= 2:
        return page.get_ancestors(inclusive=True).filter(depth=2).specific().first()
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    root = site.root_page
    language = translation.get_language() or settings.LANGUAGE_CODE
    home = (
        Page.objects.filter(translation_key=root.translation_key, locale__language_code=language)
        .live()
        .first()
    )
    return (home or root).specific


@register.simple_tag
def edition_sections(home):
    if home is None:
        return SectionPage.objects.none()
    return SectionPage.objects.child_of(home).live().public().in_menu()


@register.simple_tag(takes_context=True)
def page_alternates(context):
    """The page in every language it is live in, itself included, so nothing links to a
    missing translation. Views of things that are not pages pass `alternates` themselves."""
    if "alternates" in context:
        return context["alternates"]
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, Page):
        return []
    translations = (
        page.get_translations(inclusive=True)
        .live()
        .public()
        .select_related("locale")
        .order_by("locale__language_code")
    )
    return [
        Alternate.for_page(request, translation, current=translation.pk == page.pk)
        for translation in translations
    ]


@register.simple_tag
def default_alternate(alternates):
    """The x-default alternate: the default language's version, else the first listed."""
    for alternate in alternates:
        if alternate.language_code == settings.LANGUAGE_CODE:
            return alternate
    return alternates[0] if alternates else None
