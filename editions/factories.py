"""Factories for the editions' languages (tests only: factory_boy is a dev dependency)."""

from factory.django import DjangoModelFactory
from wagtail.models import Locale


class LocaleFactory(DjangoModelFactory):
    language_code = "en"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)
