"""wagtail-localize's "Translate" forms, offering only the languages the user works in."""

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


class SubmitPageTranslationView(
    WorkedLocalesOnlyMixin, submit_translations.SubmitPageTranslationView
):
    pass


class SubmitSnippetTranslationView(
    WorkedLocalesOnlyMixin, submit_translations.SubmitSnippetTranslationView
):
    pass
