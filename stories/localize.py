"""How wagtail-localize treats our fields, beyond its own two kinds (translated, synced)."""

from wagtail_localize.fields import BaseTranslatableField


class PerEditionField(BaseTranslatableField):
    """A field each language version sets for itself, which translation neither extracts
    nor copies: the translator's credit names whoever translated that version, not the
    original's translator (wagtail-localize would copy it, or send the name to a machine).
    A new translation starts with it empty (the page's exclude_fields_in_copy); translators
    set it beside the segments (translations.views.credits)."""

    def __repr__(self):
        return f"<PerEditionField {self.field_name}>"


def per_edition_fields(model):
    return [
        field.field_name
        for field in getattr(model, "override_translatable_fields", [])
        if isinstance(field, PerEditionField)
    ]
