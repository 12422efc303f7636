"""Which units of a page are body: the gold text, aligned to the page's units by word 4-grams.

A unit's words are *covered* when they belong to a run of four words of the page's whole word
stream that the gold also has; the runs cross unit boundaries. That is what makes short units
come out right: a one-word subheading between two kept paragraphs is covered, because "... its
last words Heading first words ..." is in the gold, while the same word in a menu, among other
menu words, is not. A unit is body when at least :data:`BODY_COVERED` of its words are covered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_TOKEN = re.compile(r"\w+")
GRAM = 4
"""Words per shingle, as the benchmark scores extraction."""
BODY_COVERED = 0.5
"""A unit at least half of whose words the gold holds in context is body."""


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


def coverage(unit_texts: Sequence[str], gold: str) -> list[float]:
    """The covered share of each unit's words (0 for a unit without words)."""
    gold_tokens = tokens(gold)
    grams = {tuple(gold_tokens[i:i + GRAM]) for i in range(len(gold_tokens) - GRAM + 1)}
    stream: list[str] = []
    owner: list[int] = []
    for k, text in enumerate(unit_texts):
        words = tokens(text)
        stream.extend(words)
        owner.extend([k] * len(words))
    covered = [False] * len(stream)
    for i in range(len(stream) - GRAM + 1):
        if tuple(stream[i:i + GRAM]) in grams:
            covered[i:i + GRAM] = [True] * GRAM
    total = [0] * len(unit_texts)
    hit = [0] * len(unit_texts)
    for position, k in enumerate(owner):
        total[k] += 1
        hit[k] += covered[position]
    out = [h / t if t else 0.0 for h, t in zip(hit, total)]
    if 0 < len(gold_tokens) < GRAM:  # a gold of under four words: a unit that is exactly it
        short = " ".join(gold_tokens)
        out = [1.0 if " ".join(tokens(t)) == short else o for t, o in zip(unit_texts, out)]
    return out


def is_body(unit_texts: Sequence[str], gold: str) -> list[bool]:
    return [c >= BODY_COVERED for c in coverage(unit_texts, gold)]
