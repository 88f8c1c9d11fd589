"""wagtail-localize's "Translate" forms, offering only the languages the user works in."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail_localize.views import submit_translations

from ..permissions import locales_worked_by


class WorkedLocalesOnlyMixin:
    """wagtail-localize offers every language to anyone who may submit translations; a
    French translator could create English drafts. Offer only the languages they work in."""

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(pk__in=locales_worked_by(self.request.user))
        return form

    def get(self, request, *args, **kwargs):
        # wagtail-localize offers the button while any language lacks a version; a
        # translator whose own edition has one got a form with nothing to choose.
        if not self.get_form().fields["locales"].queryset.exists():
            messages.info(request, _("It is already in every language you translate into."))
            return redirect(self.get_success_url() or self.get_default_success_url())
        return super().get(request, *args, **kwargs)


class SubmitPageTranslationView(
    WorkedLocalesOnlyMixin, submit_translations.SubmitPageTranslationView
):
    pass


class SubmitSnippetTranslationView(
    WorkedLocalesOnlyMixin, submit_translations.SubmitSnippetTranslationView
):
    pass
