"""How words are matched in each language of the magazine.

A story is searched in its page's language: its words and the reader's are reduced to the
same stems ("élections", "elections" and "élection" to one) by that language's Snowball
stemmer, after lower-casing and folding accents, so a reader who types without accents
finds the accented word. PostgreSQL does this with a text search configuration per
language (`meridian_<code>`: its Snowball dictionary after `unaccent`, made by
`search.setup`); the SQLite set-up does it in Python, with PyStemmer's stemmers of the
same algorithms (Snowball's own C code). A language with no stemmer on an engine is matched word
for word there, accents still folded: Ukrainian on both, Polish on PostgreSQL (Snowball's
Polish stemmer is newer than PostgreSQL's dictionaries).
"""

import functools
import re
import unicodedata

import Stemmer
from django.utils.translation import get_language_info

WORD = re.compile(r"[^\W_]+")  # letters and digits of any script


def base_language(code):
    return code.split("-")[0].lower()


def snowball_name(code):
    """The Snowball algorithm for language `code` ("french"), or None. Django names every
    language it knows in English; Snowball's algorithms are named the same way."""
    try:
        name = get_language_info(base_language(code))["name"].lower()
    except KeyError:
        return None
    return name if name in Stemmer.algorithms() else None


def pg_config(code):
    """The PostgreSQL text search configuration that search.setup makes for `code`."""
    return f"meridian_{base_language(code).replace('-', '_')}"


def fold(word):
    """`word` lower-cased without its accents, as PostgreSQL's unaccent leaves it for the
    letters our languages use ("Élection" -> "election", "ёлка" -> "елка")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache
def _stemmer(code):
    name = snowball_name(code)
    return Stemmer.Stemmer(name) if name else None


def stems(text, code):
    """The stems of the words of `text` in language `code`, in order."""
    return stem_words(WORD.findall(text), code)


def stem_words(words, code):
    folded = [fold(word) for word in words]
    stemmer = _stemmer(base_language(code))
    return stemmer.stemWords(folded) if stemmer else folded
