"""A detector's finding about one unit: what it is, by which rule, and how sure.

Two strengths of verdict exist. ``anywhere`` verdicts come from evidence that never occurs in a
release's own text (``SOURCE Acme``, ``View original content``) and remove a unit wherever it
stands. The others are evidence: they push the body's boundary away and name what was removed
outside the body, but a release's own short list inside the body survives them. ``terminal``
verdicts mark a line after which the release does not go on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..labels import Label, RuleName
from ..read.units import Page


@dataclass(frozen=True, slots=True)
class Verdict:
    label: Label
    rule: str
    anywhere: bool = False
    terminal: bool = False


Verdicts = Mapping[int, Verdict]
"""Verdicts by unit index; a unit no detector recognised has none."""

Detector = Callable[[Page, Verdicts], dict[int, Verdict]]
"""A detector reads the page and the verdicts of the detectors before it, and names chrome."""

STRUCTURAL_GUESSES = frozenset({RuleName.SHORT_RUN, RuleName.BULLET_RUN, RuleName.REPEATED, RuleName.LINK_DENSE})
"""Verdicts from shape alone (a run of short lines, a repeated line): a release's own list can trip them."""

END_ANCHORS = frozenset({RuleName.SOURCE_LINE, RuleName.VIEW_ORIGINAL, RuleName.OTS_TRAILER,
                         RuleName.ISSUER_RESPONSIBILITY})
"""Wire trailers that state where the release ends ("SOURCE X", "View source version on ...")."""
