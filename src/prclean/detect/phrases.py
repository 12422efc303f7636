"""The phrase detector: the vocabulary table of :mod:`prclean.vocabulary.chrome`, run cheaply.

Each rule is tried only on lines short enough for it and holding one of its trigger words, in
table order; the first rule that matches gives the verdict. Verdicts are cached by line text:
sites repeat the same menu and footer lines on every page.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..labels import Label, RuleName
from ..read.units import Page
from ..text import CJK, MATCH_TIMEOUT_S
from ..vocabulary.chrome import DIGIT, RULES, TRIGGER_PREFIX
from .verdict import Verdict, Verdicts

_GUARDED_LENGTH = 2000
"""Rules are bounded patterns: only lines longer than this need the costly regex time guard."""
_CACHE = 32768
"""Distinct lines whose verdict is remembered across pages."""
_MAX_RULE_WORDS = max(rule.max_words for rule in RULES)
_TOKEN = re.compile(r"\w+|©")  # the standard library's engine: faster for plain patterns on the hot path
_DIGIT = re.compile(r"\d")
_PLAN = tuple((rule.max_words, rule.pattern, Verdict(rule.label, rule.name, rule.anywhere, rule.terminal), rule.needs)
              for rule in RULES)
_ALL = list(range(len(RULES)))
_UNGATED = [i for i, rule in enumerate(RULES) if rule.triggers is None]
_BY_KEY: dict[str, list[int]] = {}
for _i, _rule in enumerate(RULES):
    for _key in _rule.triggers or ():
        _BY_KEY.setdefault(_key, []).append(_i)


def token_prefixes(text: str) -> set[str]:
    """The trigger keys of a line: the first characters of its words, and ``DIGIT`` if it holds one."""
    keys = {token[:TRIGGER_PREFIX] for token in _TOKEN.findall(text.casefold())}
    if _DIGIT.search(text):
        keys.add(DIGIT)
    return keys


def rules_for(keys: set[str] | None) -> list[int]:
    """Indexes (in table order) of the rules a line with these trigger keys could match; all for None."""
    if keys is None:
        return _ALL
    found = set(_UNGATED)
    for key in keys & _BY_KEY.keys():  # most of a line's words trigger nothing: the intersection is made in C
        found.update(_BY_KEY[key])
    return sorted(found)


@lru_cache(maxsize=_CACHE)
def phrase_verdict(text: str, words: int) -> Verdict | None:
    """The first rule of the table that matches this line, as a verdict."""
    # Without spaces between words (CJK) trigger words cannot be looked up, so every rule runs.
    keys = token_prefixes(text) if text.isascii() or not CJK.search(text) else None
    guarded = len(text) > _GUARDED_LENGTH
    ascii_text = text.isascii()
    folded = None
    try:
        for i in rules_for(keys):
            max_words, pattern, verdict, needs = _PLAN[i]
            if words > max_words:
                continue
            if needs and ascii_text:  # a slow pattern: first a cheap test that the line holds a piece every
                folded = text.lower() if folded is None else folded  # match holds (ASCII: case is all lower() does)
                if not any(piece in folded for piece in needs):
                    continue
            if pattern.search(text, timeout=MATCH_TIMEOUT_S) if guarded else pattern.search(text):
                return verdict
    except TimeoutError:
        return None  # a pathological line: no verdict rather than a stalled page
    return None


def phrases(page: Page, found: Verdicts) -> dict[int, Verdict]:
    """The named regexes of the vocabulary table, each limited to blocks of a plausible size."""
    out: dict[int, Verdict] = {}
    for u in page.units:
        if u.decoration or not u.text or u.words > _MAX_RULE_WORDS:
            continue
        verdict = phrase_verdict(u.text, u.words)
        if verdict is not None:
            out[u.index] = verdict
    return out


def rule_label(name: RuleName) -> Label:
    """The label a rule of the table gives."""
    return next(rule.label for rule in RULES if rule.name == name)
