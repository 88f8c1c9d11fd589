"""The lines of a result that show where the reader's words are, marked."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .languages import WORD, stem_words, stems

WORDS = 32  # a snippet's length in words: two lines on a phone, one and a half on a desk
BEFORE = 6  # words shown before the first match


def snippet(text, terms, language):
    """HTML: about WORDS words of `text` (a story's body) where most of the reader's words
    are, each match in <mark>; "" when it holds none (the card's headline or standfirst
    did, and shows them)."""
    return _cut(text, set(stems(terms, language)), language)


def _cut(text, wanted, language):
    tokens = list(WORD.finditer(text))
    found = stem_words([token.group() for token in tokens], language)
    matched = [i for i, stem in enumerate(found) if stem in wanted]
    if not matched:
        return ""

    def covered(first):
        return len({found[i] for i in matched if first <= i < first + WORDS})

    def start(i):  # a few words before the match, but a whole window when near the end
        return max(min(i - BEFORE, len(tokens) - WORDS), 0)

    first = start(max(matched, key=lambda i: (covered(start(i)), -i)))
    last = min(first + WORDS, len(tokens))
    marks = set(matched)
    html = ["…" if first else ""]
    for i in range(first, last):
        word = escape(tokens[i].group())
        html.append(f"<mark>{word}</mark>" if i in marks else word)
        if i + 1 < last:
            html.append(escape(text[tokens[i].end() : tokens[i + 1].start()]))
    html.append("…" if last < len(tokens) else escape(text[tokens[last - 1].end() :].strip()))
    return mark_safe("".join(html))  # every piece of the text is escaped above
