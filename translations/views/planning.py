"""Who translates what, by when: translators claim a story on the desk (and give it back);
editors and moderators assign it and set a deadline."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.models import Locale

from newsroom.groups import translators_group_name
from stories.models import StoryPage

from .. import desk
from ..models import Assignment
from ..permissions import DESK_PERMISSION, editions_worked_by


def story_and_edition(request, page_id, language_code):
    if not request.user.has_perm(DESK_PERMISSION):
        raise PermissionDenied
    story = get_object_or_404(desk.originals(StoryPage.objects.live()), pk=page_id)
    locale = get_object_or_404(Locale, language_code=language_code)
    if locale.pk == story.locale_id:
        raise PermissionDenied
    return story, locale


def back(request):
    return redirect(get_valid_next_url_from_request(request) or reverse("translation_desk"))


@require_POST
def claim(request, page_id, language_code):
    """Take the translation on (or give it back, with action=release)."""
    story, locale = story_and_edition(request, page_id, language_code)
    if locale not in editions_worked_by(request.user):
        raise PermissionDenied
    assignment, _created = Assignment.objects.get_or_create(original=story, locale=locale)
    language = locale.get_display_name()
    if request.POST.get("action") == "release":
        if assignment.assignee_id == request.user.pk:
            assignment.assignee = None
            assignment.save(update_fields=["assignee", "updated_at"])
            messages.success(
                request,
                _("You gave back “%(title)s” (%(language)s).")
                % {"title": story.title, "language": language},
            )
        return back(request)
    if assignment.assignee_id not in (None, request.user.pk):
        messages.error(
            request,
            _("“%(title)s” (%(language)s) is already %(name)s's: ask the desk to reassign it.")
            % {
                "title": story.title,
                "language": language,
                "name": assignment.assignee.get_full_name() or assignment.assignee.get_username(),
            },
        )
        return back(request)
    assignment.assignee = request.user
    assignment.save(update_fields=["assignee", "updated_at"])
    messages.success(
        request,
        _("“%(title)s” (%(language)s) is yours.") % {"title": story.title, "language": language},
    )
    return back(request)


class AssignmentForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ["assignee", "deadline"]
        widgets = {"deadline": AdminDateTimeInput}

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        # Whoever may translate into this edition: its translators, the editors and
        # moderators, and administrators.
        groups = [translators_group_name(locale.language_code), "Editors", "Moderators"]
        self.fields["assignee"].queryset = (
            get_user_model()
            .objects.filter(Q(groups__name__in=groups) | Q(is_superuser=True), is_active=True)
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        self.fields["assignee"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )
        self.fields["assignee"].empty_label = gettext_lazy("Nobody yet")


def plan(request, page_id, language_code):
    story, locale = story_and_edition(request, page_id, language_code)
    if not request.user.has_perm("translations.change_assignment"):
        raise PermissionDenied
    assignment = Assignment.objects.filter(original=story, locale=locale).first()
    assignment = assignment or Assignment(original=story, locale=locale)
    form = AssignmentForm(request.POST or None, instance=assignment, locale=locale)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request,
            _("The plan for “%(title)s” (%(language)s) is saved.")
            % {"title": story.title, "language": locale.get_display_name()},
        )
        return back(request)
    return TemplateResponse(
        request,
        "translations/admin/plan.html",
        {
            "story": story,
            "locale": locale,
            "form": form,
            "next_url": get_valid_next_url_from_request(request),
        },
    )
