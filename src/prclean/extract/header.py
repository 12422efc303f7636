"""The release header: title, subtitle, byline and "News provided by", above the body.

The header is the stretch just above the body where furniture (timestamps, share bars, the
provider line, bylines) alternates with one or two headings.  We walk up from the body, skipping
furniture, and collect heading-like lines until other chrome starts.  A line the page repeats
(the ``<title>`` rendered again as ``<h1>``) is the title; the heading after it is the subtitle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex

from ..describe.fields import author_from
from ..detect.detectors import Verdict
from ..read.textdump import Unit
from .span import heading_like, is_prose

_FURNITURE = {"furniture", "byline", "share", "decoration", "caption", "language-list", "ad", "wire-trailer"}
_MAX_WALK = 40
_GUESSES = {"repeated", "short-run", "bullet-run"}  # structural guesses a real headline may trip
_WORD = regex.compile(r"\w+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_LEGAL_FORM = regex.compile(r"\b(?:GmbH|AG|SE|KG|e\.\s?V\.|Inc\.?|Corp\.?|Corporation|Ltd\.?|LLC|L\.P\.|plc|PLC|AS|ASA|AB|"
                            r"Oy|SA|S\.A\.|S\.p\.A\.|SAS|BV|B\.V\.|NV|N\.V\.|Co\.|Group|Holding|Holdings)$")
_DECK_POINT = regex.compile(r"^[-–•*▪]\s+\S")
_NAME_LINE = regex.compile(r"^(?:\p{Lu}[\p{L}&.'-]*\s?){1,4}$")


@dataclass
class Header:
    title: int | None = None
    subtitle: int | None = None
    author: str | None = None
    provided_by: str | None = None
    issuer_unit: int | None = None
    name_line: str | None = None
    subtitle_more: tuple[int, ...] = ()  # the further points of a deck written as a list


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def read_header(units: Sequence[Unit], found: dict[int, Verdict], start: int, lead_text: str = "",
                page_titles: Sequence[str] = ()) -> Header:
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
    cands = _candidates(units, found, start, head.issuer_unit)
    if not cands:
        return head
    wanted = {_norm(units[c].text) for c in cands}
    counts = dict.fromkeys(wanted, 0)
    for u in units:
        key = u.text.casefold()  # unit text is whitespace-normalised already
        if key in counts:
            counts[key] += 1
    lead = tokens(lead_text.casefold())
    titles = [_norm(t) for t in page_titles if t]
    ordered = sorted(cands)
    scored = [(_title_score(units[c], start - c, lead, titles, counts[_norm(units[c].text)] > 1)
               + (0.6 if k + 1 < len(ordered) and ordered[k + 1] - c <= 3 else 0.0), c)
              for k, c in enumerate(ordered)]
    best_score, title = max(scored)
    lone_and_close = len(cands) == 1 and start - title <= 4  # the only heading, right above the text
    if best_score < 0.5 and not lone_and_close:
        return head
    head.title = title
    above = [c for c in cands if c < title and _NAME_LINE.match(units[c].text) and _LEGAL_FORM.search(units[c].text)]
    if above:  # the issuer's name set over the headline (presseportal, Cision)
        head.name_line = units[max(above)].text
    text = _norm(units[title].text)
    after = [c for c in ordered if title < c and _norm(units[c].text) != text and units[c].words >= 4
             and not _NAME_LINE.match(units[c].text)]
    if after and not found.get(after[0]):
        head.subtitle = after[0]
        head.subtitle_more = _deck_points(units, found, after[0], start)
    return head


def _deck_points(units: Sequence[Unit], found: dict[int, Verdict], first: int, start: int) -> tuple[int, ...]:
    """A deck written as a list ("- Debt converted to equity", "- Follows ..."): its points after the first.

    The points sit together between the first one and the body; one that is anything else ends them.
    """
    if not _DECK_POINT.match(units[first].text):
        return ()
    points: list[int] = []
    for u in units[first + 1:start]:
        if u.decoration or not u.text:
            continue
        v = found.get(u.index)
        if not _DECK_POINT.match(u.text) or (v is not None and v.rule not in _GUESSES):
            break
        points.append(u.index)
    return tuple(points)


def _candidates(units: Sequence[Unit], found: dict[int, Verdict], start: int, skip: int | None) -> list[int]:
    """Heading-like units above the body, walking up past furniture until other chrome starts."""
    cands: list[int] = []
    misses = 0
    for i in range(start - 1, max(-1, start - _MAX_WALK - 1), -1):
        u = units[i]
        v = found.get(i)
        if u.decoration or not u.text or i == skip or (v is not None and v.label in _FURNITURE):
            continue
        if heading_like(u) and _wordy(u.text) and (
                v is None or (v.rule in _GUESSES and (u.heading or (u.words >= 3 and not u.bullet)))):
            cands.append(i)
            misses = 0
        elif cands:
            misses += 1
            if misses > 3:
                break
    return cands


def _title_score(u: Unit, distance: int, lead: set[str], page_titles: list[str], repeated: bool) -> float:
    """How much a unit looks like this release's headline.

    Evidence, strongest first: the page's own title says so (``<title>``, ``og:title``), the
    line is repeated on the page (headline and breadcrumb), it shares words with the lead
    paragraph, it is marked as a heading; distance from the body and sentence punctuation count
    against it.
    """
    text = _norm(u.text)
    words = tokens(text)
    score = 2.0 * len(words & lead) / max(1, len(words))
    if any(text and (text in t or t in text) for t in page_titles):
        score += 3.0
    score += 1.0 if repeated and u.words >= 4 else 0.0  # a repeated headline, not a repeated menu item
    score += 0.8 if u.heading else 0.0
    score -= 0.03 * distance
    score -= 0.5 if text.endswith(".") else 0.0
    score -= 1.0 if u.words < 3 else 0.0
    score -= 2.0 if _NAME_LINE.match(u.text) else 0.0  # a company or site name, not a headline
    return score


def tokens(text: str) -> set[str]:
    """Words, or character pairs for scripts written without spaces."""
    if _CJK.search(text):
        chars = [c for c in text if not c.isspace()]
        return {a + b for a, b in pairwise(chars)}
    return set(_WORD.findall(text))


def _wordy(text: str) -> bool:
    """Real words, not initials or glyph rows ("A A A", "d a h")."""
    tokens = _WORD.findall(text)
    return bool(tokens) and sum(len(t) for t in tokens) >= 2.5 * len(tokens)
