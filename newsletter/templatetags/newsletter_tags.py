from django import template

from newsletter.forms import reader_edition
from newsletter.models import edition_choices

register = template.Library()


@register.inclusion_tag("newsletter/includes/signup_form.html")
def newsletter_signup_form(form_id):
    """The compact sign-up form, its edition preset to the page's language."""
    return {
        "form_id": form_id,
        "newsletter_editions": edition_choices(),
        "newsletter_edition": reader_edition(),
    }
