from django import template

from translations.views.review import can_submit_for_review as _can_submit_for_review

register = template.Library()


@register.simple_tag(takes_context=True)
def can_submit_for_review(context, page):
    return _can_submit_for_review(page, context["request"].user)
