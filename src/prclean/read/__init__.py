"""Reading pages: bytes to text (:mod:`.load`), text to units (:mod:`.textdump` for text renderings,
:mod:`.htmlpage` for HTML), and what an HTML page says about itself (:mod:`.facts`, :mod:`.layout`,
:mod:`.maincontent`). The stage ends in one :class:`~.units.Page`, whatever the input kind."""

from __future__ import annotations

from .htmlpage import read_html
from .textdump import segment_text
from .units import MainContent, Page, PageFacts, Unit

__all__ = ["MainContent", "Page", "PageFacts", "Unit", "read_page"]


def read_page(text: str, kind: str, url: str | None) -> Page:
    """The page as units, with its facts and main content when it is HTML."""
    if kind == "html":
        return read_html(text, url)
    return Page(segment_text(text), "text")
