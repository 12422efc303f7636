"""The dateline: where a release says it comes from, when, and through which wire.

"BEIJING, Jan. 6, 2026 /PRNewswire/ --", "Köln (ots) -", "CUPERTINO, California—April 27, 2015—".
It opens the release, so extraction moves the body's start to it; describe reads place, date,
wire and agency from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..dates import to_iso
from ..read.units import Unit
from ..text import MATCH_TIMEOUT_S, lazy
from ..vocabulary.dates import DATE
from ..wires import ANY_TAG, wire_from_text
from .prose import is_prose

_PLACE = (r"(?P<place>\p{Lu}[\p{L}.'’-]*(?:[ /]\p{L}[\p{L}.'’-]*){0,3}"
          r"(?:,\s*\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2}){0,2}?)")
_DATELINES = tuple(lazy(p) for p in (
    # BEIJING, Jan. 6, 2026 /PRNewswire/ --   |  NEW YORK, June 05, 2017 (GLOBE NEWSWIRE) --
    (rf"^{_PLACE},?\s+(?:le\s+|el\s+|den\s+)?(?P<date>{DATE})\.?\s*(?P<tag>/[^/\n]{{2,40}}/|\([^()\n]{{2,40}}\))?"
     r"\s*(?:--|[-–—:]|\.\s)"),
    # CUPERTINO, California—April 27, 2015—
    rf"^{_PLACE}\s*[-–—]{{1,2}}\s*(?P<date>{DATE})\s*[-–—]",
    # SAN FRANCISCO, CA--(Marketwired - April 06, 2016) -  |  NEW YORK--(BUSINESS WIRE)--
    rf"^{_PLACE}\s*--\s*\((?P<tag>[^()\n]{{2,40}}?)(?:\s*-\s*(?P<date>{DATE}))?\)\s*[-–—]",
    # VANCOUVER, BC / ACCESSWIRE / March 10, 2026 / Granite Peak ...
    rf"^{_PLACE}\s*/\s*(?P<tag>[^/\n]{{2,40}}?)\s*/\s*(?P<date>{DATE})\s*/",
    # COLUMBUS, Ohio (PRWEB) August 11, 2026 --
    rf"^{_PLACE}\s+\((?P<tag>[^()\n]{{2,30}})\)\s+(?P<date>{DATE})\s*[-–—]",
    # Köln (ots) -  |  Hamburg (iwr-pressedienst) -  |  Berlin/Frankfurt (dpa-AFX) -
    rf"^{_PLACE}\s+\((?P<tag>[\w./ -]{{2,30}})\)(?:\s*[-–—:]|\s*$)",
    # Potsdam – Zum Ende des Jagdjahres ...
    r"^(?P<place>\p{Lu}[\p{L}.'’-]+(?:[ /-]\p{Lu}[\p{L}.'’-]+){0,2})\s+[–—]\s+\p{Lu}",
    # Steinheim, Nordrhein-Westfalen/Stuttgart. Die EnBW hat ...  (a place in parts, then a full stop)
    (r"^(?P<place>\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?(?:(?:,\s*|/)\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?){1,3})"
     r"\.\s+\p{Lu}"),
))
_NEEDS: tuple[tuple[bool, tuple[str, ...]], ...] = (
    (True, ()), (True, ("-", "–", "—")), (False, ("--",)), (True, ("/",)), (True, ("(",)), (False, ("(",)),
    (False, ("–", "—")), (False, (".",)))
"""What a head must hold for each of :data:`_DATELINES` to match it: a digit (a pattern with a date) and
one of some characters. Checked first, as most paragraphs open with no dateline: a cheap test that a
pattern cannot match spares its search."""
_DIGIT = lazy(r"\d")  # the regex module's \d, as in the date patterns (re's Unicode tables are older)
# "Köln (ots) -", "Potsdam – Zum ..." and "Steinheim, Westfalen/Stuttgart. Die ..." are datelines without a
# date or a known wire tag
_SELF_EVIDENT = _DATELINES[-3:]
_NOT_PLACES = frozenset({"the", "der", "die", "das", "le", "la", "el"})
# an agency's tag is one lower-case or all-capitals token ("dpa", "AFP"); "(Germany)" is a place
_AGENCY_TAG = lazy(r"^(?:\p{Ll}{2,10}|\p{Lu}{2,10})$")
_HEAD = 300
"""A dateline opens its paragraph: only the first characters are read."""
_OWN_LINE_WORDS = 8
"""A dateline set on a line of its own ("Bremen (ots) -") is a few words long."""
_LOOK_AHEAD = 3
"""...and is followed by the release's prose within a couple of lines."""
_LEAD_WORDS = 15
"""A paragraph of prose this long before a bare dateline is the release's own lead."""
_HEAD_CACHE = 8192
"""Paragraph heads whose dateline reading is remembered: the paragraphs of a page or two."""


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    date: str | None
    wire: str | None
    end: int = 0  # where the dateline stops and the release's first sentence begins
    agency: str | None = None  # a tag that names no wire: the agency that wrote the text ("Berlin (dpa) -")


def parse_dateline(text: str) -> Dateline | None:
    """Place, date and wire from a lead paragraph that opens with a dateline."""
    return _parse_head(text[:_HEAD])


@lru_cache(maxsize=_HEAD_CACHE)
def _parse_head(head: str) -> Dateline | None:
    """:func:`parse_dateline` of a paragraph's head, once per head: extraction asks about the same
    paragraphs several times (the model's features, the span, the main content, the metadata)."""
    digit = _DIGIT.search(head) is not None
    for pattern, (needs_digit, pieces) in zip(_DATELINES, _NEEDS):
        if (needs_digit and not digit) or (pieces and not any(p in head for p in pieces)):
            continue
        try:
            m = pattern.match(head, timeout=MATCH_TIMEOUT_S)
        except TimeoutError:
            continue
        if not m:
            continue
        place = m.group("place").strip(" ,")
        if len(place) < 2 or place.casefold() in _NOT_PLACES:
            continue
        groups = m.groupdict()
        date = to_iso(groups.get("date") or "") if groups.get("date") else None
        raw_tag = (groups.get("tag") or "").strip("/() ")
        profile = wire_from_text(head) or (wire_from_text(f"({raw_tag})") if raw_tag else None)
        wire = profile.name if profile else None
        if not date and not wire and pattern not in _SELF_EVIDENT:
            continue
        agency = raw_tag if not wire and _AGENCY_TAG.match(raw_tag) else None
        return Dateline(place, date, wire, m.end(), agency)
    return None


def has_dateline_tag(u: Unit) -> bool:
    """A wire's dateline tag ("/PRNewswire/", "(ots)") near the start of the unit."""
    return bool(ANY_TAG.search(u.text[:_HEAD]))  # a short head: bounded patterns need no time guard


def find_dateline(units: Sequence[Unit], lo: int, hi: int) -> int | None:
    """The first prose unit in ``[lo, hi]`` that opens with a dateline (wire tag or place + date)."""
    for u in units[lo:hi + 1]:  # the shape first: it is cheaper than the patterns
        if not is_prose(u):
            if u.words > _OWN_LINE_WORDS:
                continue
            nxt = next((w for w in units[u.index + 1:u.index + _LOOK_AHEAD] if not w.decoration), None)
            if nxt is None or not is_prose(nxt):  # "Bremen (ots) -" on its own opens the paragraph under it
                continue
        if _opens_with_dateline(u.text[:_HEAD]):
            return u.index
    return None


@lru_cache(maxsize=_HEAD_CACHE)
def _opens_with_dateline(head: str) -> bool:
    """:func:`has_dateline_tag` or :func:`parse_dateline` of a paragraph's head, remembered: a page's
    units are searched for a dateline several times over (the model's features, the span, its start)."""
    return bool(ANY_TAG.search(head)) or _parse_head(head) is not None


def opens_release(units: Sequence[Unit], before: Iterable[int], dl: int) -> bool:
    """Does this dateline open the release, so that what stands before it is not the release?

    A wire's tagged dateline always does.  A bare "Berlin, 29.11.2022 -" only when no paragraph
    of prose stands before it: some releases open with a lead paragraph and date a later one.
    """
    return has_dateline_tag(units[dl]) or not any(units[i].words >= _LEAD_WORDS and is_prose(units[i])
                                                  for i in before)
