"""The page chooser of stories.choosers.EditionPageChooser (it cannot live beside the
widget, which the models import: Wagtail's chooser views need the models loaded)."""

from django.http import Http404
from wagtail.admin.views.chooser import BrowseView
from wagtail.coreutils import resolve_model_string
from wagtail.models import Locale, Page


class EditionBrowseView(BrowseView):
    """Wagtail's page chooser, opening where the wanted kind of page lives in one language's
    tree (the French topics' index, say) rather than at the root."""

    def get(self, request, language_code, parent_page_id=None):
        if parent_page_id is None:
            parent_page_id = self.starting_page(request, language_code).pk
        return super().get(request, parent_page_id=parent_page_id)

    def starting_page(self, request, language_code):
        locale = Locale.objects.filter(language_code=language_code).first()
        if locale is None:
            raise Http404
        names = (request.GET.get("page_type") or "wagtailcore.page").split(",")
        try:
            models = [resolve_model_string(name) for name in names]
        except (ValueError, LookupError) as error:
            raise Http404 from error
        pages = Page.objects.type(*models).filter(locale=locale)
        if pages.count() > 1:
            return pages.first_common_ancestor()
        if pages.exists():
            return pages.get().get_parent()
        return Page.objects.filter(depth=2, locale=locale).first() or Page.get_first_root_node()
