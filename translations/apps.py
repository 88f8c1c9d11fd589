from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = "Translations"

    def ready(self):
        from wagtail_localize import operations

        from .operations import KeepExistingTranslationsCreator

        # translate_object and translate_page_subtree (the admin's Translate action)
        # look the class up here at call time.
        operations.TranslationCreator = KeepExistingTranslationsCreator
