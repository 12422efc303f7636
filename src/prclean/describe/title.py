"""Title and subtitle: the release's headline and the deck its issuer wrote under it."""

from __future__ import annotations

from ..extract.header import title_parts
from ..read.units import PageFacts
from ..text import INVISIBLE
from .sources import Evidence, Found, Source

_PAGE_TITLES = (("json-ld", "headline"), ("og:title", "og_title"), ("title-tag", "page_title"))
"""The titles a page gives itself, most specific first."""


def _headline(ev: Evidence, found: Found) -> str | None:
    """The headline the header stage chose above the body (a whole line, or the front of a glued one)."""
    header = ev.extraction.header
    if header.title is None:
        return None
    return header.title_text or ev.units[header.title].text


def cut_site_name(value: str) -> str:
    """A page title without the site's name appended ("Headline | Site" → "Headline"), and without the
    invisible characters (soft hyphens) its markup carried."""
    parts = title_parts(" ".join(INVISIBLE.sub("", value).split()))
    return max(parts, key=len) if len(parts) > 1 else value


def page_title(facts: PageFacts) -> str | None:
    """The first title the page gives itself, with the site's name cut off."""
    for _, attribute in _PAGE_TITLES:
        value: str | None = getattr(facts, attribute)
        if value:
            return cut_site_name(value)
    return None


def _page_title(name: str, attribute: str) -> Source:
    """A title the page gives itself, with the site's name cut off ("Headline | Site")."""
    def read(ev: Evidence, found: Found) -> str | None:
        value: str | None = getattr(ev.page.facts, attribute)
        return cut_site_name(value) if value else None
    return Source(name, read)


def _deck(ev: Evidence, found: Found) -> str | None:
    """The deck the header chose: a line (or a list of points) under the headline, or what followed
    a headline glued into one line with it."""
    header = ev.extraction.header
    if header.subtitle_text:
        return header.subtitle_text
    if header.subtitle is None:
        return None
    units = [ev.units[i] for i in (header.subtitle, *header.subtitle_more)]
    return "\n".join(f"{u.marker} {u.text}" if u.marker else u.text for u in units)


TITLE = (Source("headline", _headline), *(_page_title(name, attr) for name, attr in _PAGE_TITLES))
SUBTITLE = (Source("deck", _deck),)
