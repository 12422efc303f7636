"""Find the release body among labelled units, when the page's layout does not say where it is.

The body of a release is one contiguous stretch of prose.  We score each unit (prose earns its
word count, chrome costs, a terminal marker such as ``SOURCE Acme`` or "Also from this source"
is a wall) and take the maximum-sum stretch, as the Body Text Extraction algorithm does for tags.
Then the page's own evidence adjusts the edges:

* the dateline marks where a release starts, so a span that begins earlier is moved to it;
* release sections written as short lines (media contacts) directly after the prose are kept;
* units at the span edges that a detector flagged are trimmed off.

Inside the span only ``anywhere`` verdicts remove a unit: a release's own short list or subheading
survives even if it looks like a menu item on its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..detect.verdict import END_ANCHORS, Verdict, Verdicts
from ..labels import Label, RuleName
from ..read.units import Unit
from ..text import lazy, norm
from ..vocabulary.headings import CONTACTS
from .contacts import extend_contacts
from .dateline import find_dateline, opens_release
from .prose import is_prose

TERMINAL_SCORE = -1000.0
"""A terminal marker's score: no stretch of prose pays for crossing it."""
_BARE_HEADING_WORDS = 3
"""A related-links heading of three words or fewer ("Weitere Artikel", "More stories") may head a list;
a longer one ("Read more: How we ...") points to one link from inside a text."""
_MINOR_CHROME = frozenset({Label.CAPTION, Label.DECORATION, Label.END_MARK})
"""Chrome that sits inside releases (a caption, a rule): it costs little to span over it."""
_MINOR_COST = -1.0
_CHROME_COST, _CHROME_WORDS = 2.0, 10
"""Other chrome costs 2 plus its words, up to 10: a long menu line costs more than a short one."""
_PROSE_CAP = 400
"""A paragraph earns its words up to 400: one huge block must not outweigh everything."""
_BULLET_COST, _SHORT_COST = -1.5, -1.0
"""Short non-prose lines cost a little (list items a little more): a release has few of them."""
_ANCHOR_REACH = 600
"""Units searched upwards from a wire trailer for the release it ends."""
_MAX_DRY_RUN = 8
"""Eight non-prose units in a row above a trailer: the release does not reach further up."""
_MIN_ANCHORED = 30
"""A stretch ending at a trailer must earn 30 (a paragraph or two) to be the release."""
_MIN_TOTAL = 15
"""A page whose best stretch earns less than 15 (one sentence or so) holds no release."""
_EARLY_DATELINE = 12
"""Units above the span searched for a dateline the span should start at."""
_NUMBERED = lazy(r"^(?:[IVX]{1,5}|\d{1,2}|[A-H])[.)]\s+\p{Lu}")
_CAPTION_WORDS = (3, 30)
"""Lines checked for being captions among numbered headings: not a word, not a paragraph."""
_MIN_NUMBERED = 2
"""Two numbered headings make a numbering scheme."""


@dataclass(frozen=True)
class Span:
    """The chosen body: the unit indexes kept, the stretch of the page they come from, and the
    verdicts extraction itself gave (captions, link cards) on units it took out."""

    keep: tuple[int, ...]
    start: int
    end: int
    dropped: dict[int, Verdict] = field(default_factory=dict)
    added: frozenset[int] = frozenset()
    """Kept units only the fitted model put in (:mod:`.fitted`)."""
    removed: frozenset[int] = frozenset()
    """Units the body would hold but for the fitted model (:mod:`.fitted`)."""

    def without_first(self) -> Span:
        """The span less its first unit, which the header takes (a headline, a deck); it keeps two or more."""
        return replace(self, keep=self.keep[1:], start=self.keep[1])


def _list_headings(units: Sequence[Unit], found: Verdicts) -> frozenset[int]:
    """Terminal markers that head the list after them ("Weitere Artikel", "More stories"): bare
    headings that stand once on the page. A "Read more: How we ..." line points to one link from
    inside a text, and a bare "Read more" between an article's sections comes back after each one."""
    marks = {u.index: norm(u.text) for u in units if (v := found.get(u.index)) is not None and v.terminal
             and v.label != Label.BYLINE and u.words <= _BARE_HEADING_WORDS}
    seen = Counter(marks.values())
    return frozenset(i for i, text in marks.items() if seen[text] == 1)


def score(u: Unit, v: Verdict | None, body_p: float | None = None, price: float = 0.0) -> float:
    """What a unit earns a stretch that holds it.

    By the hand rules, prose earns its words and chrome costs, and a terminal marker is a wall; with
    the fitted model's probability ``body_p`` that the unit is body, it earns ``(body_p - price)`` per
    word, and only a terminal marker that is certain anywhere (a wire trailer, a disclaimer) is a wall
    (and a related heading over a list, see :func:`_list_headings`): a byline or a "Read more: ..."
    line inside an ordinary article starts no other text, and the model's score of the units around
    it says whether the stretch goes on.
    """
    if v is not None and v.terminal and (body_p is None or v.anywhere):
        return TERMINAL_SCORE
    if body_p is not None:
        return (body_p - price) * (u.words + 1)
    if v is not None:
        if v.label in _MINOR_CHROME:
            return _MINOR_COST
        return -(_CHROME_COST + min(u.words, _CHROME_WORDS))
    if is_prose(u):
        return float(min(u.words, _PROSE_CAP))
    return _BULLET_COST if u.bullet else _SHORT_COST


def anchored_span(units: Sequence[Unit], found: Verdicts, scores: Sequence[float]
                  ) -> tuple[int, int, float] | None:
    """The best stretch that ends right where a wire trailer says the release ends.

    "SOURCE X", "View source version on ...", "Original-Content von ..." are the page's own
    statement of where the release stops; on pages that carry other long prose (talk abstracts,
    teasers, a second article) that statement beats any length comparison.
    """
    best: tuple[int, int, float] | None = None
    for u in units:
        v = found.get(u.index)
        if v is None or v.rule not in END_ANCHORS:
            continue
        total, top, start, dry = 0.0, 0.0, None, 0
        for i in range(u.index - 1, max(-1, u.index - _ANCHOR_REACH), -1):
            dry = dry + 1 if scores[i] <= 0 else 0
            if scores[i] <= TERMINAL_SCORE or dry > _MAX_DRY_RUN:
                break  # a wall, or a long run of chrome: the release does not reach further up
            total += scores[i]
            if total > top:
                top, start = total, i
        if start is not None and top >= _MIN_ANCHORED and (best is None or top > best[2]):
            best = (start, u.index - 1, top)
    return best


def best_span(scores: Sequence[float]) -> tuple[int, int, float]:
    """Maximum-sum contiguous stretch (Kadane); ``(start, end, total)``, end inclusive."""
    best = (0, -1, 0.0)
    start, total = 0, 0.0
    for i, s in enumerate(scores):
        if total <= 0:
            start, total = i, 0.0
        total += s
        if total > best[2]:
            best = (start, i, total)
    return best


def choose_span(units: Sequence[Unit], found: Verdicts, body_p: Sequence[float] | None = None,
                price: float = 0.0) -> Span | None:
    """Pick the release body; None when the page holds no prose worth calling a release.

    Units are scored by the hand rules, or by the fitted model's probabilities ``body_p`` (see :func:`score`).
    """
    if body_p is None:
        scores = [score(u, found.get(u.index)) for u in units]
    else:
        walls = _list_headings(units, found)
        scores = [TERMINAL_SCORE if u.index in walls else score(u, found.get(u.index), body_p[u.index], price)
                  for u in units]
    start, end, total = anchored_span(units, found, scores) or best_span(scores)
    if end < 0 or total < _MIN_TOTAL:
        return None
    dl = find_dateline(units, start, end)
    if dl is None:  # a dateline just before the span: the span began too late
        early = find_dateline(units, max(0, start - _EARLY_DATELINE), start - 1)
        if early is not None and found.get(early) is None:
            dl = early
    if dl is not None and opens_release(units, range(start, dl), dl):
        start = dl
    while start <= end and (found.get(start) or not units[start].text or units[start].decoration):
        start += 1
    while end >= start and (found.get(end) or not units[end].text or units[end].decoration):
        end -= 1
    end = extend_contacts(units, found, end)
    keep = [i for i in range(start, end + 1)
            if units[i].text and not units[i].decoration
            and not (found.get(i) and (found[i].anywhere or found[i].terminal))]
    if not any(is_prose(units[i]) for i in keep):
        return None
    captions = unnumbered_captions([units[i] for i in keep])
    return Span(tuple(i for i in keep if i not in captions), start, end, caption_verdicts(captions))


def caption_verdicts(captions: set[int]) -> dict[int, Verdict]:
    return {i: Verdict(Label.CAPTION, RuleName.UNNUMBERED_HEADING, anywhere=True) for i in captions}


def unnumbered_captions(body: Sequence[Unit]) -> set[int]:
    """Short lines that break a numbered heading scheme are picture captions.

    When a release numbers its subheadings ("I. ...", "2. ..."), a short unnumbered line
    between paragraphs is not a heading of that release but the caption of a picture the
    rendering lost.  Without a numbering scheme there is no such evidence, and nothing is done;
    nor for a line the page marks as a heading or a table row (a listicle's subheadings, a
    chart's data), which the page says is no caption.
    """
    low, high = _CAPTION_WORDS
    short = [u for u in body if not is_prose(u) and not u.bullet and not u.heading and not u.cells
             and low <= u.words <= high]
    numbered = [u for u in short if _NUMBERED.match(u.text)]
    if len(numbered) < _MIN_NUMBERED:
        return set()
    return {u.index for u in short if not _NUMBERED.match(u.text) and not u.ends_sentence
            and not CONTACTS.match(u.text)}
