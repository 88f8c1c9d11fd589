from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"

    def ready(self):
        from wagtail_localize import operations

        from . import pictures  # noqa: F401 -- renditions made when pictures are saved
        from .translation import KeepExistingTranslationsCreator

        # translate_object and translate_page_subtree (the admin's Translate action)
        # look the class up here at call time.
        operations.TranslationCreator = KeepExistingTranslationsCreator
