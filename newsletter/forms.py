from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import Subscriber, edition_choices


def reader_edition():
    """The edition of the page the reader is on, else the first edition."""
    language = translation.get_language()
    return language if language in settings.EDITION_LANGUAGES else settings.EDITION_LANGUAGES[0]


class SignupForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    edition = forms.ChoiceField(label=_("Edition"), choices=edition_choices)
    # A field people never see: bots that fill every field give themselves away.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def __init__(self, *args, prefix_id="newsletter", **kwargs):
        kwargs.setdefault("initial", {"edition": reader_edition()})
        kwargs.setdefault("auto_id", f"{prefix_id}-%s")
        super().__init__(*args, **kwargs)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    @property
    def is_bot(self):
        return bool(self.cleaned_data.get("website"))


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = Subscriber
        fields = ["edition"]
