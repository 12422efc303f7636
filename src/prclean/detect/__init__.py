"""Detection: small named detectors, each saying which units are chrome and why.

Detectors run in :data:`DETECTORS` order and the first verdict on a unit wins, so the order is the
precedence: certain phrase evidence first, then shape, then context (a verdict that follows from
a neighbour's), then the HTML containers' class words, which are the vaguest. A new detector is a
function ``(page, verdicts so far) -> {index: Verdict}`` in one of this package's modules, placed
in this list where its evidence ranks.
"""

from __future__ import annotations

from ..read.units import Page
from .consent import consent_dialog
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
    caption_after_credit, trailer_url, consent_dialog,  # context: they read the verdicts above
    containers,  # HTML class words: weaker than anything a unit's own text says
)


_LOOP_SHARE = 4
"""A detector naming under a quarter as many units as already have a verdict is merged unit by unit;
more, and the two dicts are merged whole (in C: 1,000,000 repeated lines, 0.1 s a detector -> 0.04 s)."""


def detect(page: Page) -> dict[int, Verdict]:
    """Every detector's verdicts; the first verdict on a unit wins, in :data:`DETECTORS` order."""
    found: dict[int, Verdict] = {}
    for detector in DETECTORS:
        found = _merged(found, detector(page, found))
    return found


def _merged(found: dict[int, Verdict], new: dict[int, Verdict]) -> dict[int, Verdict]:
    """``found`` with the verdicts of ``new`` on units it has none for, added in ``new``'s order (as
    ``found.setdefault`` for each would: the earlier verdict wins and keeps its place)."""
    if len(new) * _LOOP_SHARE < len(found):
        for idx, verdict in new.items():
            found.setdefault(idx, verdict)
        return found
    merged = {**found, **new}  # found's units first, then new's in its order...
    merged.update(found)  # ...with found's verdicts back on the units both name (their places stay)
    return merged
