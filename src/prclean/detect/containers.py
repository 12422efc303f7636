"""HTML evidence: the chrome a unit's containers name (``<nav>``, ``role="contentinfo"``, ``class="share-bar"``).

A class word says what a box holds only when the box is a part of the page. When one label sits
over most of the main content it comes from a page-wide wrapper (``class="l-sidebar-layout"``)
and is no evidence about any unit inside it, so it is dropped there.
"""

from __future__ import annotations

from ..labels import container_rule
from ..read.units import Page
from .verdict import Verdict, Verdicts

_WRAPPER_SHARE = 0.5
"""A container label over half of the main content's words comes from a page-wide wrapper."""


def containers(page: Page, found: Verdicts) -> dict[int, Verdict]:
    """A verdict for each unit inside an element that names chrome, except under a page-wide wrapper."""
    out = {u.index: Verdict(u.container, container_rule(u.container)) for u in page.units if u.container}
    inside = page.main.units if page.main else frozenset()
    words = sum(page.units[i].words for i in inside) or 1
    by_rule: dict[str, int] = {}
    for i in inside:
        if i in out:
            by_rule[out[i].rule] = by_rule.get(out[i].rule, 0) + page.units[i].words
    wrappers = {rule for rule, n in by_rule.items() if n >= _WRAPPER_SHARE * words}
    return {i: v for i, v in out.items() if not (i in inside and v.rule in wrappers)}
