"""The fitted model's say in extraction: it corrects the hand rules' body where it is sure.

The hand rules (:mod:`.main`, :mod:`.span`) were tuned on release pages and encode their
conventions: datelines, wire trailers, contact cards, About sections. The model
(:mod:`.unitmodel`, fitted on a thousand ordinary web pages and the release pages) sees every
unit's evidence at once and knows what prose looks like on sites nobody tuned on. So the hand
rules decide first and the model corrects them only where it is confident:

* **main content** (HTML whose layout names it): the hand rules' body, less the units the model
  is sure are chrome (p < :data:`MAIN_DROP_BELOW`), plus the units it is sure are body
  (p >= :data:`MAIN_ADD_FROM`) that no certain evidence (a terminal or ``anywhere`` verdict)
  takes out, that are not the header's (above the body only prose, and nothing above a dateline)
  and that stand between the wire trailers around the body and before the main content's end;
* **best stretch** (text dumps, HTML without main content): when the hand rules' stretch holds
  under :data:`SPAN_FLOOR` of the words the model calls body (p >= :data:`BODY_AT`), the stretch is
  chosen again with the model's scores (certain terminal markers stay walls, see
  :func:`.span.score`), and kept units the model is
  sure are chrome (p < :data:`SPAN_DROP_BELOW`) go; a stretch kept as it is loses the units under
  :data:`SPAN_TRIM_BELOW` unless a dateline or a wire trailer marks it as a release.

Whether a page holds a release at all stays the hand rules' call: where they find none, the model
adds nothing (measured out of fold, it took a listing's teasers for a release).

The span records what the model changed: :attr:`Span.added` (units only the model put in, decided
``model-body``) and :attr:`Span.removed` (units the body would hold but for the model, decided
``model-chrome``). Removed units get no detector-like verdict: the header may still read a line
the model took out of the body as the headline, as the hand rules' own header step would.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from functools import cache

from ..detect.verdict import END_ANCHORS, Verdict, Verdicts
from ..read.units import Page, Unit
from .dateline import find_dateline
from .prose import is_prose
from .span import Span, choose_span
from .unitfeatures import NAMES, page_parts
from .unitmodel import ModelError, UnitModel, shipped_model

MAIN_DROP_BELOW = 0.2
"""Kept main content the model gives under one chance in five goes (research, out of fold, web HTML:
0.930 at 0.2/0.8 against 0.924 at 0.1/0.9)."""
MAIN_ADD_FROM = 0.8
"""Units outside the kept main content come in from four chances in five (paragraphs the pass skipped)."""
BODY_AT = 0.5
"""The model calls a unit body when it is more likely body than not."""
SPAN_FLOOR = 0.7
"""A stretch holding under 70% of the words the model calls body was cut short by a wall or a misread
line: choose again (research: dev text 0.985 at 0.7, 0.981 at 0.5, web text alike)."""
SPAN_PRICE = 0.4
"""When the stretch is chosen again a unit earns (p - 0.4) per word: a little under even odds still pays,
so a short line between paragraphs does not break the stretch (0.5 cut dev text to 0.964)."""
SPAN_DROP_BELOW = 0.2
"""After that, kept units the model gives under one in five go."""
SPAN_TRIM_BELOW = 0.3
"""A stretch the model does not choose again loses the units it gives under 0.3, unless a dateline or a wire
trailer says it is a release (out of fold on the web's 769 articles and docs: w3m 0.896 -> 0.899, lynx
0.898 -> 0.901, md 0.894 -> 0.899; dev text 0.988 -> 0.987; 0.2 gained less, and trimming release stretches
too cost dev text 0.004)."""


@cache
def _model() -> UnitModel:
    model = shipped_model()
    if model.features != NAMES:
        raise ModelError("the shipped unit model was fitted on other features: retrain it (python -m prclean.train)")
    return model


def body_probabilities(page: Page, found: Verdicts) -> list[float]:
    """The model's probability that each unit of the page is body, given the detectors' verdicts."""
    if not page.units:
        return []
    own, place = page_parts(page, found)
    return _model().probabilities(own, place)


def correct_main(hand: Span | None, units: Sequence[Unit], found: Verdicts, p: Sequence[float],
                 main: Collection[int]) -> Span | None:
    """The main content's body as the hand rules kept it, corrected where the model is sure.

    Nothing is added past a wire trailer that says where the release ends, nor after the main
    content's end: a wire's container or the entry a page marks itself says where the release stops
    (on the web sample, adding there gained nothing).
    """
    if hand is None:
        return None
    kept = hand.keep
    removed = frozenset(i for i in kept if p[i] < MAIN_DROP_BELOW)
    lo, hi = _walls(found, kept, len(units))
    hi = min(hi, max(max(main, default=-1), kept[-1]) + 1)
    added = frozenset(u.index for u in units[lo + 1:hi] if p[u.index] >= MAIN_ADD_FROM and u.index not in kept
                      and u.index not in hand.dropped and _admissible(u, found.get(u.index))
                      and _below_header(u, kept, units))
    keep = sorted((set(kept) - removed) | added)
    if not keep:
        return None
    return Span(tuple(keep), keep[0], keep[-1], dict(hand.dropped), added, removed)


def floor_span(hand: Span | None, units: Sequence[Unit], found: Verdicts, p: Sequence[float]) -> Span | None:
    """The hand rules' best stretch, unless it holds much less than the model believes is body.

    Whether the page holds a release at all stays the hand rules' call: the model's belief about a
    listing's teasers is no release.
    """
    if hand is None:
        return None
    believed = sum(u.words for u in units if p[u.index] >= BODY_AT)
    if sum(units[i].words for i in hand.keep if p[i] >= BODY_AT) >= SPAN_FLOOR * believed:
        return hand if _is_release(hand, units, found) else _trimmed(hand, p)
    again = choose_span(units, found, p, SPAN_PRICE)
    keep = tuple(i for i in again.keep if p[i] >= SPAN_DROP_BELOW) if again else ()
    if again is None or not keep:
        return hand
    before = frozenset(hand.keep)
    removed = frozenset(i for i in again.keep if p[i] < SPAN_DROP_BELOW) | (before - set(keep))
    return replace(again, keep=keep, added=frozenset(keep) - before, removed=removed - set(again.dropped))


def _is_release(hand: Span, units: Sequence[Unit], found: Verdicts) -> bool:
    """Does certain evidence say the hand rules' stretch is a release: a dateline in it, or a wire
    trailer on the page? Then the model trims nothing from it: a release's contact lines and
    boilerplate sections are body the model rates low. (It may still choose again: a dateline-like
    line opens many an ordinary page whose stretch a wall cut short.)"""
    return find_dateline(units, hand.start, hand.end) is not None or any(v.rule in END_ANCHORS for v in found.values())


def _trimmed(hand: Span, p: Sequence[float]) -> Span:
    """The hand rules' stretch less what the model is sure is chrome. The stretch's first unit stays:
    the header reads a text dump's deck there (a standfirst the model rates as chrome)."""
    gone = frozenset(i for i in hand.keep[1:] if p[i] < SPAN_TRIM_BELOW)  # the first: the header's to read (a deck)
    keep = tuple(i for i in hand.keep if i not in gone)
    if not gone or not keep:
        return hand
    return replace(hand, keep=keep, removed=hand.removed | gone)


def _walls(found: Verdicts, kept: Sequence[int], n: int) -> tuple[int, int]:
    """The nearest wire trailers around the body that say where a release ends (``SOURCE X``, "View
    source version on ..."); -1 and ``n`` where there are none.

    Other terminal markers (a related-links heading, a byline after prose) end the hand rules' body,
    but on ordinary pages they often stand inside an article: the model may add across them.
    """
    ends = [i for i, v in found.items() if v.rule in END_ANCHORS]
    lo = max((i for i in ends if i < kept[0]), default=-1)
    hi = min((i for i in ends if i > kept[0]), default=n)
    return lo, hi


def _below_header(u: Unit, kept: Sequence[int], units: Sequence[Unit]) -> bool:
    """Is this unit no part of the header above the body? Above the first kept unit only prose is (a lead
    the main-content pass lost), and nothing is above a dateline that opens the body (a deck, a headline)."""
    if u.index > kept[0]:
        return True
    return is_prose(u) and find_dateline(units, kept[0], kept[0]) is None


def _admissible(u: Unit, v: Verdict | None) -> bool:
    """May the model add this unit? Not when certain evidence takes it out, nor an empty or decorative line."""
    return bool(u.text) and not u.decoration and not (v is not None and (v.terminal or v.anywhere))
