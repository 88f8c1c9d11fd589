"""The image library's form, saying what a picture's description is for."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            # Wagtail's field has no help text; it is what screen readers read out.
            self.fields["description"].help_text = _(
                "What the picture shows, for readers who cannot see it: screen readers read "
                "it out, e.g. “The empty pier at Varensk, a week after the last crossing”. "
                "A story cannot go to review or live with a picture that has none."
            )
