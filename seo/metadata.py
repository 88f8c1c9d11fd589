"""What search engines and social networks read about a reader page: the description, the
share image, and schema.org structured data."""

from django.utils.text import Truncator

import pagecache
from editions.links import absolute_url
from pagecache import tags
from stories import pictures
from stories.credits import credits, reporting_credits
from stories.models import (
    Author,
    BriefingPage,
    PartnerOutlet,
    SectionPage,
    StoryByline,
    StoryPage,
    TopicPage,
)

DESCRIPTION_WORDS = 40

# Analysis labels with a more precise schema.org type than NewsArticle.
ARTICLE_TYPES = {
    "analysis": "AnalysisNewsArticle",
    "explainer": "AnalysisNewsArticle",
    "op_ed": "OpinionNewsArticle",
    "reportage": "ReportageNewsArticle",
    "investigation": "ReportageNewsArticle",
}


def description(page, snippet=None):
    """The page's search description, else the text its readers see first."""
    if snippet is not None:
        text = getattr(snippet, "bio", "") or getattr(snippet, "description", "")
    else:
        text = (
            page.search_description
            or getattr(page, "summary", "")
            or getattr(page, "standfirst", "")
            or getattr(page, "description", "")
            or getattr(page, "introduction", "")
            or getattr(page, "news_headlines", "")
        )
    return Truncator(text).words(DESCRIPTION_WORDS)


def share_image(page, snippet=None, magazine=None):
    image = getattr(page, "lead_image", None) if snippet is None else None
    if image is None and snippet is not None:
        image = getattr(snippet, "photo", None) or getattr(snippet, "logo", None)
    if image is None and magazine is not None:
        image = magazine.logo
    return pictures.rendition(image, "share") if image else None


def _person(author, request):
    return {"@type": "Person", "name": author.name, "url": request.build_absolute_uri(author.url)}


def _breadcrumbs(request, magazine, trail, last=None):
    """The trail from the edition's home (named after the magazine, not "Home") to the
    page, or to `last`, a (name, absolute URL) the trail's pages do not hold."""
    crumbs = [
        (magazine.name if crumb.depth == 2 else crumb.title, absolute_url(request, crumb))
        for crumb in trail
    ]
    if last:
        crumbs.append(last)
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": url}
            for n, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def _page_trail(page):
    return [*page.route_trail(), page] if page.depth > 2 else [page]


def _publisher(magazine, request):
    publisher = {"@type": "NewsMediaOrganization", "name": magazine.name}
    logo = pictures.rendition(magazine.logo, "publisher") if magazine.logo else None
    if logo:
        publisher["logo"] = {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(logo.url),
            "width": logo.width,
            "height": logo.height,
        }
    return publisher


def _credit(credit):
    return {
        "@type": "Person" if credit.is_person else "NewsMediaOrganization",
        "name": credit.name,
        "url": credit.url,
    }


def _authors(page, request, context):
    bylines = context["bylines"] if "bylines" in context else page.bylines.all()
    return [_credit(credit) for credit in credits(page, request, bylines)]


def _article(page, request, magazine, image, **fields):
    """What every article we publish says: its headline, description, address, language
    and publisher; `fields` its type, dates and authors."""
    url = absolute_url(request, page)
    data = {
        "@type": "NewsArticle",
        "headline": Truncator(page.title).chars(110),
        "description": description(page),
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": page.locale.language_code,
        **fields,
        "publisher": _publisher(magazine, request),
    }
    for key in ("datePublished", "dateModified"):
        if data.get(key):
            data[key] = data[key].isoformat()
    if image:
        data["image"] = [request.build_absolute_uri(image.url)]
    return data


def _story(page, request, context, magazine, image):
    data = _article(
        page,
        request,
        magazine,
        image,
        **{
            "@type": ARTICLE_TYPES.get(page.analysis_kind, "NewsArticle"),
            "datePublished": page.display_date,
            "dateModified": page.last_modified,
            "author": _authors(page, request, context),
        },
    )
    if page.dateline:
        data["locationCreated"] = {"@type": "Place", "name": page.dateline}
    credited = context.get("partner_credits", [])
    if credited:
        data["contributor"] = [_credit(c) for c in reporting_credits(credited, request)]
    original = context.get("original")
    if page.translated_from:
        work = {"@type": "NewsArticle", "inLanguage": page.original_language}
        if original and original.page:
            work["url"] = absolute_url(request, original.page)
        elif page.original_url:
            work["url"] = page.original_url
        if page.original_headline:
            work["headline"] = page.original_headline
        original_bylines = (
            StoryByline.objects.filter(page_id=original.page.pk).select_related("author", "partner")
            if original and original.page
            else []
        )
        if original_bylines:
            # The original on our site says who wrote it: the work is that page, so its
            # author is who that page's own structured data names.
            pagecache.tag_response(request, *(tags.snippet(b.signer) for b in original_bylines))
            work["author"] = [_credit(c) for c in credits(page, request, original_bylines)]
        elif page.original_author:
            work["author"] = {"@type": "Person", "name": page.original_author}
        if page.partner:
            work["publisher"] = {"@type": "NewsMediaOrganization", "name": page.partner.name}
        data["translationOfWork"] = work
        data["isBasedOn"] = work.get("url") or work
        if page.translator_credit:
            data["translator"] = {"@type": "Person", "name": page.translator_credit}
    return [
        {k: v for k, v in data.items() if v not in (None, "", [])},
        _breadcrumbs(request, magazine, _page_trail(page)),
    ]


def _collection(page, request, context, magazine):
    """A topic's or a section's page: the stories it lists."""
    stories = context.get("stories") or []
    return [
        {
            "@type": "CollectionPage",
            "name": page.title,
            "description": description(page),
            "url": absolute_url(request, page),
            "inLanguage": page.locale.language_code,
            "hasPart": [
                {
                    "@type": "NewsArticle",
                    "headline": story.title,
                    "url": absolute_url(request, story),
                }
                for story in stories
            ],
        },
        _breadcrumbs(request, magazine, _page_trail(page)),
    ]


def _briefing(page, request, context, magazine, image):
    """A day's briefing: an article by its editors (else the magazine), its headlines as its
    description."""
    data = _article(
        page,
        request,
        magazine,
        image,
        datePublished=page.display_date or page.date,
        author=_authors(page, request, context),
    )
    return [
        {k: v for k, v in data.items() if v not in (None, "", [])},
        _breadcrumbs(request, magazine, _page_trail(page)),
    ]


def _profile(snippet, request):
    if isinstance(snippet, Author):
        return [{**_person(snippet, request), "jobTitle": snippet.role or None}]
    if isinstance(snippet, PartnerOutlet):
        data = {
            "@type": "NewsMediaOrganization",
            "name": snippet.name,
            "url": snippet.website or request.build_absolute_uri(snippet.url),
        }
        if snippet.native_name:
            data["alternateName"] = snippet.native_name
        return [data]
    return []


def structured_data(request, context, magazine, image):
    """schema.org objects for the page in `context`, each with its @context."""
    page, snippet = context.get("page"), context.get("snippet")
    if snippet is not None:
        home = context.get("page")
        last = (snippet.name, request.build_absolute_uri(snippet.url))
        items = _profile(snippet, request)
        if home is not None:
            items.append(_breadcrumbs(request, magazine, [home], last))
    elif isinstance(page, StoryPage):
        items = _story(page, request, context, magazine, image)
    elif isinstance(page, BriefingPage):
        items = _briefing(page, request, context, magazine, image)
    elif isinstance(page, TopicPage | SectionPage):
        items = _collection(page, request, context, magazine)
    elif page is not None and page.depth == 2:
        items = [
            {
                "@type": "WebSite",
                "name": magazine.name,
                "url": absolute_url(request, page),
                "inLanguage": page.locale.language_code,
            }
        ]
    else:
        items = []
    return [
        {"@context": "https://schema.org", **{k: v for k, v in item.items() if v is not None}}
        for item in items
    ]


# OpenGraph wants language_TERRITORY; each of our languages has one obvious territory.
OG_TERRITORIES = {
    "en": "GB",
    "fr": "FR",
    "ru": "RU",
    "uk": "UA",
    "de": "DE",
    "pt": "PT",
    "es": "ES",
    "it": "IT",
    "pl": "PL",
    "ar": "AR",
}


def og_locale(language_code):
    return f"{language_code}_{OG_TERRITORIES.get(language_code, language_code.upper())}"
