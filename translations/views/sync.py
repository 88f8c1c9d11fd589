"""Syncing translations with their original, behind the review gate.

wagtail-localize's "Sync translated pages" updates every translation of the original, in
every language, and offers anyone who may translate a box to publish them all at once.
Here it updates the translations the user may work on and leaves the others to their own
desks; it publishes only for those who may publish every one of them, and otherwise saves
each as a draft revision (operations.save_draft) that the translator submits for review.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView

from ..machine_translation import machine_translate
from ..operations import publish_translation, save_draft
from ..permissions import may_edit, may_publish, review_lock
from ..slugs import follow_headline
from .guards import edit_url, target_of


class SyncTranslationsView(UpdateTranslationsView):
    template_name = "translations/admin/sync.html"
    title = gettext_lazy("Sync translations")

    @cached_property
    def translations(self):
        """(mine, others): the enabled translations this user syncs, and the rest with why."""
        mine, others = [], []
        user = self.request.user
        for translation in self.object.translations.filter(enabled=True).select_related(
            "target_locale"
        ):
            target = target_of(translation)
            row = {
                "translation": translation,
                "target": target,
                "locale": translation.target_locale,
                "title": str(target),
            }
            if not may_edit(user, target):
                others.append({**row, "reason": _("another desk's edition")})
            elif lock := review_lock(user, target):
                others.append({**row, "reason": lock})
            else:
                mine.append({**row, "edit_url": edit_url(target)})
        return mine, others

    @cached_property
    def may_publish(self):
        mine, _others = self.translations
        return all(may_publish(self.request.user, row["target"]) for row in mine)

    def get_form(self):
        form = super().get_form()
        if not self.may_publish:
            del form.fields["publish_translations"]
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["mine"], context["others"] = self.translations
        return context

    def post(self, request, *args, **kwargs):
        if not self.translations[0]:
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    @transaction.atomic
    def form_valid(self, form):
        user = self.request.user
        mine, _others = self.translations
        publish = bool(form.cleaned_data.get("publish_translations")) and self.may_publish
        self.object.update_from_db()
        saved = []
        for row in mine:
            translation = row["translation"]
            if form.cleaned_data.get("use_machine_translation"):
                machine_translate(translation, user)
                follow_headline(translation)
            try:
                if publish:
                    publish_translation(translation, user=user)
                elif isinstance(row["target"], Page):
                    save_draft(translation, user=user)
                # A snippet has no drafts: its translation is saved from its own editor.
            except ValidationError as error:
                messages.error(
                    self.request,
                    _("%(language)s was not synced: %(errors)s")
                    % {
                        "language": row["locale"].get_display_name(),
                        "errors": " ".join(error.messages),
                    },
                )
            else:
                saved.append(row)
        self.components.save(
            self.object,
            sources_and_translations={self.object: [row["translation"] for row in mine]},
        )
        if not saved:
            return redirect(self.request.get_full_path())
        languages = ", ".join(str(row["locale"].get_display_name()) for row in saved)
        if publish:
            messages.success(
                self.request,
                _("“%(title)s” was synced and published in %(languages)s.")
                % {"title": self.object.object_repr, "languages": languages},
            )
            return redirect(self.get_success_url() or self.get_default_success_url())
        messages.success(
            self.request,
            _(
                "“%(title)s” was synced in %(languages)s. Translate what changed, then "
                "submit the translation for review."
            )
            % {"title": self.object.object_repr, "languages": languages},
        )
        if len(saved) == 1:
            # The translator's next step: the segments that changed.
            return redirect(saved[0]["edit_url"])
        return redirect(self.get_success_url() or self.get_default_success_url())
