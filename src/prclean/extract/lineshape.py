"""What a headline candidate's words look like: length, punctuation, case, dates, links and separators.

These are the scorer's features that depend on a line's text alone, so they are computed once per
distinct text (a site's pages share their header lines) and kept apart from the features that read
the line's place on the page (:mod:`.headline`).
"""

from __future__ import annotations

import math
from functools import lru_cache

import regex

from ..text import WORD, count_words, lazy
from ..vocabulary.dates import DATE
from ..vocabulary.names import NAME_LINE
from .glued import CRUMB_SEP

SHORT_TOKEN = 3
"""Words this short (of, and, the) are not capitalised in Title Case."""
_LONG_WORDS = 15
"""Headlines run to about fifteen words; each further ten words count against a line."""
_SHAPE_CACHE = 16384
"""Distinct candidate lines whose text shape is remembered (a few dozen candidates a page)."""
_DATED = lazy(DATE, regex.IGNORECASE)
_YEAR = lazy(r"\d{4}", regex.IGNORECASE)
"""What :data:`_DATED` cannot match without, tested in a fraction of its time (same engine, same digits)."""
_URLISH = lazy(r"https?://|\bwww\.|\.(?:com|org|net|html?)\b", regex.IGNORECASE)
_PIPE = lazy(r"\s[|·»]\s")
_DASH = lazy(r"\s[–—-]\s")
_PIPE_MARKS = "|·»"
"""The characters :data:`_PIPE` sets between spaces; likewise for the dash and the breadcrumb."""
_DASH_MARKS = "–—-"
CRUMB_MARKS = ">»›→/\\"
_SENTENCE_BREAK = lazy(r"(?<=\p{Ll}{3}|\d)[.!?…][\"”»“]?\s+(?=[\"„“«]?\p{Lu})")


def text_shape(text: str) -> dict[str, float]:
    """What the words look like: length, punctuation, case, dates and links (a fresh dict: the caller adds
    to it)."""
    return _shape_of(text).copy()


@lru_cache(maxsize=_SHAPE_CACHE)
def _shape_of(text: str) -> dict[str, float]:
    """:func:`text_shape`, remembered: nine patterns a line, and a site's pages share their header lines.

    Never handed out: callers get copies. A separator pattern runs only on a line holding its mark
    (most lines hold none, and a substring test costs a tenth of a search).
    """
    tokens = WORD.findall(text)
    n = len(tokens) if text.isascii() else count_words(text)  # the same count: CJK pairs need non-ASCII text
    major = [t for t in tokens if len(t) > SHORT_TOKEN and t[0].isalpha()]
    return {
        "ends_period": float(text.endswith(".")), "ends_colon": float(text.endswith(":")),
        "ends_mark": float(text.endswith(("?", "!"))), "log_words": math.log1p(n),
        "few_words": float(n < 3), "long": max(0, n - _LONG_WORDS) / 10,
        "name_line": float(bool(NAME_LINE.match(text))),
        "title_case": sum(t[0].isupper() for t in major) / len(major) if major else 0.0,
        "all_caps": float(bool(major) and all(t.isupper() for t in major)),
        "dated": _date_share(text), "urlish": float(bool(_URLISH.search(text))),
        "pipe": float(marked(text, _PIPE_MARKS) and bool(_PIPE.search(text))),
        "dash": float(marked(text, _DASH_MARKS) and bool(_DASH.search(text))),
        "crumbs": float(marked(text, CRUMB_MARKS) and bool(CRUMB_SEP.search(text))),
        "brackets": float("[" in text or "]" in text),
        "sentences": float(_SENTENCE_BREAK.search(text) is not None),
    }


def marked(text: str, marks: str) -> bool:
    """Does the line hold one of a separator pattern's marks (which the pattern cannot match without)?"""
    return any(m in text for m in marks)


def _date_share(text: str) -> float:
    """How much of the line a date takes: all of a date line, little of a headline that names a day."""
    if not _YEAR.search(text):
        return 0.0  # every date format writes a four-digit year: most lines are out with no pattern run
    found = _DATED.search(text)
    return (found.end() - found.start()) / len(text) if found else 0.0
