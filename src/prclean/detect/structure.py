"""Detectors that read shape rather than phrases: runs of short items, repetition, link density, scripts.

Each returns ``{unit index: Verdict}`` for the units it recognises, in the manner of datatrove's
filters: a label and the reason. Detectors only label; deciding what the body is happens in
:mod:`prclean.extract`, which weighs these verdicts against the prose evidence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import regex

from ..labels import Label, RuleName
from ..read.units import SHORT_WORDS, Page, Unit
from ..text import WORD, lazy
from ..vocabulary.languages import LANGUAGE_NAME, LANGUAGE_WORD, SELECTOR_SCRIPTS
from ..vocabulary.layout import TEASER_HINT, TRUNCATED
from .verdict import Verdict, Verdicts

_LANGUAGE_NAME = lazy(LANGUAGE_NAME, regex.IGNORECASE)
_LANGUAGE_WORD = lazy(LANGUAGE_WORD, regex.IGNORECASE)
_NON_LETTERS = lazy(r"[\W\d_]+")
_SCRIPTS = tuple((name, lazy(rf"\p{{{name}}}")) for name in SELECTOR_SCRIPTS)
_SCRIPT = lazy("|".join(rf"\p{{{name}}}" for name in (*SELECTOR_SCRIPTS, "Han", "Hiragana", "Katakana")))
_URL_ONLY = lazy(r"^(?:https?://|www\.)\S+$")

MIN_RUN = 3
"""Three short items in a row make a list of links; two may be a heading and a byline."""
_LANGUAGE_ITEM_WORDS = 6
"""A language selector's item is a name or two ("Deutsch", "USA - English")."""
_MIN_SCRIPTS = 3
"""A run of items in three scripts is a language selector: no release's own list mixes three."""
_LANGUAGE_LINE_WORDS = (3, 30)
"""A one-line selector names three or more languages and is no paragraph."""
_MIN_LANGUAGE_NAMES = 3
_LANGUAGE_SHARE = 0.5
"""...and language names make at least half of its letters."""
_BULLET_SHARE = 0.5
"""A run is a bulleted list (of links) when half its items are bullets or mostly link text."""
_LINK_ITEM = 0.5
"""An item that is more than half link text counts as a link item."""
_TEASER_TAIL = 24
"""Characters at a line's end where a teaser's ellipsis or "Read more" sits."""
_TEASER_MAX_WORDS = 60
"""A teaser is a paragraph's opening, not a whole long paragraph."""
_DOUBLED_WORDS = (6, 60)
"""Lines checked for saying the same thing twice (an alt text beside its image's title)."""
_MIN_REPEAT, _REPEAT_SHARE = 4, 4
"""The repeated part is at least four words, and a quarter of the line: more than a stock phrase."""
_LINK_DENSE, _LINK_DENSE_WORDS = 0.6, 15
"""Mostly link text (over 60%) in a line of 15 words or fewer: a link, not prose with a link in it."""
_REPEATED_WORDS = 12
"""Repeated lines this short are menus, tabs and teasers rendered twice; longer repeats are quotes."""
_TEXT_CACHE = 65536
"""Distinct short lines and line tails whose pattern tests are remembered: menus and teasers repeat."""

# One verdict object per rule, shared by every unit it names: verdicts are frozen, and making one per unit
# was a tenth of detection on a page of repeated lines.
_NO_TEXT = Verdict(Label.DECORATION, RuleName.NO_TEXT, anywhere=True)
_LANGUAGE_NAME_V = Verdict(Label.LANGUAGE_LIST, RuleName.LANGUAGE_NAME)
_MIXED_SCRIPTS = Verdict(Label.LANGUAGE_LIST, RuleName.MIXED_SCRIPTS)
_LANGUAGE_LINE = Verdict(Label.LANGUAGE_LIST, RuleName.LANGUAGE_LINE)
_TEASER = Verdict(Label.RELATED, RuleName.TRUNCATED_TEASER)
_DOUBLED = Verdict(Label.CAPTION, RuleName.DOUBLED_ALT_TEXT, anywhere=True)
_REPEATED = Verdict(Label.MENU, RuleName.REPEATED)
_LINK_DENSE_V = Verdict(Label.MENU, RuleName.LINK_DENSE)
_AFTER_CREDIT = Verdict(Label.CAPTION, RuleName.CAPTION_AFTER_CREDIT, anywhere=True)
_BULLET_RUN = Verdict(Label.MENU, RuleName.BULLET_RUN)
_SHORT_RUN = Verdict(Label.MENU, RuleName.SHORT_RUN)


def decoration(page: Page, found: Verdicts) -> dict[int, Verdict]:
    """Image alt tokens (``[fb_share]``), rules, form fields: units with no words to keep."""
    return {u.index: _NO_TEXT for u in page.units if u.decoration}


def language_list(page: Page, found: Verdicts) -> dict[int, Verdict]:
    """Language and country-site selectors.

    Evidence: the item names a language ("Deutsch", "USA - English"), or it sits in a run of
    short items written in three or more scripts, which no release's own list does.
    """
    out = {u.index: _LANGUAGE_NAME_V for u in page.units
           if u.words <= _LANGUAGE_ITEM_WORDS and _names_language(u.text)}
    for run in short_runs(page.units, MIN_RUN):
        scripts = {_script_of(text) for text in {u.text for u in run}} - {""}
        if len(scripts) >= _MIN_SCRIPTS:
            out.update(dict.fromkeys((u.index for u in run), _MIXED_SCRIPTS))
    return out


def language_line(page: Page, found: Verdicts) -> dict[int, Verdict]:
    """A selector rendered on one line: "English Deutsch Français 日本語"."""
    out: dict[int, Verdict] = {}
    low, high = _LANGUAGE_LINE_WORDS
    for u in page.units:
        if low <= u.words <= high and u.text[-1] not in ".!?" and _names_languages(u.text):  # a selector is no sentence
            out[u.index] = _LANGUAGE_LINE
    return out


@lru_cache(maxsize=_TEXT_CACHE)
def _names_languages(text: str) -> bool:
    """Do language names make most of this line's letters?"""
    names = {m.casefold() for m in _LANGUAGE_WORD.findall(text)}
    letters = len(_NON_LETTERS.sub("", text))
    return len(names) >= _MIN_LANGUAGE_NAMES and sum(len(n) for n in names) >= _LANGUAGE_SHARE * letters


def truncated_teaser(page: Page, found: Verdicts) -> dict[int, Verdict]:
    """A paragraph cut off with an ellipsis is a teaser linking to another page, not text of this one."""
    out: dict[int, Verdict] = {}
    for u in page.units:
        if u.words <= _TEASER_MAX_WORDS and _teaser_tail(u.text[-_TEASER_TAIL:]):
            out[u.index] = _TEASER
    return out


@lru_cache(maxsize=_TEXT_CACHE)
def _names_language(text: str) -> bool:
    return bool(_LANGUAGE_NAME.match(text))


@lru_cache(maxsize=_TEXT_CACHE)
def _teaser_tail(tail: str) -> bool:
    """Does a line's tail end the way a teaser does ("...", "Read more »")?"""
    folded = tail.casefold()
    return bool(TEASER_HINT.search(folded) and TRUNCATED.search(folded))


def doubled_text(page: Page, found: Verdicts) -> dict[int, Verdict]:
    """A line that says the same thing twice in a row is an image's alt text next to its title."""
    out: dict[int, Verdict] = {}
    low, high = _DOUBLED_WORDS
    for u in page.units:
        if not low <= u.words <= high:
            continue
        tokens = WORD.findall(u.text.casefold())
        k = max(_MIN_REPEAT, len(tokens) // _REPEAT_SHARE)
        tail = tokens[-k:]
        if any(tokens[i:i + k] == tail for i in range(len(tokens) - 2 * k + 1)):
            out[u.index] = _DOUBLED
    return out


def repeated(page: Page, found: Verdicts) -> dict[int, Verdict]:
    """Short units that occur more than once: the same menu rendered twice, teasers, tab labels."""
    folded = [u.text.casefold() if u.text and u.words <= _REPEATED_WORDS else "" for u in page.units]
    counts = Counter(folded)
    return {u.index: _REPEATED for u, key in zip(page.units, folded) if key and counts[key] > 1}


def link_dense(page: Page, found: Verdicts) -> dict[int, Verdict]:
    """Units that are mostly link text (markdown or HTML anchors) and not prose."""
    # link_chars first: most units have no link text, and the property costs a call
    return {u.index: _LINK_DENSE_V for u in page.units
            if u.link_chars and u.words <= _LINK_DENSE_WORDS and u.link_density > _LINK_DENSE}


def menu_runs(page: Page, found: Verdicts) -> dict[int, Verdict]:
    """Runs of three or more short items: navigation, category lists, footers."""
    out: dict[int, Verdict] = {}
    for run in short_runs(page.units, MIN_RUN):
        bullets = sum(1 for u in run if u.bullet or (u.link_chars and u.link_density > _LINK_ITEM))
        verdict = _BULLET_RUN if bullets >= _BULLET_SHARE * len(run) else _SHORT_RUN
        out.update(dict.fromkeys((u.index for u in run), verdict))
    return out


def caption_after_credit(page: Page, found: Verdicts) -> dict[int, Verdict]:
    """The line glued under a photo/video credit is that picture's caption."""
    out: dict[int, Verdict] = {}
    units = page.units
    credit = RuleName.CAPTION_CREDIT  # a local: looked up once, not once a verdict
    for i in _after(units, [i for i, v in found.items() if v.rule == credit]):
        u = units[i]
        if u.blank_before == 0 and u.index not in found:
            out[u.index] = _AFTER_CREDIT
    return out


def trailer_url(page: Page, found: Verdicts) -> dict[int, Verdict]:
    """The bare URL a wire trailer ("View source version on ...:") continues onto."""
    out: dict[int, Verdict] = {}
    units = page.units
    trailer = Label.WIRE_TRAILER
    for i in _after(units, [i for i, v in found.items() if v.label == trailer]):
        prev, u = units[i - 1], units[i]
        if prev.text.endswith(":") and _URL_ONLY.match(u.text):
            out[u.index] = Verdict(Label.WIRE_TRAILER, found[prev.index].rule, anywhere=True)
    return out


def _after(units: Sequence[Unit], marked: list[int]) -> list[int]:
    """Places of the units right after the ``marked`` ones, in page order.

    A unit's index is its place on the page (both readers number them so), so the few marked units
    are looked up instead of every pair of neighbours walked (1,000,000 repeated lines: 0.3 s each).
    """
    return sorted(i + 1 for i in marked if i + 1 < len(units))


def _script_of(text: str) -> str:
    if text.isascii():  # ASCII letters are all Latin: no pattern needed for most lines
        return "Latin" if text.lower() != text.upper() else ""  # it has a letter: case tells
    m = _SCRIPT.search(text)
    if not m:
        return ""
    for name, pattern in _SCRIPTS:
        if pattern.match(m.group(0)):
            return name
    return "CJK"  # Han and kana: one writing system for this purpose (Japanese mixes them)


def short_runs(units: Sequence[Unit], min_len: int) -> list[list[Unit]]:
    """Maximal runs of consecutive short items (decoration in between does not break a run)."""
    runs: list[list[Unit]] = []
    cur: list[Unit] = []
    for u in units:
        if u.decoration:
            continue
        if u.text and u.words <= SHORT_WORDS and not u.ends_sentence:  # Unit.short, without the call
            cur.append(u)
            continue
        if len(cur) >= min_len:
            runs.append(cur)
        cur = []
    if len(cur) >= min_len:
        runs.append(cur)
    return runs
