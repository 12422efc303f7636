"""A big page's feature matrix built column by column with numpy: the same floats as the rows of
:mod:`.unitfeatures`, bit for bit, without a tuple per unit.

On a page of a thousand units, building a tuple of 51 numbers per unit and 40 Python lists, then
turning them into an array for :mod:`.treetable`, cost about twice what the trees do. Here each
column is one array operation over the page. Every value must be the very float the reference walk
(:func:`.unitfeatures.unit_parts` on a small page) computes, since the trees compare it with
thresholds, so:

* ``log1p`` and ``log`` are Python's ``math`` ones, applied per distinct value (numpy's may differ
  in the last bit);
* quotients of integers are float64 quotients of exactly represented integers: correctly rounded,
  as Python's ``int / int`` is;
* prefix sums are ``np.cumsum`` from a leading zero: the same additions, one after another, in the
  same order as ``itertools.accumulate`` (numpy's pairwise summation is for reductions only);
* per-line text numbers and per-verdict numbers are the cached tuples the reference reads, gathered
  by index.

A test checks the matrix against the reference rows on generated pages and on real ones.

numpy is imported with this module, which :mod:`.unitfeatures` imports only for a big page.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Sequence
from itertools import chain

import numpy as np
from numpy.typing import NDArray

from ..detect.verdict import Verdict, Verdicts
from ..read.units import SHORT_WORDS, Unit
from .dateline import find_dateline
from .prose import PROSE_LINKS, PROSE_LONG, PROSE_WORDS
from .unitfeatures import (
    _CAP_DISTANCE,
    _DATELINE_REACH,
    _MAX_BLANKS,
    _SHAPE,
    _TEXT,
    _VERDICT,
    NAMES,
    NEIGHBOURS,
    WINDOW,
    _text,
    _verdict,
)

Matrix = NDArray[np.float64]
_LOG1P_DISTANCE = np.array([math.log1p(d) for d in range(_CAP_DISTANCE + 1)])
"""``math.log1p`` of every capped distance, looked up instead of computed."""
_TEXT_AT = 1 + len(_SHAPE)
_VERDICT_AT = _TEXT_AT + len(_TEXT)
_PLACE_AT = _VERDICT_AT + len(_VERDICT)


def unit_matrix(units: Sequence[Unit], found: Verdicts, inside: Collection[int], boxes: Verdicts) -> Matrix:
    """The page's features as a matrix of :data:`.unitfeatures.NAMES` rows by units (C order: a
    feature's values lie together, as the trees read them)."""
    n = len(units)
    x = np.empty((len(NAMES), n))
    field = dict(zip(Unit._fields, zip(*units)))  # one tuple per Unit field: the page's columns
    texts: tuple[str, ...] = field["text"]
    words = np.array(field["words"], dtype=np.float64)
    ends = np.array(field["ends_sentence"], dtype=bool)
    links = np.array(field["link_chars"], dtype=np.float64) / np.fromiter(
        (max(1, k) for k in map(len, texts)), np.float64, n)
    prose = (words >= PROSE_WORDS) & ((words >= PROSE_LONG) | ends) & (links < PROSE_LINKS)  # is_prose
    log_words = np.fromiter(map(math.log1p, field["words"]), np.float64, n)
    x[0] = 1.0
    x[1:_TEXT_AT] = (log_words, np.fromiter(map(math.log1p, map(len, texts)), np.float64, n), links, ends,
                     field["bullet"], field["heading"], (words <= SHORT_WORDS) & ~ends, prose,
                     np.minimum(field["blank_before"], _MAX_BLANKS) / _MAX_BLANKS,
                     np.array(field["indent"]) != 0)
    x[_TEXT_AT:_VERDICT_AT - 1] = _gathered(texts, [_text(t) for t in dict.fromkeys(texts)], n)
    x[_VERDICT_AT - 1] = field["decoration"]
    x[_VERDICT_AT:_PLACE_AT] = _verdicts(found, boxes, n)
    _place(x[_PLACE_AT:], units, texts, words, inside, found, prose, links, log_words)
    return x


def _gathered(keys: Sequence[object], rows: list[tuple[float, ...]], n: int) -> Matrix:
    """Rows of per-key numbers, one per distinct key in first-seen order, spread to the units by key."""
    position = {key: k for k, key in enumerate(dict.fromkeys(keys))}
    width = len(rows[0])
    table = np.fromiter(chain.from_iterable(rows), np.float64, len(rows) * width).reshape(len(rows), width)
    spread: Matrix = table[np.fromiter(map(position.__getitem__, keys), np.intp, n)].T
    return spread


def _verdicts(found: Verdicts, boxes: Verdicts, n: int) -> Matrix:
    """The verdict numbers of each unit, computed once per distinct (verdict, container verdict) pair.

    Pairs are told apart by the objects' ids (hashing a verdict costs more than its numbers' lookup);
    equal verdicts under two ids merely get one row each.
    """
    found_at: list[Verdict | None] = [None] * n
    box_at: list[Verdict | None] = [None] * n
    for given, at in ((found, found_at), (boxes, box_at)):
        for i, v in given.items():
            if 0 <= i < n:
                at[i] = v
    objects = dict(zip(map(id, found_at), found_at)) | dict(zip(map(id, box_at), box_at))
    keys = list(zip(map(id, found_at), map(id, box_at)))
    rows = [_verdict(objects[a], objects[b]) for a, b in dict.fromkeys(keys)]
    return _gathered(keys, rows, n)


def _place(out: Matrix, units: Sequence[Unit], texts: Sequence[str], words: Matrix, inside: Collection[int],
           found: Verdicts, prose: NDArray[np.bool_], links: Matrix, log_words: Matrix) -> None:
    """Fill ``out`` with the place columns of :func:`.unitfeatures._place`, in its order."""
    n = len(units)
    at = np.arange(n)
    total_words, max_words = float(words.sum()) or 1.0, float(words.max()) or 1.0  # sums of integers: exact
    prose_words = np.where(prose, words, 0.0)
    total_prose = float(prose_words.sum()) or 1.0
    ins, flagged = _flags(inside, n), _flags(found, n)
    prose_f = prose.astype(np.float64)
    cum_words, cum_prose = _prefix(words), _prefix(prose_words)
    out[0] = 1.0 if inside else 0.0
    out[1] = ins
    out[2] = _LOG1P_DISTANCE[_nearest(ins)] if inside else 0.0
    out[3] = at / max(1, n - 1)
    out[4] = cum_words[:-1] / total_words
    out[5] = math.log1p(n)
    out[6] = math.log1p(total_words)
    out[7] = words / max_words
    out[8] = prose_words / total_prose
    out[9] = _log_repeats(texts, n)
    out[10:13] = _dateline(units, at)
    out[13] = cum_prose[:-1] / total_prose
    out[14] = (total_prose - cum_prose[1:]) / total_prose
    lo, hi = np.maximum(at - WINDOW, 0), np.minimum(at + WINDOW + 1, n)
    for k, col in enumerate((prose_f, links, flagged, ins), start=15):
        cum = _prefix(col)
        out[k] = (cum[hi] - cum[lo]) / (hi - lo)
    out[19] = _LOG1P_DISTANCE[_nearest(prose_f)]
    k = 20
    for offset in NEIGHBOURS:
        for col in (prose_f, log_words, links, flagged, ins):
            out[k] = _shifted(col, offset)
            k += 1


def _flags(marked: Collection[int], n: int) -> Matrix:
    """1.0 for the units ``marked`` names, 0.0 for the rest."""
    out = np.zeros(n)
    out[[i for i in marked if 0 <= i < n]] = 1.0
    return out


def _prefix(values: Matrix) -> Matrix:
    """Prefix sums from a leading zero, added one after another as :func:`.unitfeatures._prefix` does."""
    return np.cumsum(np.concatenate(([0.0], values)))


def _log_repeats(texts: Sequence[str], n: int) -> Matrix:
    """``math.log`` of how often each unit's line (casefolded) occurs on the page, once per distinct count."""
    folded = list(map(str.casefold, texts))
    counts = Counter(folded)
    logs = {c: math.log(c) for c in set(counts.values())}
    per_line = {t: logs[c] for t, c in counts.items()}
    return np.fromiter(map(per_line.__getitem__, folded), np.float64, n)


def _dateline(units: Sequence[Unit], at: NDArray[np.intp]) -> Matrix:
    """Whether the page has a dateline, whether each unit stands above it, and its signed distance."""
    dl = find_dateline(units, 0, len(units) - 1)
    if dl is None:
        return np.zeros((3, len(units)))
    return np.array((np.ones(len(units)), at < dl, np.clip((at - dl) / _DATELINE_REACH, -1.0, 1.0)))


def _nearest(flags: Matrix) -> NDArray[np.intp]:
    """Distance in units from each unit to the nearest flagged one, capped (as :func:`.unitfeatures._nearest`)."""
    n = len(flags)
    at = np.arange(n)
    flagged = flags != 0
    before = np.maximum.accumulate(np.where(flagged, at, -1))
    after = np.minimum.accumulate(np.where(flagged, at, n + _CAP_DISTANCE)[::-1])[::-1]
    far = np.where(before >= 0, at - before, _CAP_DISTANCE)
    return np.minimum(np.minimum(far, after - at), _CAP_DISTANCE)


def _shifted(values: Matrix, offset: int) -> Matrix:
    """Each unit's neighbour's value at ``offset`` (0 past the page's edges)."""
    out = np.zeros(len(values))
    if offset >= 0:
        out[:len(values) - offset] = values[offset:]
    else:
        out[-offset:] = values[:len(values) + offset]
    return out
