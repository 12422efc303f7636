"""The wire: the distribution service whose dateline, layout or trailer the page carries.

A release re-hosted elsewhere keeps the wire of its dateline, so the release's own text comes
first and the page's layout after it.
"""

from __future__ import annotations

from ..labels import Label
from ..names import WIRE_BY_KEY, name_key
from ..text import search
from ..vocabulary.names import INFO_SOURCE
from ..wires import PROFILES, wire_from_text
from .sources import Evidence, Found, Source


def _lead_tag(ev: Evidence, found: Found) -> str | None:
    """The wire named by a dateline tag anywhere in the lead paragraph."""
    if not ev.paragraphs:
        return None
    profile = wire_from_text(ev.paragraphs[0])
    return profile.name if profile else None


def _trailer(ev: Evidence, found: Found) -> str | None:
    """The wire a trailer names ("View source version on businesswire.com: ...")."""
    text = " ".join(ev.removed_texts(Label.WIRE_TRAILER)).casefold()
    for profile in PROFILES:
        if any(host in text for host in profile.hosts):
            return profile.name
    return None


def _info_line(ev: Evidence, found: Found) -> str | None:
    """A wire named on a "Source: dpa-AFX" info line."""
    for text in ev.removed_texts(Label.FURNITURE):
        m = search(INFO_SOURCE, text)
        if m and (name := WIRE_BY_KEY.get(name_key(m.group("x")))):
            return name
    return None


WIRE = (
    Source("dateline", lambda ev, found: ev.dateline.wire if ev.dateline else None),
    Source("lead-tag", _lead_tag),
    Source("page-layout", lambda ev, found: ev.page.layout_wire),
    Source("trailer", _trailer),
    Source("info-line", _info_line),
)
