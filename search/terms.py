"""What a reader typed into the search box, made safe for any search backend."""

from .languages import WORD

MAX_TERMS = 12
MAX_TERM_LENGTH = 40


def search_terms(query):
    """The first words of `query`, joined by spaces; "" when it has none. Operators, quotes,
    backslashes and control characters (NUL included) are dropped: full-text parsers treat
    them as syntax, and some raise on them."""
    words = WORD.findall(query[:5000])
    return " ".join(word[:MAX_TERM_LENGTH] for word in words[:MAX_TERMS])
