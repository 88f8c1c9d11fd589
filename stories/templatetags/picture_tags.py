from django import template
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from stories import pictures

register = template.Library()


@register.simple_tag
def site_icons(image):
    """{size: rendition} of the icons cut from the magazine's logo (stories.pictures)."""
    return pictures.icons(image) if image else {}


@register.simple_tag
def reader_picture(image, role, **attrs):
    """`image` as a <picture> of its role's renditions (stories.pictures.ROLES), with `attrs`
    (sizes, alt, loading, ...) on its <img>, which also gets the fallback's width and height."""
    if not image:
        return ""
    found = get_renditions_or_not_found(image, pictures.filters(role))
    return Picture(pictures.distinct_widths(found), attrs)
