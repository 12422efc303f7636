"""The release date and the dateline's place."""

from __future__ import annotations

from ..dates import first_date, to_iso
from ..labels import Label
from ..text import search
from ..vocabulary.names import PLACE_LINE
from .sources import Evidence, Found, Source

ABOVE_BODY_UNITS = 40
"""Lines above the body searched for a date line: the header's, not the page's menus above it."""
SHORT_LINE_WORDS = 8
"""A date inside the body counts only on a short line ("28.04.2021"): in prose it is what the text talks about."""


def _dateline_date(ev: Evidence, found: Found) -> str | None:
    return ev.dateline.date if ev.dateline else None


def _page_date(ev: Evidence, found: Found) -> str | None:
    """The first publication date the page's JSON-LD or meta tags give that reads as a date."""
    return next((iso for _, raw in ev.page.facts.dates if (iso := to_iso(raw))), None)


def _page_date_source(ev: Evidence) -> str | None:
    """Which of the page's dates gave the value (``json-ld``, ``meta:article:published_time``, ...)."""
    return next((source for source, raw in ev.page.facts.dates if to_iso(raw)), None)


DATE = (
    Source("dateline", _dateline_date),
    Source("page-meta", _page_date, _page_date_source),
    Source("furniture", lambda ev, found: first_date(_header_furniture(ev))),
    Source("above-body", lambda ev, found: first_date(ev.above_body[-ABOVE_BODY_UNITS:])),
    Source("body-short-line", lambda ev, found: first_date(u.text for u in ev.body if u.words <= SHORT_LINE_WORDS)),
)
# Not a source: a date anywhere else in the page's chrome (a footer's, a sidebar's, another story's).


def _header_furniture(ev: Evidence) -> list[str]:
    """Furniture lines ("Date: 12.03.2026", a timestamp) from the article header down to the body's end."""
    body = ev.extraction.body
    if not body:
        return []
    low, high = body[0] - ABOVE_BODY_UNITS, body[-1]
    return [u.text for u, label, _ in ev.removed if label == Label.FURNITURE and low <= u.index <= high]


def _place_line(ev: Evidence, found: Found) -> str | None:
    """A place given on an info line ("Ort Saarbrücken") when the release has no dateline."""
    for text in ev.removed_texts(Label.FURNITURE):
        m = search(PLACE_LINE, text)
        if m:
            return m.group("x").strip()
    return None


DATELINE_LOCATION = (
    Source("dateline", lambda ev, found: ev.dateline.place if ev.dateline else None),
    Source("info-line", lambda ev, found: None if ev.dateline else _place_line(ev, found)),
)
