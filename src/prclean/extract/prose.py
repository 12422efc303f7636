"""What counts as prose and as a heading: the two shapes the body and the header are made of."""

from __future__ import annotations

from ..read.units import Unit

PROSE_WORDS = 8
"""A sentence of prose has eight words or more..."""
PROSE_LONG = 20
"""...and ends like one, unless it runs to twenty words (a sentence the renderer cut)."""
PROSE_LINKS = 0.5
"""Prose is mostly not link text."""
HEADING_WORDS = (2, 60)
"""A heading has two words or more and is not a paragraph."""
HEADING_LINKS = 0.5
"""A heading that is mostly link text is a teaser's link, not this page's heading."""
HEADING_MIN_SHORT = 3
"""A two-word line without sentence punctuation is a menu item more often than a heading."""


def is_prose(u: Unit) -> bool:
    w = u.words
    # Unit.link_density written out: this runs for every unit several times a page
    return w >= PROSE_WORDS and (w >= PROSE_LONG or u.ends_sentence) and u.link_chars / max(1, len(u.text)) < PROSE_LINKS


def heading_like(u: Unit) -> bool:
    """A title or subheading candidate: a line of words without list or menu markers."""
    low, high = HEADING_WORDS
    return (not u.bullet and not u.decoration and low <= u.words <= high and u.link_density < HEADING_LINKS
            and not (u.short and u.words < HEADING_MIN_SHORT))
