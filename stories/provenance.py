"""How readers are told where a partner's story came from."""

from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

# Whole sentences, because languages decline the name ("Traduit du russe",
# "Traduit de l’arabe"). A language missing here falls back to the generic line.
TRANSLATED_FROM = {
    "en": gettext_lazy("Translated from English."),
    "fr": gettext_lazy("Translated from French."),
    "ru": gettext_lazy("Translated from Russian."),
    "uk": gettext_lazy("Translated from Ukrainian."),
    "de": gettext_lazy("Translated from German."),
    "pt": gettext_lazy("Translated from Portuguese."),
    "es": gettext_lazy("Translated from Spanish."),
    "it": gettext_lazy("Translated from Italian."),
    "pl": gettext_lazy("Translated from Polish."),
    "ar": gettext_lazy("Translated from Arabic."),
}


def translated_from(language_code):
    if language_code in TRANSLATED_FROM:
        return str(TRANSLATED_FROM[language_code])
    try:
        name = get_language_info(language_code)["name_translated"]
    except KeyError:
        return ""
    return _("Translated from %(language)s.") % {"language": name}
