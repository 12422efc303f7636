"""The release header: title, subtitle, byline and "News provided by", above the body.

The header is the stretch just above the body where furniture (timestamps, share bars, the
provider line, bylines) alternates with one or two headings.  We walk up from the body, skipping
furniture, and collect heading-like lines until other chrome starts.  A line the page repeats
(the ``<title>`` rendered again as ``<h1>``) is the title; the heading after it is the subtitle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .detectors import Verdict
from .extract import heading_like, is_prose
from .meta import author_from
from .segment import Unit

_FURNITURE = {"furniture", "byline", "share", "decoration", "caption", "language-list", "ad", "wire-trailer"}
_MAX_WALK = 40
_NAME_LINE = regex.compile(r"^(?:\p{Lu}[\p{L}&.'-]*\s?){1,4}$")


@dataclass
class Header:
    title: int | None = None
    subtitle: int | None = None
    author: str | None = None
    provided_by: str | None = None
    issuer_unit: int | None = None


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def read_header(units: Sequence[Unit], found: dict[int, Verdict], start: int) -> Header:
    head = Header()
    for u in units[:start]:
        v = found.get(u.index)
        if v and v.rule == "news-provided-by":
            rest = u.text.split("by", 1)[-1].strip(" :") if " by" in u.text.casefold() else ""
            nxt = next((w for w in units[u.index + 1:start] if w.text and not w.decoration), None)
            if rest:
                head.provided_by = rest
            elif nxt is not None and nxt.words <= 8 and not is_prose(nxt):
                head.provided_by, head.issuer_unit = nxt.text, nxt.index
        if v and v.label == "byline" and head.author is None:
            head.author = author_from(u.text)
    cands: list[int] = []
    i = start - 1
    while i >= 0 and start - i <= _MAX_WALK and len(cands) < 3:
        u = units[i]
        v = found.get(i)
        i -= 1
        if u.decoration or not u.text or u.index == head.issuer_unit:
            continue
        if v is not None and v.label in _FURNITURE:
            continue
        if heading_like(u) and (v is None or (v.rule == "repeated" and u.words >= 3)):
            cands.append(u.index)
            continue
        if cands:
            break
    if not cands:
        return head
    seen = {}
    for u in units:
        seen.setdefault(_norm(u.text), u.index)
    repeated = [c for c in cands if seen[_norm(units[c].text)] != c]
    if repeated:
        title = repeated[-1]
        text = _norm(units[title].text)
        cands = [c for c in cands if c == title or _norm(units[c].text) != text]
    else:
        title = cands[-1]
        if len(cands) > 1 and _NAME_LINE.match(units[title].text):
            title = cands[-2]  # the issuer's name set above the headline is not the headline
    head.title = title
    later = sorted(c for c in cands if c > title)
    if later:
        head.subtitle = later[0]
    return head
