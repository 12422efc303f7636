"""The release's own sections: About the issuer, media contacts, forward-looking statements.

These are part of the release (the issuer wrote them) so they stay in the body by default, but
many users want them apart: finance NLP drops safe-harbour text, corpora drop contact blocks.
A section starts at its heading and runs until the next section heading.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..describe.fields import about_name, is_about_us
from ..read.textdump import Unit
from .span import CONTACT_HEADING, is_prose

ABOUT, CONTACTS, FORWARD = "about", "contacts", "forward_looking"
_FLS = regex.compile(
    r"^(?:\W{0,3})(?:cautionary (?:note|statement|language)[^.]{0,60}|(?:note regarding |special note regarding )?"
    r"forward[- ]looking (?:statements?|information)|safe harbou?r|zukunftsgerichtete aussagen|"
    r"zukunftsbezogene aussagen|déclarations prospectives|énoncés prospectifs|declaraciones prospectivas|"
    r"declarações prospectivas|dichiarazioni previsionali|toekomstgerichte verklaringen|将来予測|前瞻性陈述)"
    r"|\b(?:contains?|constitutes?|include|are) (?:certain )?[\"“]?forward[- ]looking statements?\b",
    regex.IGNORECASE,
)
_ABOUT_JA = regex.compile(r"^(?:.{1,40}について|会社概要|关于.{1,40}|關於.{1,40})$")


def section_of(u: Unit) -> str | None:
    """The section a unit opens, if it is a section heading (or a paragraph that opens one)."""
    text = u.text
    if u.words <= 14 and (about_name(text) or is_about_us(text) or _ABOUT_JA.match(text)):
        return ABOUT
    if u.words <= 14 and CONTACT_HEADING.match(text):
        return CONTACTS
    if _FLS.search(text[:200]):
        return FORWARD
    return None


def assign_sections(units: Sequence[Unit]) -> list[str | None]:
    """Label each body unit with the section it belongs to (None for the main text).

    A section continues over its paragraphs and stops at the next section heading, or at a
    subheading followed by prose that no longer reads as part of it.
    """
    labels: list[str | None] = []
    current: str | None = None
    for i, u in enumerate(units):
        opened = section_of(u)
        if opened:
            current = opened
        elif current == ABOUT and not is_prose(u) and u.words <= 10 and i + 1 < len(units) \
                and is_prose(units[i + 1]) and not u.bullet:
            current = None  # a new subheading after the About paragraph
        labels.append(current)
    return labels
