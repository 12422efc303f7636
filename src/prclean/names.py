"""Names of organisations and people as pages write them, cleaned of what pages append to them.

Shared by the stages that find the release (an "About Acme" heading opens a section; a byline is
furniture) and the stage that describes it (issuer, author).
"""

from __future__ import annotations

from .text import lazy, search
from .vocabulary.headings import ABOUT, ABOUT_US
from .vocabulary.names import (
    AFFILIATION,
    ARTICLE,
    BYLINE,
    DOMAIN,
    ENDS_IN_LEGAL_FORM,
    LOGO_PREFIX,
    NAME_CUT,
    NAME_TAIL,
    NOT_A_NAME,
)
from .wires import PROFILES

_NON_WORD = lazy(r"[\W_]+")


def name_key(name: str) -> str:
    """A name reduced to its letters and digits, for comparing spellings ("PR Newswire", "PRNewswire")."""
    return _NON_WORD.sub("", name.casefold())


WIRE_BY_KEY = {name_key(p.name): p.name for p in PROFILES}
_DISTRIBUTORS = {name_key(p.name) for p in PROFILES if not p.agency}


def wire_named(name: str) -> bool:
    """Is this the name of a distribution service ("PR Newswire", "Business Wire")?"""
    return name_key(name) in WIRE_BY_KEY


def distributor_named(name: str) -> bool:
    """Is this a wire that only distributes releases (not a news agency that also writes them)?"""
    return name_key(name) in _DISTRIBUTORS


def clean_name(name: str) -> str | None:
    """An organisation name without what a page appends to it ("IHS Inc. (www.ihs.com)",
    "Visiongain. Web design by ...", "SYS-CON Media, Inc. —"); None if nothing name-like is left."""
    name = LOGO_PREFIX.sub("", name)
    name = NAME_CUT.split(name, maxsplit=1)[0]
    name = NAME_TAIL.sub("", name).strip(" ,;:|-–—")
    if name.endswith(".") and not ENDS_IN_LEGAL_FORM.search(name):
        name = name[:-1]  # a sentence's full stop ("© 2025 Orchard Valley Transit."), not an abbreviation's
    if not name or NOT_A_NAME.match(name) or DOMAIN.match(name) or wire_named(name):
        return None
    return name


def about_name(text: str) -> str | None:
    """The organisation an "About X" heading names ("About Acme Inc." keeps the dot of "Inc.")."""
    m = search(ABOUT, text)
    if not m:
        return None
    name = ARTICLE.sub("", m.group("x").strip())
    if text.rstrip().endswith(".") and not name.endswith(".") and ENDS_IN_LEGAL_FORM.search(name):
        name += "."
    return clean_name(name)


def is_about_us(text: str) -> bool:
    """An "About us" heading: the section is about the page's owner."""
    return bool(search(ABOUT_US, text))


def author_from(text: str) -> str | None:
    """The person a byline names, without the affiliation after it ("Von David Hutzler, dpa")."""
    m = search(BYLINE, text)
    if not m:
        return None
    name = m.group("x").strip()
    person = search(AFFILIATION, name)
    return person.group("x") if person else name
