from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from editions.views import edition_redirect
from newsroom.views import PageTypesUsageForTheDesk
from seo.views import robots_txt, sitemap_index, sitemap_section, web_manifest

urlpatterns = [
    path("", edition_redirect, name="edition_redirect"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("manifest.webmanifest", web_manifest, name="web_manifest"),
    path("sitemap.xml", sitemap_index, name="sitemap_index"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
    # Wagtail's report, shadowed: it named other editions' unpublished pages (newsroom.views).
    path(
        f"{settings.ADMIN_URL_PATH}reports/page-types-usage/",
        require_admin_access(PageTypesUsageForTheDesk.as_view()),
    ),
    path(
        f"{settings.ADMIN_URL_PATH}reports/page-types-usage/results/",
        require_admin_access(PageTypesUsageForTheDesk.as_view(results_only=True)),
    ),
    path(settings.ADMIN_URL_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every reader URL carries its language: /en/..., /fr/..., /ru/...
urlpatterns += i18n_patterns(
    path("newsletter/", include("newsletter.urls")),
    path("", include(wagtail_urls)),
)

handler500 = "editions.views.server_error"
