"""Headlines glued to other text in one line, and the markdown ``#`` a plain reading left on one.

A text dump runs together what the HTML set inline: ``<h1>Headline <small>deck</small></h1>`` or
a centred ``<b>headline</b> <span>deck</span>`` becomes one paragraph, "Headline Deck words ...".
The headline is cut off its front when the page itself names it elsewhere (a breadcrumb's last
item, the page's title, another line), or when the line turns from a Title Case headline to a
sentence-case deck at a word written twice ("... with Salesforce Salesforce Customer Success
Platform helps ..."), the seam a headline ending and a deck starting with the same name leaves.
A cut is always the line's own characters: the title is made of input text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..read.units import Unit
from ..text import WORD, count_words, lazy, norm

TITLE_SEP = lazy(r"\s+[|–—·»:-]\s+")
"""Where a page title appends the site's name: "Headline | Site"."""
CRUMB_SEP = lazy(r"\s+(?:>|»|›|→|/|\\)\s+")
"""Between a breadcrumb's items: "Home > Newsroom > Headline"."""
_HASHES = lazy(r"^#{1,6}\s+(?=\S)")
_MIN_ANCHOR_WORDS = 4
"""A text naming a glued headline has a headline's length, not a word or two a menu shares."""
_MIN_REST_WORDS = 4
"""What follows a cut headline is a deck or a sentence, not a stray word."""
_MIN_HEAD_WORDS = 4
"""A Title Case headline before the seam has a few words..."""
_MAX_HEAD_WORDS = 30
"""...and not more than a long headline has."""
_MAX_GLUED_WORDS = 90
"""A headline and a deck run together are a few dozen words; a longer unit is a paragraph."""
_MIN_DECK_WORDS = 6
"""A sentence-case deck after the seam has a few more."""
_SHORT_TOKEN = 3
"""Words this short (of, and, the) are not capitalised in Title Case."""
_TITLE_CASE = 0.75
"""Most longer words of a Title Case headline are capitalised."""
_SENTENCE_CASE = 0.4
"""A good share of a sentence-case deck's longer words are not."""


@dataclass(frozen=True, slots=True)
class Part:
    """A headline cut off the front of a line, and the rest of the line."""

    head: str
    rest: str


def hash_heading(u: Unit) -> str:
    """A unit's text without the markdown ``#`` a dump not read as markdown left before its heading.

    Only at the line's start: lynx marks nested list items with an indented ``#``.
    """
    if u.heading or u.indent or not u.text.startswith("#"):
        return u.text
    m = _HASHES.match(u.text)
    return u.text[m.end():] if m else u.text


def glued_parts(u: Unit, anchors: Mapping[str, int]) -> list[Part]:
    """The headlines glued to the front of this unit's text, if any."""
    if not _MIN_ANCHOR_WORDS + _MIN_REST_WORDS <= u.words <= _MAX_GLUED_WORDS:
        return []
    parts = [p for p in (_anchored(u, anchors), _doubled_seam(u.text)) if p is not None]
    return list({p.head: p for p in parts}.values())


def _anchored(u: Unit, anchors: Mapping[str, int]) -> Part | None:
    """The longest text named elsewhere on the page that this line starts with, cut off its front."""
    text = u.text
    folded = text.casefold()
    if len(folded) != len(text):  # casefolding changed the length: offsets would not map back
        return None
    key = norm(text)
    best = max((a for a, src in anchors.items() if src != u.index and len(a) < len(key)
                and key.startswith(a + " ") and count_words(a) >= _MIN_ANCHOR_WORDS), key=len, default=None)
    if best is None:
        return None
    head, rest = text[:len(best)].rstrip(), text[len(best):].strip()
    if not rest[:1].isalnum() or count_words(rest) < _MIN_REST_WORDS:
        return None  # "Headline – more of it" or "Headline: more" is one headline, not a glued deck
    return Part(head, rest)


def _doubled_seam(text: str) -> Part | None:
    """A Title Case headline and a sentence-case deck that starts with the headline's last word."""
    tokens = text.split(" ")
    for j in range(_MIN_HEAD_WORDS - 1, min(_MAX_HEAD_WORDS, len(tokens) - _MIN_DECK_WORDS)):
        word = tokens[j]
        if word != tokens[j + 1] or not word[:1].isupper() or not word.isalpha():
            continue
        head, rest = " ".join(tokens[:j + 1]), " ".join(tokens[j + 1:])
        if _capitalised(head) >= _TITLE_CASE and 1 - _capitalised(rest) >= _SENTENCE_CASE:
            return Part(head, rest)
    return None


def _capitalised(text: str) -> float:
    """Share of longer words written with a capital."""
    major = [t for t in WORD.findall(text) if len(t) > _SHORT_TOKEN and t[0].isalpha()]
    return sum(t[0].isupper() for t in major) / len(major) if major else 0.0
