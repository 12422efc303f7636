"""The release's own sections: About the issuer, media contacts, forward-looking statements.

These are part of the release (the issuer wrote them) so they stay in the body by default, but
many users want them apart: finance NLP drops safe-harbour text, corpora drop contact blocks.
A section starts at its heading and runs until the next section heading.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..labels import Label
from ..names import about_name, is_about_us
from ..read.units import Unit
from ..vocabulary.headings import ABOUT_CJK, CONTACTS, FORWARD_LOOKING
from .prose import is_prose

_HEADING_WORDS = 14
"""A section heading is a line, not a paragraph ("About Acme Inc., a leader in ..." still counts)."""
_FLS_HEAD = 200
"""The safe-harbour phrase opens its paragraph: only its start is searched."""
FLS_PIECES = ("cautionary", "forward", "safe harbo", "zukunfts", "declaraciones", "dichiarazioni", "toekomstgerichte")
"""What every match of FORWARD_LOOKING in ASCII text holds, lowercased (its other phrases are not ASCII)."""
_SUBHEADING_WORDS = 10
"""A subheading that ends an About section is a short line followed by prose."""


def section_of(u: Unit) -> Label | None:
    """The section a unit opens, if it is a section heading (or a paragraph that opens one)."""
    text = u.text
    if u.words <= _HEADING_WORDS and (about_name(text) or is_about_us(text) or ABOUT_CJK.match(text)):
        return Label.ABOUT
    if u.words <= _HEADING_WORDS and CONTACTS.match(text):
        return Label.CONTACTS
    if _forward_looking(text[:_FLS_HEAD]):
        return Label.FORWARD_LOOKING
    return None


def _forward_looking(head: str) -> bool:
    """Does the safe-harbour phrase open this paragraph head? An ASCII head is searched only when it holds
    one of :data:`FLS_PIECES` (lowercased): the pattern is unanchored and slow, and most paragraphs are no
    safe harbour."""
    if head.isascii() and not any(piece in head.lower() for piece in FLS_PIECES):
        return False
    return FORWARD_LOOKING.search(head) is not None


def assign_sections(units: Sequence[Unit]) -> tuple[Label | None, ...]:
    """The section each body unit belongs to (None for the main text).

    A section continues over its paragraphs and stops at the next section heading, or at a
    subheading followed by prose that no longer reads as part of it.
    """
    labels: list[Label | None] = []
    current: Label | None = None
    for i, u in enumerate(units):
        opened = section_of(u)
        if opened:
            current = opened
        elif current == Label.ABOUT and not is_prose(u) and u.words <= _SUBHEADING_WORDS and i + 1 < len(units) \
                and is_prose(units[i + 1]) and not u.bullet:
            current = None  # a new subheading after the About paragraph
        labels.append(current)
    return tuple(labels)
