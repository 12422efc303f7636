"""Reading dates as releases and pages write them, into ISO ``YYYY-MM-DD``.

Shared by the stages that find the release (a dateline is a place and a date) and the stage that
describes it (the release date).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import regex

from .text import lazy
from .vocabulary.dates import DATE_PARTS, MONTH_NUMBERS

_DATE_PARTS = lazy(DATE_PARTS, regex.IGNORECASE)
_YEAR_DIGITS = lazy(r"\d{4}")
"""Every date format holds a four-digit year: a text without four digits in a row is not searched."""
_DATE_SCAN = 2000
"""Dates sit near the start of a line; a long paragraph is not searched to its end."""
YEARS = (1990, 2100)
"""Years a release can carry: web press releases start in the 1990s."""


def to_iso(text: str) -> str | None:
    """The first date written in ``text``, as ``YYYY-MM-DD``; None if none is valid."""
    head = text[:_DATE_SCAN]
    if not _YEAR_DIGITS.search(head):  # the cheap test first: most lines hold no date
        return None
    for m in _DATE_PARTS.finditer(head):
        g = m.groupdict()
        try:
            if g["mon"] or g["mon2"]:
                mon = (g["mon"] or g["mon2"]).casefold().rstrip(".")
                month = MONTH_NUMBERS.get(mon) or MONTH_NUMBERS.get(mon[:3])
                y, d = int(g["y"] or g["y2"]), int(g["d"] or g["d2"])
            else:
                y = int(g["y3"] or g["y4"] or g["y5"] or g["y6"])
                month = int(g["m3"] or g["m4"] or g["m5"] or g["m6"])
                d = int(g["d3"] or g["d4"] or g["d5"] or g["d6"])
        except (TypeError, ValueError):
            continue
        if month and YEARS[0] <= y <= YEARS[1]:
            try:
                return datetime.date(y, month, d).isoformat()
            except ValueError:
                continue
    return None


def first_date(texts: Iterable[str]) -> str | None:
    """The first valid date in any of ``texts``, as ISO."""
    for t in texts:
        iso = to_iso(t)
        if iso:
            return iso
    return None
