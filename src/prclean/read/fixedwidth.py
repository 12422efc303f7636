"""Fixed-width renderings (w3m, lynx): the column they wrapped paragraphs at, and the columns of a
layout table they set side by side.

Both are read off the page itself, from where its lines end and where its ink is: a renderer's
settings are not in the dump.
"""

from __future__ import annotations

import re
from itertools import accumulate

_INK = re.compile(r"[^ ]+")  # the standard engine: faster than regex for this
_WIDE = 120
"""A line this long in a dump is either wrapped prose or columns side by side."""
_MIN_WRAPPED = 40
"""Lines shorter than this say nothing about the wrap width (headings, list items)."""
_MAX_WIDTH = 260
"""No renderer wraps wider than this: longer lines are unwrapped paragraphs (innerText, markdown)."""
_WRAP_SLACK = 12
"""A wrapped line ends within a word's length of the wrap column."""
_WRAP_BAND = 25
"""...and a paragraph's wrapped lines within this band below it."""
_MIN_AT_WIDTH = 3
"""A wrap width is believed when three or more lines reach it."""
_BAND_SHARE = 0.3
"""...and when lines near it are a good share of all long lines (not a few long ones among many)."""
_MIN_COLUMN_LINES = 20
"""Side-by-side columns are looked for only on pages with this many wide lines..."""
_COLUMN_SHARE = 3
"""...making at least a third of the page's lines."""
_COLUMN_MARGIN = 10
"""A column gap is not looked for within this many characters of either edge."""
_GAP_INK = 0.04
"""A gap column is ink-free in at least 96% of the wide lines that reach it."""
_EDGE_INK = 0.2
"""A gap ends where a column starts: the next column is inked in a fifth of the lines or more."""
_MIN_GAP = 2
"""A gap is at least two blank columns wide."""


def wrap_width(lengths: list[int]) -> int | None:
    """The column a fixed-width renderer wrapped at, or None for unwrapped text.

    A wrapped rendering shows many lines ending within a few columns of one width; an innerText
    or markdown dump shows line lengths spread over hundreds of columns.
    """
    long = sorted((n for n in lengths if n >= _MIN_WRAPPED), reverse=True)
    for i, top in enumerate(long):
        if top > _MAX_WIDTH:
            continue
        near = sum(1 for n in long[i:] if n >= top - _WRAP_SLACK)
        if near >= _MIN_AT_WIDTH:
            band = sum(1 for n in long if top - _WRAP_BAND <= n <= top)
            half = sum(1 for n in long if n >= top // 2)
            return top if band >= _BAND_SHARE * half else None
        break
    return None


def column_cuts(lines: list[str]) -> list[int]:
    """Columns at which a table layout rendered side by side can be cut apart.

    w3m renders layout tables as columns of text next to each other (navigation | release |
    sidebar).  Such a page shows wide lines with vertical stripes that are blank in nearly every
    line; a single-column page has no such stripe, because wrapped prose fills every column.
    The lines come right-stripped: a blank one is empty.
    """
    wide = [ln for ln in lines if len(ln) >= _WIDE]
    if len(wide) < _MIN_COLUMN_LINES or len(wide) * _COLUMN_SHARE < len(lines) - lines.count(""):
        return []
    width = max(len(ln) for ln in wide)
    # counted as differences at the ends of each line and of each run of ink, then summed up: a loop
    # over every character was most of the function
    covered = [0] * (width + 1)
    inked = [0] * (width + 1)
    for ln in wide:
        covered[0] += 1
        covered[len(ln)] -= 1
        for m in _INK.finditer(ln):
            inked[m.start()] += 1
            inked[m.end()] -= 1
    covered = list(accumulate(covered))
    inked = list(accumulate(inked))
    cuts: list[int] = []
    run = 0
    for c in range(_COLUMN_MARGIN, width - _COLUMN_MARGIN):
        if covered[c] * 2 >= len(wide) and inked[c] <= _GAP_INK * covered[c]:
            run += 1
        else:
            if run >= _MIN_GAP and inked[c] > _EDGE_INK * covered[c]:
                cuts.append(c)
            run = 0
    return cuts


def split_columns(lines: list[str], cuts: list[int]) -> list[list[tuple[int, str]]]:
    """The side-by-side columns as separate line lists; lines crossing a cut stay whole in the first."""
    columns: list[list[tuple[int, str]]] = [[] for _ in range(len(cuts) + 1)]
    for no, ln in enumerate(lines):
        if any(0 < c < len(ln) and ln[c - 1] != " " and ln[c] != " " for c in cuts):
            columns[0].append((no, ln))
            continue
        bounds = [0, *cuts, len(ln)]
        for k in range(len(cuts) + 1):
            columns[k].append((no, ln[bounds[k]:bounds[k + 1]].rstrip() if bounds[k] < len(ln) else ""))
    return columns
