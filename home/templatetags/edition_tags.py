"""Navigation shared by every reader page: the edition's home, sections, translations."""

import functools
from pathlib import Path

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from editions import links
from editions.pages import ReaderPage
from home.models import HomePage

register = template.Library()


@register.simple_tag
def interface_language():
    """The active language if the interface is translated into it (a catalogue in
    LOCALE_PATHS), else the default language, which its strings then fall back to: the
    language a page without content of its own (a 404) is written in."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return language if language in _catalogue_languages() else settings.LANGUAGE_CODE


@functools.cache
def _catalogue_languages():
    return {settings.LANGUAGE_CODE} | {
        folder.name
        for path in settings.LOCALE_PATHS
        for folder in Path(path).iterdir()
        if (folder / "LC_MESSAGES" / "django.po").exists()
    }


@register.simple_tag(takes_context=True)
def edition_home(context):
    """The home page of the page's edition, or of the active language on non-page views."""
    request = context.get("request")
    page = context.get("page")
    if isinstance(page, HomePage):
        return page
    if isinstance(page, ReaderPage) and page.depth > 2:
        return page.route_trail()[0].specific  # the specific home when the page was routed
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
    return home.menu_sections() if isinstance(home, HomePage) else []


@register.simple_tag(takes_context=True)
def page_alternates(context):
    """The page's live language versions. Views of things that are not pages, and pages
    that needed the translations themselves, pass `alternates` in the context."""
    if "alternates" in context:
        return context["alternates"]
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, Page):
        return []
    return links.page_alternates(request, page)


@register.simple_tag
def default_alternate(alternates):
    """The x-default alternate: the default language's version, else the first listed."""
    for alternate in alternates:
        if alternate.language_code == settings.LANGUAGE_CODE:
            return alternate
    return alternates[0] if alternates else None
