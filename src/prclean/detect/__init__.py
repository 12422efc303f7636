"""Detection: small named detectors, each saying which units are chrome and why.

Detectors run in :data:`DETECTORS` order and the first verdict on a unit wins, so the order is the
precedence: certain phrase evidence first, then shape, then context (a verdict that follows from
a neighbour's), then the HTML containers' class words, which are the vaguest. A new detector is a
function ``(page, verdicts so far) -> {index: Verdict}`` in one of this package's modules, placed
in this list where its evidence ranks.
"""

from __future__ import annotations

from ..read.units import Page
from .containers import containers
from .phrases import phrases
from .structure import (
    caption_after_credit,
    decoration,
    doubled_text,
    language_line,
    language_list,
    link_dense,
    menu_runs,
    repeated,
    trailer_url,
    truncated_teaser,
)
from .verdict import Detector, Verdict, Verdicts

__all__ = ["DETECTORS", "Verdict", "Verdicts", "detect"]

DETECTORS: tuple[Detector, ...] = (
    decoration, phrases, language_list, language_line, truncated_teaser, doubled_text, repeated, link_dense,
    menu_runs,
    caption_after_credit, trailer_url,  # context: they read the verdicts above
    containers,  # HTML class words: weaker than anything a unit's own text says
)


def detect(page: Page) -> dict[int, Verdict]:
    """Every detector's verdicts; the first verdict on a unit wins, in :data:`DETECTORS` order."""
    found: dict[int, Verdict] = {}
    for detector in DETECTORS:
        for idx, verdict in detector(page, found).items():
            found.setdefault(idx, verdict)
    return found
