"""URLs as pages and callers give them: read with urllib, never with a regex of our own."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from .text import lazy

_NOT_IN_URL = lazy(r"[\s<>\"'`]")


def url_parts(url: str) -> tuple[str | None, str | None, str]:
    """Host, path and query of a URL; (None, None, "") for one urllib cannot read ("https://[x")."""
    try:
        parts = urlsplit(url)
        return parts.hostname, parts.path, parts.query
    except ValueError:
        return None, None, ""


def absolute_url(href: str | None, base: str | None) -> str | None:
    """An http(s) URL, resolved against the page's own URL when relative; None for anything else."""
    href = (href or "").strip()
    if base and href:
        try:
            href = urljoin(base, href)
        except ValueError:
            return None
    if not href.casefold().startswith(("http://", "https://")) or _NOT_IN_URL.search(href):
        return None
    return href if url_parts(href)[0] else None  # a host urllib can read: not "https://[::1"


def url_host(url: str | None) -> str:
    """The lower-case host of a URL (\"\" when there is none or urllib cannot read it)."""
    return (url_parts(url)[0] or "") if url else ""
