"""The language of the release body, from its script or its commonest function words."""

from __future__ import annotations

from collections import Counter

from ..text import lazy
from ..vocabulary.languages import SCRIPT_LANGUAGES, STOPWORDS
from .sources import Evidence, Found, Source

_SCRIPTS = tuple((lang, lazy(p)) for lang, p in SCRIPT_LANGUAGES)
_NON_LETTER = lazy(r"\P{L}+")
_LETTERS = lazy(r"\p{L}+")
_SAMPLE = 6000
"""The body's first characters are enough to tell its language."""
_MIN_LETTERS = 20
"""Fewer letters than this say nothing about a language."""
_SCRIPT_SHARE = 0.15
"""A script that writes 15% of the letters is the text's (Japanese mixes kana with Han and Latin)."""
_MIN_STOPWORDS = 2
"""Two function words of one language decide; one may be a name or a loan."""


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text, from its script and its commonest function words."""
    sample = text[:_SAMPLE]
    letters = len(_NON_LETTER.sub("", sample))
    if letters < _MIN_LETTERS:
        return None
    if not sample.isascii():
        for lang, pattern in _SCRIPTS:
            if len(pattern.findall(sample)) > letters * _SCRIPT_SHARE:
                return lang
    words = Counter(_LETTERS.findall(sample.casefold()))
    scores = {lang: sum(words[w] for w in stops) for lang, stops in STOPWORDS.items()}
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    return lang if best >= _MIN_STOPWORDS else None


def _body_language(ev: Evidence, found: Found) -> str | None:
    return detect_language(" ".join(ev.paragraphs))


LANGUAGE = (Source("body-text", _body_language),)
