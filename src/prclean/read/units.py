"""What reading a page produces: units of text, the page's facts about itself, and its main content.

Both input kinds end here: an HTML page and a text dump of it become the same kind of units, so
every later stage serves both. Everything is frozen: later stages read it and never write it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from ..labels import Kind, Label
from ..text import count_words, lazy

_ENDERS = '.!?。！？:;…"”»“)'
"""Characters that close a sentence, or a quote or bracket after one."""
_SENTENCE_END = lazy(rf"[{_ENDERS}]\s*$")
_SENTENCE_TAIL = 8
"""Closing punctuation sits in a line's last few characters (after a quote or a bracket at most)."""
_FEATURE_CACHE = 65536
"""Distinct lines whose features are remembered: menus and footers repeat across a site's pages."""
SHORT_WORDS = 6
"""A menu item, a tab or a tag is at most six words; a heading or a sentence is longer."""
@lru_cache(maxsize=_FEATURE_CACHE)
def text_features(text: str) -> tuple[int, bool]:
    """Word count and sentence ending of a line, computed once per distinct line (pages repeat theirs).

    A line ending in closing punctuation ends a sentence, and one ending in a letter or digit (never
    white space) does not: only the other endings need the pattern.
    """
    last = text[-1:]
    if last and last in _ENDERS:
        ends = True
    elif last.isalnum():
        ends = False
    else:
        ends = bool(_SENTENCE_END.search(text[-_SENTENCE_TAIL:]))
    return count_words(text), ends


class Unit(NamedTuple):
    """A paragraph-level piece of the page (a paragraph, heading, list item or table row).

    ``lines`` gives the input line span (text input) or the element order (HTML);
    ``blank_before`` the blank lines above it (HTML: 0 when a ``<br>`` glued it to the line above);
    ``link_chars`` how many of its characters are link text; ``container`` the chrome label its
    HTML containers name (``<nav>``, ``class="social-share"``), evidence for the detectors.
    ``kind`` is its structure: a heading (``level`` 1-6), a list item (``level`` its nesting,
    ``ordered`` in a numbered list), a table row (its ``cells``), a quote, or a paragraph; ``marker``
    the list marker a text dump wrote before it ("-", "•", "1."), which is not part of ``text``.
    ``words`` and ``ends_sentence`` are read off the text once (:meth:`of` computes them).

    A named tuple: pages have tens of thousands of units, and a tuple is made five times faster
    than a frozen dataclass.
    """

    index: int  # type: ignore[assignment]  # shadows tuple.index, which units never use
    text: str
    lines: tuple[int, int]
    words: int
    ends_sentence: bool
    bullet: bool = False
    indent: int = 0
    blank_before: int = 0
    link_chars: int = 0
    heading: bool = False
    decoration: bool = False
    container: Label | None = None
    kind: Kind = Kind.PARAGRAPH
    level: int = 0
    ordered: bool = False
    cells: tuple[str, ...] = ()
    marker: str = ""

    @classmethod
    def of(cls, index: int, text: str, lines: tuple[int, int], **rest: Any) -> Unit:
        """A unit of this text, its word count and sentence ending read off it."""
        words, ends = text_features(text)
        return cls(index, text, lines, words, ends, **rest)

    @property
    def short(self) -> bool:
        """A menu-like unit: a few words, no sentence ending."""
        return self.words <= SHORT_WORDS and not self.ends_sentence

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


@dataclass(frozen=True, slots=True)
class PageFacts:
    """What an HTML page says about itself outside its text: JSON-LD, meta tags, links, logos.

    Values are kept raw and in the page's order of specificity; the describe stage decides what
    each is evidence of. Dates are ``(source, text)`` pairs, so the source can be reported.
    """

    canonical: str | None = None
    canonical_source: str | None = None
    headline: str | None = None
    og_title: str | None = None
    page_title: str | None = None
    dates: tuple[tuple[str, str], ...] = ()
    author: str | None = None
    author_source: str | None = None
    publisher: str | None = None
    site_name: str | None = None
    home_links: tuple[str, ...] = ()
    logos: tuple[str, ...] = ()

    @property
    def titles(self) -> tuple[str, ...]:
        """The page's names for its headline, most specific first: JSON-LD, og:title, <title>."""
        return tuple(t for t in (self.headline, self.og_title, self.page_title) if t)


@dataclass(frozen=True, slots=True)
class MainContent:
    """The units the page's layout marks as its main content, and where that knowledge came from.

    ``source`` is ``profile:<name>`` for a wire's or host's body container, ``trafilatura`` for a
    generic main-content reading.
    """

    units: frozenset[int]
    source: str


@dataclass(frozen=True, slots=True)
class Page:
    """A page as read: its units, what it says about itself, and the layout's evidence (HTML only)."""

    units: tuple[Unit, ...]
    kind: str
    facts: PageFacts = PageFacts()
    main: MainContent | None = None
    layout_wire: str | None = None


def paragraphs(kept: Sequence[Unit]) -> tuple[tuple[Unit, ...], ...]:
    """Kept units grouped as the page groups them: lines written without a blank between them
    (contact cards, list items) make one paragraph."""
    paras: list[list[Unit]] = []
    prev: Unit | None = None
    for u in kept:
        if prev is not None and u.blank_before == 0 and u.index == prev.index + 1:
            paras[-1].append(u)
        else:
            paras.append([u])
        prev = u
    return tuple(tuple(p) for p in paras)
