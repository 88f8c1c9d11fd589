from django import template
from django.urls import reverse
from django.utils import translation

from newsletter.forms import reader_edition
from newsletter.models import edition_choices

register = template.Library()


@register.inclusion_tag("newsletter/includes/signup_form.html")
def newsletter_signup_form(form_id):
    """The compact sign-up form, its edition preset to the page's language. On pages of a
    language that is not an edition (partners' originals), it posts to the first edition's
    sign-up, since there is none in that language."""
    edition = reader_edition()
    with translation.override(edition):
        action = reverse("newsletter:start")
    return {
        "form_id": form_id,
        "action": action,
        "newsletter_editions": edition_choices(),
        "newsletter_edition": edition,
    }
