"""Where an HTML page's main content comes from, by variant (VARIANT env or argument).

* ``today``: trafilatura, bounded by the page's marked entry (as shipped);
* ``none``: no generic extractor: the main content is the page's marked entry
  (``itemprop=articleBody``, ``e-content``, 60 words or more), else none (the best-stretch path);
* ``hybrid``: the marked entry when the page has one, else trafilatura.

Profile containers (wires, known hosts) are untouched in every variant: they never called trafilatura.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import prclean.read.htmlpage as H
from prclean.read.maincontent import generic_main
from prclean.read.units import Unit

CALLS = {"traf": 0, "skip": 0}


def _none(html: str, units: Sequence[Unit], marked: set[int], tree: Any = None) -> frozenset[int] | None:
    CALLS["skip"] += 1
    return frozenset(marked) if marked else None


def _hybrid(html: str, units: Sequence[Unit], marked: set[int], tree: Any = None) -> frozenset[int] | None:
    if marked:
        CALLS["skip"] += 1
        return frozenset(marked)
    CALLS["traf"] += 1
    return generic_main(html, units, marked, tree)


def _today(html: str, units: Sequence[Unit], marked: set[int], tree: Any = None) -> frozenset[int] | None:
    CALLS["traf"] += 1
    return generic_main(html, units, marked, tree)


_MODEL_BODY = 0.5
"""``model``: the units the trafilatura-free model calls body stand in for the main content."""


def _model_main() -> None:
    """Patch extraction: an HTML page without a profile container gets as main content the units the
    model (fitted without trafilatura) calls body, and that model's scores, asked once, are reused."""
    from dataclasses import replace

    import prclean.extract as E
    import prclean.pipeline as P
    from prclean.detect import detect
    from prclean.read.units import MainContent

    original, probs = E.extract, E.body_probabilities

    def extract(page, found):  # type: ignore[no-untyped-def]
        if page.kind != "html" or (page.main is not None and page.main.source.startswith("profile")):
            E.body_probabilities = probs
            return original(page, found)
        p = probs(page, found)
        main = frozenset(i for i, x in enumerate(p) if x >= _MODEL_BODY)
        E.body_probabilities = lambda _page, _found: p
        page = replace(page, main=MainContent(main, "model") if main else None)
        try:  # detected again: the container detector drops a label that covers most of the main content
            return original(page, detect(page))
        finally:
            E.body_probabilities = probs

    P.extract = extract  # type: ignore[assignment]


def use(name: str | None = None) -> str:
    name = name or os.environ.get("VARIANT", "today")
    H.generic_main = {"today": _today, "none": _none, "hybrid": _hybrid, "model": _none}[name]  # type: ignore[assignment]
    if name == "model":
        _model_main()
    return name
