from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpResponse, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

import pagecache
from editions.models import MagazineSettings
from editions.routing import ensure_routable
from home.models import HomePage
from pagecache import tags
from stories import pictures

from .sitemaps import LanguageSitemap, NewsSitemap


def sitemaps_for(request):
    """{section: sitemap} for the languages whose home page is live. Made per request:
    the news sitemaps carry the magazine's name from this site's settings."""
    # From the home pages' own table: `depth=2` over every page has no index to use, and
    # read the whole page tree (40 ms at 100,000 stories).
    homes = HomePage.objects.live().public().filter(depth=2).select_related("locale")
    languages = set()
    for home in homes:
        ensure_routable(home)  # a home made by another process may not be in Wagtail's paths
        languages.add(home.locale.language_code)
    languages = sorted(languages)
    publication = MagazineSettings.for_request(request).name
    sitemaps = {code: LanguageSitemap(code) for code in languages}
    for code in languages:
        if code in settings.EDITION_LANGUAGES:
            sitemaps[f"news-{code}"] = NewsSitemap(code, publication)
    return sitemaps


@require_safe
def sitemap_index(request):
    pagecache.cacheable(request, tags.SITE, tags.SITEMAPS)
    return sitemap_views.index(request, sitemaps_for(request), sitemap_url_name="sitemap_section")


@require_safe
def sitemap_section(request, section):
    sitemaps = sitemaps_for(request)
    if section not in sitemaps:
        raise Http404
    pagecache.cacheable(request, tags.SITE, tags.sitemap(section))
    template = "seo/news_sitemap.xml" if section.startswith("news-") else "sitemap.xml"
    return sitemap_views.sitemap(request, sitemaps, section=section, template_name=template)


@require_safe
def web_manifest(request):
    """What a phone needs to put the magazine on its home screen: its name, colours and
    icons (cut from the logo, else static/icons/, drawn by scripts/make_icons.py)."""
    pagecache.cacheable(request, tags.SITE)
    magazine = MagazineSettings.for_request(request)
    # The logo cut square when there is one (stories.pictures), else the drawn mark.
    logo = pictures.icons(magazine.logo) if magazine.logo else {}
    manifest = {
        "name": magazine.name,
        "short_name": magazine.name,
        "start_url": "/",
        "display": "browser",
        "background_color": "#faf8f4",
        "theme_color": "#1d3557",
        "icons": [
            {
                "src": logo[size].url if logo else static(f"icons/icon-{size}.png"),
                "sizes": f"{size}x{size}",
                "type": "image/png",
            }
            for size in (192, 512)
        ],
    }
    return JsonResponse(manifest, content_type="application/manifest+json")


@require_safe
def robots_txt(request):
    pagecache.cacheable(request, tags.SITE)
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
