from django.contrib import messages
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("before_delete_page")
def name_the_translations_before_deleting(request, page):
    """Wagtail's delete confirmation counts references, not translations: name them."""
    if request.method != "GET":
        return
    translations = (
        page.get_translations().select_related("locale").order_by("locale__language_code")
    )
    if translations:
        listing = ", ".join(
            f"{translation.title} ({translation.locale.get_display_name()})"
            for translation in translations
        )
        messages.warning(
            request,
            format_lazy(
                _("This page has {count} translation(s), which stay on the site: {listing}."),
                count=len(translations),
                listing=listing,
            ),
        )
