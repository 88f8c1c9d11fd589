"""Wagtail's "Page types usage" report, as the newsroom may see it: for each page type it
names the page edited last, in any edition, drafts too, so a translator read the headline
of another edition's story nobody had published. Here that page is named only when it is
live or the user may work on it (Wagtail's explorer rule); the counts stay whole.
It answers at Wagtail's own addresses, matched first (config/urls.py)."""

from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.permission_policies.pages import PagePermissionPolicy


class PageTypesUsageForTheDesk(PageTypesUsageReportView):
    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        named = [item.last_edited_page for item in page_types if item.last_edited_page]
        unpublished = [page.pk for page in named if not page.live]
        explorable = set(
            PagePermissionPolicy()
            .explorable_instances(self.request.user)
            .filter(pk__in=unpublished)
            .values_list("pk", flat=True)
        )
        for item in page_types:
            page = item.last_edited_page
            if page is not None and not page.live and page.pk not in explorable:
                item.last_edited_page = None
        return page_types
