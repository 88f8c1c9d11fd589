"""Navigation shared by every reader page: the edition's home, sections, translations."""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

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


@register.simple_tag
def page_translations(page):
    """Live translations of a page, this one included, so nothing links to a missing one."""
    if not isinstance(page, Page):
        return []
    return list(
        page.get_translations(inclusive=True)
        .live()
        .public()
        .select_related("locale")
        .order_by("locale__language_code")
    )


@register.simple_tag
def default_translation(translations):
    """The x-default alternate: the default language's version, else the first listed."""
    for page in translations:
        if page.locale.language_code == settings.LANGUAGE_CODE:
            return page
    return translations[0] if translations else None
