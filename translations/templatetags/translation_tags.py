from django import template
from wagtail.models import Page

from translations import editor, permissions
from translations.views import credits, guards
from translations.views.review import can_submit_for_review

register = template.Library()


@register.simple_tag(takes_context=True)
def desk_editor(context):
    """wagtail-localize's editor for the signed-in user, and what the translation memory
    holds (translations.editor); ?segments=to-do lists only what needs the translator."""
    request = context["request"]
    return editor.for_desk(
        context["props"],
        request.user,
        context["instance"],
        context["translation"],
        only_to_do=request.GET.get("segments") == "to-do",
    )


@register.simple_tag(takes_context=True)
def desk_footer(context, page):
    """What the desk's own footer of the translation editor offers the signed-in user, who
    submits translations for review rather than publishing them: `shown` (else they get
    wagtail-localize's footer, with "Publish"), `can_submit` and why not (`locked`)."""
    user = context["request"].user
    return {
        "shown": not permissions.may_publish(user, page),
        "can_submit": can_submit_for_review(page, user),
        "locked": permissions.review_lock(user, page) or "",
    }


@register.simple_tag(takes_context=True)
def versions_to_open(context, instance):
    """The other language versions of `instance` the signed-in user may work on."""
    user = context["request"].user
    versions = instance.get_translations().select_related("locale").order_by("locale_id")
    return [
        {"locale": version.locale, "url": guards.edit_url(version)}
        for version in versions
        if permissions.may_edit(user, version.specific if isinstance(version, Page) else version)
    ]


@register.simple_tag
def edition_fields_of(page):
    """The fields `page`, a translation, sets for itself (translations.views.credits)."""
    return credits.edition_fields(page)
