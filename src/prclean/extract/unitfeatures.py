"""What the fitted body/chrome model sees of each unit: cheap numbers read off the page after detection.

The model (:mod:`.unitmodel`) was fitted on these numbers, in the order of :data:`NAMES`, so this
module and the shipped weights belong together: a change here, or in what the readers and
detectors produce, means re-running the training script (``python -m prclean.train``), and a test
checks the weights file names exactly these features.

For each unit the features say

* what it is: its length, link density, sentence shape, punctuation, digits, capitals, stopwords,
  contact evidence, list and heading markers;
* what the detectors said: any verdict, its strength, its label, which kind of rule, and the chrome
  label its HTML containers name;
* where it stands: inside the page's main content or how far from it, its place on the page, how
  much prose stands before and after it, its distance to the dateline and to the nearest prose;
* what surrounds it: the share of prose, link text, verdicts and main content in a window around
  it, and the same few numbers for its two neighbours on each side.

Everything is linear in the number of units; the per-text numbers are computed once per distinct
line, since menus and footers repeat.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, NamedTuple

from ..detect.containers import containers
from ..detect.verdict import STRUCTURAL_GUESSES, Verdict, Verdicts
from ..labels import Label, RuleName
from ..read.units import SHORT_WORDS, Page, Unit, text_features
from ..vocabulary.languages import STOPWORDS
from .contacts import has_contact
from .dateline import find_dateline
from .prose import is_prose
from .unitmodel import TABLE_FROM

if TYPE_CHECKING:
    from .unitmatrix import Matrix

LABELS = (Label.MENU, Label.FOOTER, Label.SHARE, Label.COOKIE, Label.RELATED, Label.AD, Label.CAPTION,
          Label.LANGUAGE_LIST, Label.DECORATION, Label.WIRE_TRAILER, Label.FURNITURE)
"""Verdict labels the model tells apart (the rest count together as ``v_label_other``)."""
STRUCTURAL = (RuleName.SHORT_RUN, RuleName.BULLET_RUN, RuleName.REPEATED, RuleName.LINK_DENSE)
"""Rules that judge by shape alone: each its own feature, since a release's own list can trip them."""
CONTAINER_LABELS = (Label.MENU, Label.FOOTER, Label.SHARE, Label.COOKIE, Label.RELATED, Label.AD,
                    Label.CAPTION, Label.LANGUAGE_LIST)
"""Chrome labels HTML containers name, as the model sees them."""
NEIGHBOURS = (-2, -1, 1, 2)
"""Neighbours whose own numbers a unit sees: a heading is body when prose stands on both sides."""
WINDOW = 5
"""Units on each side counted in the surrounding shares: about a screenful of a release."""
_CAP_DISTANCE = 50
"""Distances in units are capped here: further away is simply far."""
_DATELINE_REACH = 50
"""The signed distance to the dateline is scaled by this many units and clipped to [-1, 1]."""
_CONTACT_WORDS, _CONTACT_CHARS = 40, 400
"""Contact evidence counts on lines up to this long (a card's line, not a paragraph quoting a number)."""
_MAX_BLANKS = 3
"""Blank lines above a unit count up to three: more say nothing more."""
_MAX_PIPES = 5
"""Cell or menu bars count up to five."""
_LONG_WORD = 8
"""A word of eight letters or more is a long word (prose has some, menus few)."""
_TEXT_CACHE = 65536
"""Distinct lines whose text numbers are remembered: sites repeat their menus and footers."""
_BOUNDS_CACHE = 16
"""Page lengths whose window bounds are remembered: a page asks four times, then the next page comes."""

_WORD = re.compile(r"\w+")
_PUNCT = re.compile(r"[.,;:!?]")
_SENTENCE = re.compile(r"[.!?。！？](?:\s|$)")
_DIGIT = re.compile(r"\d")
_URL = re.compile(r"https?://|www\.|\]\(|\.(?:com|org|net|html?)\b")
_STOP = frozenset().union(*STOPWORDS.values())

_SHAPE = ["log_words", "log_chars", "link_density", "ends_sentence", "bullet", "heading", "short", "prose",
          "blank_before", "indent"]
_TEXT = ["punct_rate", "comma_rate", "sentences", "digit_frac", "upper_init", "stop_frac", "long_word_frac",
         "contact", "url", "pipe", "decoration_unit"]
_VERDICT = ["v_any", "v_anywhere", "v_terminal", *(f"v_{x}" for x in LABELS), "v_label_other",
            *(f"r_{x}" for x in STRUCTURAL), "r_vocab", "r_html", *(f"c_{x}" for x in CONTAINER_LABELS)]
_PLACE = ["has_inside", "inside", "inside_gap", "rel_pos", "rel_word_pos", "log_units", "log_page_words",
          "word_share_max", "prose_share", "log_repeat", "has_dl", "before_dl", "after_dl_dist",
          "prose_before", "prose_after", "win_prose", "win_link", "win_verdict", "win_inside", "log_dist_prose"]
_NEIGHBOUR = ["prose", "log_words", "link_density", "v_any", "inside"]
NAMES: tuple[str, ...] = ("bias", *_SHAPE, *_TEXT, *_VERDICT, *_PLACE,
                          *(f"n{o:+d}_{f}" for o in NEIGHBOURS for f in _NEIGHBOUR))
"""The features, in the order of a row: the weights file must name exactly these."""


class Features(NamedTuple):
    """A page's feature rows in the two halves they are computed in: per unit (its own numbers) and
    per feature (a column of where each unit stands). The rows are put together only when asked for
    (training, the small-page walk).

    A page the model scores with numpy (:data:`.unitmodel.TABLE_FROM` units or more) comes whole
    instead: ``own`` is the matrix of units by :data:`NAMES` (:mod:`.unitmatrix`) and ``place`` is
    empty, since the trees read the matrix as it is.
    """

    own: list[tuple[float, ...]] | Matrix
    place: list[list[float]]

    def rows(self) -> list[tuple[float, ...]]:
        """One row of :data:`NAMES` per unit."""
        if not isinstance(self.own, list):
            return [tuple(r) for r in self.own.tolist()]
        return [a + b for a, b in zip(self.own, zip(*self.place))]


def page_features(page: Page, found: Verdicts) -> list[tuple[float, ...]]:
    """One row of :data:`NAMES` per unit of ``page``, given the detectors' verdicts."""
    return page_parts(page, found).rows()


def page_parts(page: Page, found: Verdicts) -> Features:
    """:func:`page_features`, in halves."""
    inside = page.main.units if page.main else frozenset()
    boxes = containers(page, {}) if page.kind == "html" else {}
    return unit_parts(page.units, found, inside, boxes)


def unit_features(units: Sequence[Unit], found: Verdicts, inside: Collection[int] = frozenset(),
                  boxes: Verdicts | None = None) -> list[tuple[float, ...]]:
    """One row of :data:`NAMES` per unit.

    ``found`` are all detector verdicts, ``inside`` the main content's units (HTML), ``boxes`` the
    verdicts the HTML containers alone give (the last detector, here asked on its own).
    """
    return unit_parts(units, found, inside, boxes).rows()


def unit_parts(units: Sequence[Unit], found: Verdicts, inside: Collection[int] = frozenset(),
               boxes: Verdicts | None = None) -> Features:
    """:func:`unit_features`, in halves; whole, as a matrix, on a page the model scores with numpy."""
    if not units:
        return Features([], [])
    boxes = boxes or {}
    if len(units) >= TABLE_FROM:
        from .unitmatrix import unit_matrix  # imports numpy: only pages this big pay for it

        return Features(unit_matrix(units, found, inside, boxes).T, [])
    return reference_parts(units, found, inside, boxes)


def reference_parts(units: Sequence[Unit], found: Verdicts, inside: Collection[int], boxes: Verdicts) -> Features:
    """The halves computed unit by unit in Python: small pages' path, and the reference the numpy
    matrix is tested against."""
    prose = [is_prose(u) for u in units]
    links = [u.link_chars / max(1, len(u.text)) for u in units]  # Unit.link_density, without the calls
    own = [(1.0, *_shape(u, prose[i], links[i]), *_text(u.text), float(u.decoration),
            *_verdict(found.get(i), boxes.get(i))) for i, u in enumerate(units)]
    return Features(own, _place(units, found, inside, prose, links))


def _shape(u: Unit, prose: bool, links: float) -> tuple[float, ...]:
    """The unit's own length, links, sentence ending, markers and spacing."""
    # Unit.short written out: a property costs a call
    return (math.log1p(u.words), math.log1p(len(u.text)), links, float(u.ends_sentence),
            float(u.bullet), float(u.heading), float(u.words <= SHORT_WORDS and not u.ends_sentence), float(prose),
            min(u.blank_before, _MAX_BLANKS) / _MAX_BLANKS, 1.0 if u.indent else 0.0)


@lru_cache(maxsize=_TEXT_CACHE)
def _text(text: str) -> tuple[float, ...]:
    """Punctuation, sentences, digits, capitals, stopwords and long words of a line, by its words."""
    tokens = _WORD.findall(text)
    n = max(1, len(tokens))
    words = max(1, text_features(text)[0])
    upper = stop = long_words = 0
    for t in tokens:
        upper += t[0].isupper()
        long_words += len(t) >= _LONG_WORD
        stop += t.casefold() in _STOP
    sentences = len(_SENTENCE.findall(text))
    digits = len(_DIGIT.findall(text))
    contact = words <= _CONTACT_WORDS and len(text) <= _CONTACT_CHARS and has_contact(text)
    return (len(_PUNCT.findall(text)) / words, text.count(",") / words, math.log1p(sentences),
            digits / max(1, len(text)), upper / n, stop / n, long_words / n,
            1.0 if contact else 0.0, 1.0 if _URL.search(text) else 0.0,
            min(text.count("|"), _MAX_PIPES) / _MAX_PIPES)


@lru_cache(maxsize=_TEXT_CACHE)
def _verdict(v: Verdict | None, box: Verdict | None) -> tuple[float, ...]:
    """The detectors' verdict on a unit (strength, label, kind of rule) and its containers' label."""
    container = [1.0 if box is not None and box.label == x else 0.0 for x in CONTAINER_LABELS]
    if v is None:
        return (0.0,) * (3 + len(LABELS) + 1 + len(STRUCTURAL) + 2) + tuple(container)
    labels = [1.0 if v.label == x else 0.0 for x in LABELS]
    html = v.rule.startswith("html-")
    return (1.0, float(v.anywhere), float(v.terminal), *labels, 0.0 if any(labels) else 1.0,
            *(1.0 if v.rule == x else 0.0 for x in STRUCTURAL),
            0.0 if html or v.rule in STRUCTURAL_GUESSES else 1.0, float(html), *container)


def _place(units: Sequence[Unit], found: Verdicts, inside: Collection[int], prose: list[bool],
           links: list[float]) -> list[list[float]]:
    """Columns of where each unit stands: main content, position, prose around it, dateline, window
    shares, and its neighbours' own numbers."""
    n = len(units)
    words = [u.words for u in units]
    total_words, max_words = sum(words) or 1, max(words) or 1
    prose_words = [w if p else 0 for w, p in zip(words, prose)]
    total_prose = sum(prose_words) or 1
    texts = [u.text.casefold() for u in units]
    repeats = Counter(texts)
    ins = [1.0 if i in inside else 0.0 for i in range(n)]
    flagged = [1.0 if i in found else 0.0 for i in range(n)]
    prose_f = [float(p) for p in prose]
    cum_words, cum_prose = _prefix(words), _prefix(prose_words)
    last = max(1, n - 1)
    log_words = [math.log1p(w) for w in words]
    return [[1.0 if inside else 0.0] * n, ins,
            [math.log1p(d) for d in _nearest(ins)] if inside else [0.0] * n,
            [i / last for i in range(n)], [c / total_words for c in cum_words[:-1]],
            [math.log1p(n)] * n, [math.log1p(total_words)] * n, [w / max_words for w in words],
            [w / total_prose for w in prose_words], [math.log(repeats[t]) for t in texts],
            *_dateline(units), [c / total_prose for c in cum_prose[:-1]],
            [(total_prose - c) / total_prose for c in cum_prose[1:]],
            _window(prose_f), _window(links), _window(flagged), _window(ins),
            [math.log1p(d) for d in _nearest(prose_f)],
            *(_shifted(col, offset) for offset in NEIGHBOURS
              for col in (prose_f, log_words, links, flagged, ins))]


def _dateline(units: Sequence[Unit]) -> tuple[list[float], list[float], list[float]]:
    """Whether the page has a dateline, whether each unit stands above it, and its signed distance."""
    n = len(units)
    dl = find_dateline(units, 0, n - 1)
    if dl is None:
        return [0.0] * n, [0.0] * n, [0.0] * n
    return ([1.0] * n, [1.0 if i < dl else 0.0 for i in range(n)],
            [max(-1.0, min(1.0, (i - dl) / _DATELINE_REACH)) for i in range(n)])


def _window(values: list[float]) -> list[float]:
    """The mean of ``values`` over each unit's window of :data:`WINDOW` units either side."""
    cum = _prefix(values)
    return [(cum[hi] - cum[lo]) / (hi - lo) for lo, hi in _bounds(len(values))]


@lru_cache(maxsize=_BOUNDS_CACHE)
def _bounds(n: int) -> tuple[tuple[int, int], ...]:
    """Each unit's window, ``[lo, hi)``, on a page of ``n`` units: the same for the page's four windows
    (and every page of that length, so it is a tuple: no caller can change it for the next)."""
    return tuple((max(0, i - WINDOW), min(n, i + WINDOW + 1)) for i in range(n))


def _shifted(values: list[float], offset: int) -> list[float]:
    """Each unit's neighbour's value at ``offset`` (0 past the page's edges)."""
    n = len(values)
    if offset >= 0:
        return values[offset:] + [0.0] * min(offset, n)
    return [0.0] * min(-offset, n) + values[:max(0, n + offset)]


def _nearest(flags: Sequence[float]) -> list[int]:
    """Distance in units from each unit to the nearest flagged one (itself: 0), capped; far when none."""
    n = len(flags)
    out = [_CAP_DISTANCE] * n
    last = None
    for i in range(n):
        if flags[i]:
            last = i
        if last is not None:
            out[i] = min(_CAP_DISTANCE, i - last)
    last = None
    for i in range(n - 1, -1, -1):
        if flags[i]:
            last = i
        if last is not None:
            out[i] = min(out[i], last - i)
    return out


def _prefix(values: Iterable[float]) -> list[float]:
    """Prefix sums: ``out[j] - out[i]`` is the sum of ``values[i:j]``."""
    return list(accumulate(values, initial=0.0))  # the same additions, in order, as a loop makes them
