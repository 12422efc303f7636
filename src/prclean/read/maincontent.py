"""The main content of a page no profile knows, read by a generic extractor (trafilatura).

trafilatura's text is matched back to prclean's own units, so the rest of the pipeline sees one
kind of evidence whatever its source: a set of units the layout calls main content. The match is
bounded by the entry the page marks itself, when that entry holds most of the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import Timeout
from ..text import trigrams
from .units import Unit

_SHORT_LINE_WORDS = 4
"""Lines under four words have too few trigrams to match by; they must match exactly."""
_ALL_TRIGRAMS_BELOW = 6
"""A line under six words must have all its trigrams in trafilatura's text (a short line inside prose)."""
_FAST_SHORT = 0.5
"""trafilatura's fast pass is redone in full when it keeps under half of the page's prose words."""
_PROSE_WORDS = 8
"""Prose is sentences: lines of eight words or more that end like one."""
_MARKED_SHARE = 0.6
"""A marked entry bounds the main content only when it holds 60% of trafilatura's words."""
_TREE_CHILDREN = 2
"""A tree is handed over only with a head and a body: trafilatura checks a thinner parse in ways of its own."""


def trafilatura_lines(html: str, fast: bool = True, tree: Any = None) -> tuple[set[str], set[tuple[str, ...]]] | None:
    """trafilatura's main-content text, as its set of lines and its set of word trigrams.

    ``tree``, the page's parsed tree (lxml.html elements), spares trafilatura a second parse: it
    works on a copy, which costs a third of a parse.  A tree too thin for a page (under a head and a
    body: a fragment) is not handed over, so trafilatura's own checks of such input still apply.

    ``fast`` skips trafilatura's fallback extractors (ports of readability and jusText), which it runs
    when its own pass finds little: a third faster, but on some pages the fast pass keeps a teaser.
    Its precision mode is off: on the web corpus it dropped whole articles (HTML F1 0.772 -> 0.800 and
    catastrophic pages 84 -> 31 of 1,288 without it; release pages 0.991 -> 0.990).
    """
    import trafilatura

    try:
        page = tree if tree is not None and len(tree) >= _TREE_CHILDREN else html
        out = trafilatura.extract(page, fast=fast, favor_precision=False, include_comments=False,
                                  include_tables=True, include_links=False, deduplicate=False)
    except Timeout:
        raise  # the page's budget is spent: that is not trafilatura's failure
    except Exception:  # noqa: BLE001 - a peer's failure must not fail the page; we fall back
        return None
    if not out:
        return None
    lines = [" ".join(line.split()) for line in out.splitlines() if line.strip()]
    lines = [line.strip("| ") if line.startswith("|") else line for line in lines]  # table rows: "| a | b |"
    return set(lines), trigrams("\n".join(lines))


def covered(unit: Unit, lines: set[str], grams: set[tuple[str, ...]]) -> bool:
    """Is this unit part of trafilatura's text?  Exact for short lines, by word trigrams otherwise
    (trafilatura normalises quotes and spacing, so prose rarely matches character for character):
    all of them for a short line inside a longer one, half for prose.  Set lookups only, so a
    page of 50,000 lines costs no more than its length (a substring search per line did)."""
    if unit.text in lines:
        return True
    own = trigrams(unit.text) if unit.words >= _SHORT_LINE_WORDS else set()
    hits = len(own & grams)
    return bool(own) and (hits == len(own) if unit.words < _ALL_TRIGRAMS_BELOW else hits * 2 >= len(own))


def generic_main(html: str, units: Sequence[Unit], marked_entry: set[int],
                 tree: Any = None) -> frozenset[int] | None:
    """The units trafilatura keeps, up to the end of the page's marked entry; None if it keeps nothing.
    ``tree`` is the page as parsed, unchanged since (None: trafilatura parses ``html`` itself)."""
    lines = trafilatura_lines(html, tree=tree)
    if _short_of_prose(lines, units):  # the fast pass kept a fragment: let trafilatura's fallbacks run
        lines = trafilatura_lines(html, fast=False, tree=tree) or lines
    if lines is None:
        return None
    line_set, grams = lines
    kept = {u.index for u in units if covered(u, line_set, grams)}
    return frozenset(bounded(kept, marked_entry, units))


def _short_of_prose(lines: tuple[set[str], set[tuple[str, ...]]] | None, units: Sequence[Unit]) -> bool:
    """Did trafilatura's fast pass keep much less than the page's prose (paragraphs of sentences)?"""
    prose = sum(u.words for u in units if u.words >= _PROSE_WORDS and u.ends_sentence)
    kept = sum(len(line.split()) for line in lines[0]) if lines is not None else 0
    return prose > 0 and kept < _FAST_SHORT * prose


def bounded(kept: set[int], entry: set[int], units: Sequence[Unit]) -> set[int]:
    """The main content up to the end of the entry the page marks itself; the rest is the host's.

    Only when the marked entry holds most of what was kept: a site that marks a teaser or the
    lead alone as its article body says nothing about where the text ends.
    """
    if not entry:
        return kept
    words = sum(units[i].words for i in kept) or 1
    if sum(units[i].words for i in kept & entry) < _MARKED_SHARE * words:
        return kept
    end = max(entry)
    return {i for i in kept if i <= end}
