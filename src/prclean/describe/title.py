"""Title and subtitle: the release's headline and the deck its issuer wrote under it."""

from __future__ import annotations

from ..extract.header import title_parts
from .sources import Evidence, Found, Source


def _headline(ev: Evidence, found: Found) -> str | None:
    """The heading the header stage chose above the body."""
    header = ev.extraction.header
    return ev.units[header.title].text if header.title is not None else None


def _page_title(name: str, attribute: str) -> Source:
    """A title the page gives itself, with the site's name cut off ("Headline | Site")."""
    def read(ev: Evidence, found: Found) -> str | None:
        value: str | None = getattr(ev.page.facts, attribute)
        if not value:
            return None
        parts = title_parts(value)
        return max(parts, key=len) if len(parts) > 1 else value
    return Source(name, read)


def _deck(ev: Evidence, found: Found) -> str | None:
    header = ev.extraction.header
    if header.subtitle is None:
        return None
    units = [ev.units[i] for i in (header.subtitle, *header.subtitle_more)]
    return "\n".join(f"{u.marker} {u.text}" if u.marker else u.text for u in units)


TITLE = (Source("headline", _headline), _page_title("json-ld", "headline"), _page_title("og:title", "og_title"),
         _page_title("title-tag", "page_title"))
SUBTITLE = (Source("deck", _deck),)
