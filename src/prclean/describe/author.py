"""The author: a person's name from a byline, and only that.

A byline the page shows above its text names the author. Page metadata (``meta name=author``,
JSON-LD) often names someone else: the company, a web agency, the CMS user ("admin"), a role
("publisher"). It is believed only when the name looks like a person's and the page also shows
it near its text, where a byline would stand.
"""

from __future__ import annotations

from ..names import wire_named
from ..text import lazy, norm
from ..vocabulary.names import ENDS_IN_LEGAL_FORM, NAME_PARTICLES, NOT_A_PERSON
from .owner import same_organisation, site_names
from .sources import Evidence, Found, Source

_NAME_WORDS = (2, 5)
"""A person's name is two to five words ("Ruth Okafor", "Anna Maria de la Cruz")."""
_ABOVE, _INSIDE = 30, 10
"""Where a byline stands: among the 30 units above the body (the article header) or its first 10."""
_BYLINE_WORDS = 12
"""A line naming the author is short: "By Ruth Okafor | 4 May 2026"."""
_CAPITALISED = lazy(r"^\p{Lu}[\p{L}'’.-]*$")


def looks_like_person(name: str) -> bool:
    """Two to five capitalised words (name particles aside), no digits, no legal form, no role word."""
    words = name.replace(",", " ").split()
    low, high = _NAME_WORDS
    if not low <= len(words) <= high or any(c.isdigit() for c in name) or ENDS_IN_LEGAL_FORM.search(name):
        return False
    if any(w.casefold() in NOT_A_PERSON for w in words):
        return False
    return all(_CAPITALISED.match(w) or w.casefold() in NAME_PARTICLES for w in words)


def _byline(ev: Evidence, found: Found) -> str | None:
    author = ev.extraction.header.author
    return author if author and looks_like_person(author) else None


def _shown_near_body(ev: Evidence, name: str) -> bool:
    """Does the page show this name where a byline stands: just above the body, or on its first lines?"""
    key = norm(name)
    first = ev.extraction.body[0] if ev.extraction.body else len(ev.units)
    near = ev.units[max(0, first - _ABOVE):first + _INSIDE]
    return any(key in norm(u.text) for u in near if u.words <= _BYLINE_WORDS)


def _page_meta(ev: Evidence, found: Found) -> str | None:
    author = ev.page.facts.author
    return author if author and looks_like_person(author) and _shown_near_body(ev, author) else None


def is_person(author: str, ev: Evidence, found: Found) -> bool:
    """A wire, the issuer, or the site itself named as "author" is not a person."""
    wire, issuer = found.get("wire"), found.get("issuer")
    if (wire and author.casefold() == wire.casefold()) or wire_named(author) or (issuer and norm(author) == norm(issuer)):
        return False
    return not any(same_organisation(author, site) for site in site_names(ev))


AUTHOR = (
    Source("byline", _byline),
    Source("page-meta", _page_meta, lambda ev: ev.page.facts.author_source),
)
