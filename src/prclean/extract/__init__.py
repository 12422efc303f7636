"""Extraction: which units are the release.

The body comes from the page's main content when its layout names one (:mod:`.main`), else from
the best stretch of prose (:mod:`.span`); the dateline moves its start (:mod:`.dateline`), contact
cards extend its end (:mod:`.contacts`). A fitted model scores every unit (:mod:`.unitfeatures`,
:mod:`.unitmodel`) and corrects that body where it is sure (:mod:`.fitted`). Above it, the header gives title, subtitle and byline
(:mod:`.header`); inside it, the release's own sections are marked (:mod:`.sections`). Every unit
then gets one decision (:mod:`.decide`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..detect.verdict import Verdicts
from ..labels import Label
from ..read.units import Page, Unit
from .decide import Decision, decide
from .fitted import body_probabilities, correct_main, floor_span
from .header import Header, names_page_title, read_header, standfirst
from .main import choose_main
from .prose import heading_like
from .sections import assign_sections
from .span import Span, choose_span

__all__ = ["Decision", "Extraction", "Header", "Span", "extract"]

_LEAD_UNITS = 2
"""The lead a headline is compared with: the body's first two units."""


@dataclass(frozen=True)
class Extraction:
    """What extraction decided: the body span, the header, the sections, and a decision per unit.

    ``verdicts`` are the detectors' with extraction's own (captions, link cards) over them.
    """

    span: Span | None
    header: Header
    sections: Mapping[int, Label]
    verdicts: Verdicts
    decisions: tuple[Decision, ...]

    @property
    def body(self) -> tuple[int, ...]:
        return self.span.keep if self.span else ()


def extract(page: Page, found: Verdicts) -> Extraction:
    units = page.units
    detected = found
    body_p: list[float] = []  # the model's scores, asked only once a hand-rules body needs correcting
    span = None
    if page.main:
        span = choose_main(units, found, page.main.units)
        if span is not None and not span.keep:  # the main content held no prose after all
            found = {**found, **span.dropped}
            span = None
        if span is not None:
            body_p = body_probabilities(page, detected)
            span = correct_main(span, units, found, body_p, page.main.units)
    if span is None and (hand := choose_span(units, found)) is not None:
        span = floor_span(hand, units, found, body_p or body_probabilities(page, detected))
    span = _headline_out(span, units, page.facts.titles)
    verdicts = {**found, **span.dropped} if span else found
    start = span.start if span else len(units)
    lead = " ".join(units[i].text for i in span.keep[:_LEAD_UNITS]) if span else ""
    header = read_header(units, verdicts, start, lead, page.facts.titles) if span else Header()
    if span is not None and (deck := standfirst(header, units, verdicts, span.keep)) is not header:
        header, span = deck, span.without_first()
    keep = span.keep if span else ()
    sections = {i: s for i, s in zip(keep, assign_sections([units[i] for i in keep])) if s}
    return Extraction(span, header, sections, verdicts, decide(units, verdicts, span, header, sections, page.main))


def _headline_out(span: Span | None, units: Sequence[Unit], titles: Sequence[str]) -> Span | None:
    """The page's own title opening the main content is the headline, not the release's first paragraph.

    Syndicating sites put the headline inside the article box; the <title> or og:title, which
    names it exactly (alone or beside the site's name), tells it from a first paragraph.
    """
    if span is None or len(span.keep) < 2:
        return span
    first = units[span.keep[0]]
    if not heading_like(first) or first.text.endswith(".") or not names_page_title(first.text, titles):
        return span
    return span.without_first()
