"""The author: a person's name from a byline, and only that."""

from __future__ import annotations

from ..names import wire_named
from .sources import Found, Source


def is_person(author: str, found: Found) -> bool:
    """A byline names a person: a wire or a site named as "author" in page metadata is not one."""
    wire = found.get("wire")
    return not ((wire and author.casefold() == wire.casefold()) or wire_named(author))


AUTHOR = (
    Source("byline", lambda ev, found: ev.extraction.header.author),
    Source("page-meta", lambda ev, found: ev.page.facts.author, lambda ev: ev.page.facts.author_source),
)
