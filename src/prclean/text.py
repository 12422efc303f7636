"""Text primitives every stage shares: words, scripts written without spaces, invisible marks.

One definition of "a word" keeps counts comparable across stages: a line the segmenter calls
eight words is eight words to the detectors and to the header too.
"""

from __future__ import annotations

import re
from itertools import pairwise

import regex

WORD = re.compile(r"\w+")  # the standard library's engine is faster than regex's for this pattern
CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
INVISIBLE = regex.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
"""Characters that show nothing: soft hyphens, zero-width marks, and the bidi marks that wrap RTL paragraphs."""
CJK_CHARS_PER_WORD = 2
"""Chinese and Japanese words average about two characters, so two of them count as a word."""
_ASCII_WORD_BYTES = bytes(ord("a") if WORD.fullmatch(chr(b)) else ord(" ") for b in range(128)) + b" " * 128
"""ASCII characters mapped to "a" when ``WORD`` (one character class, repeated) matches them, else to a space."""


def count_words(text: str) -> int:
    """Word count; CJK text has no spaces, so its characters are counted in pairs.

    On ASCII text (most lines) a word, a run of the characters ``WORD`` matches, is where an "a"
    follows a space once the bytes are mapped through :data:`_ASCII_WORD_BYTES`: counted without
    making a string per word, four times faster than the pattern.
    """
    if text.isascii():
        mapped = text.encode("ascii").translate(_ASCII_WORD_BYTES)
        return mapped.count(b" a") + mapped.startswith(b"a")
    return len(WORD.findall(text)) + len(CJK.findall(text)) // CJK_CHARS_PER_WORD


def norm(text: str) -> str:
    """Case- and whitespace-insensitive form of a line, for comparing lines."""
    return " ".join(text.casefold().split())


def word_set(text: str) -> set[str]:
    """The words of ``text``, or its character pairs for scripts written without spaces."""
    if CJK.search(text):
        chars = [c for c in text if not c.isspace()]
        return {a + b for a, b in pairwise(chars)}
    return set(WORD.findall(text))


_MARKED_WORD = regex.compile(r"\w+")  # also takes combining marks (an emoji's variation selector) as word characters


def trigrams(text: str) -> set[tuple[str, ...]]:
    """Case-folded word trigrams: matching prose that another tool re-spaced or re-quoted.

    Tokenised with ``regex``'s wider word class, as when the main-content matching was tuned;
    :data:`WORD` would drop the marks and match a few more lines (measured: 1 page in 1,126).
    """
    words = _MARKED_WORD.findall(text.casefold())
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


MATCH_TIMEOUT_S = 0.05
"""A pattern that runs longer than this on one block is treated as no match: odd pages must not
stall the pipeline through back-tracking (a real line matches in microseconds)."""


def search(pattern: regex.Pattern[str], text: str) -> regex.Match[str] | None:
    """``pattern.search`` under :data:`MATCH_TIMEOUT_S`: a runaway match counts as no match."""
    try:
        return pattern.search(text, timeout=MATCH_TIMEOUT_S)
    except TimeoutError:
        return None


class LazyPattern:
    """A regex compiled on first use: prclean holds hundreds of patterns, and a program that imports
    it to clean one kind of page should not pay to compile them all (import time is start-up time).

    On first use the pattern's methods are bound into the instance, so later calls cost what a
    compiled pattern's calls cost.
    """

    __slots__ = (
        "_flags",
        "_source",
        "findall",
        "finditer",
        "fullmatch",
        "match",
        "pattern",
        "search",
        "split",
        "sub",
        "subn",
    )
    _METHODS = ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer", "pattern")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags = source, flags

    def __getattr__(self, name: str) -> object:
        compiled = regex.compile(self._source, self._flags)
        for method in self._METHODS:
            object.__setattr__(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def lazy(source: str, flags: int = 0) -> regex.Pattern[str]:
    """A pattern compiled when first used; typed as the pattern it stands for."""
    return LazyPattern(source, flags)  # type: ignore[return-value]
