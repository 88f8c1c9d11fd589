import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from editions.models import MagazineSettings
from seo import metadata

register = template.Library()

# As Django's json_script does: nothing in the data can close the <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(_JSON_ESCAPES))  # noqa: S308 -- escaped just above


@register.inclusion_tag("seo/includes/metadata.html", takes_context=True)
def page_metadata(context):
    request = context.get("request")
    if request is None:  # templates rendered outside a request, e.g. in an e-mail
        return {}
    page, snippet = context.get("page"), context.get("snippet")
    magazine = MagazineSettings.for_request(request)
    image = metadata.share_image(page, snippet, magazine) if page is not None else None
    canonical = request.build_absolute_uri(request.path)
    # Result pages of a search name the search page as canonical, rather than being noindex
    # (which would also hide the search page itself): engines keep no query's results.
    search_results = "terms" in context
    page_number = request.GET.get("page", "")
    if not search_results and page_number.isdigit() and int(page_number) > 1:
        canonical += f"?page={int(page_number)}"
    if snippet is not None:
        title = snippet.name
    elif page is not None and page.depth == 2:
        title = page.seo_title or magazine.name  # an edition's home: "Home" says nothing
    elif page is not None:
        title = page.seo_title or page.title
    else:
        title = magazine.name
    language_code = page.locale.language_code if page is not None else request.LANGUAGE_CODE
    alternates = context.get("alternates") or []
    return {
        "title": title,
        # A view that is not a page (the newsletter's) says what it is itself.
        "description": metadata.description(page, snippet)
        if page is not None
        else context.get("meta_description", ""),
        "canonical": canonical,
        "site_name": magazine.name,
        "og_type": "article" if getattr(page, "display_date", None) and not snippet else "website",
        "og_locale": metadata.og_locale(language_code),
        "og_alternate_locales": [
            metadata.og_locale(alternate.language_code)
            for alternate in alternates
            if not alternate.current
        ],
        "image": image,
        "image_url": request.build_absolute_uri(image.url) if image else "",
        "image_alt": (image.image.description or image.image.title) if image else "",
        "page": page if snippet is None else None,
        "structured_data": [
            json_ld(item) for item in metadata.structured_data(request, context, magazine, image)
        ],
    }


@register.inclusion_tag("seo/includes/social_card.html", takes_context=True)
def social_card(context):
    """The page as social networks show a link to it, from the same tags they read
    (page_metadata's og: and twitter: values): picture, title, description, address."""
    request = context.get("request")
    data = page_metadata(context)
    return {**data, "host": request.get_host() if request else ""}
