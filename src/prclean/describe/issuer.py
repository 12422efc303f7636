"""The issuer: the organisation that issued the release.

Most specific first: what a wire states (the SOURCE line, "News provided by", "More news from"),
the agency in the dateline tag, the name set over the headline; then the release's own words (the
subject of "X today announced" on a wire's page); then the page's owner on a newsroom
(:mod:`.owner`); then the About section's subject; and last an acronym the headline leads with and
the page repeats. Never the wire, the hosting portal, or a web agency.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from ..labels import Label
from ..names import about_name, clean_name, distributor_named, is_about_us, wire_named
from ..text import lazy, search
from ..vocabulary.names import (
    ARTICLE,
    DOMAIN,
    INFO_SOURCE,
    IS_SUBJECT,
    LEAD_START,
    LEAD_SUBJECT,
    MORE_FROM,
    SOURCE_LINE,
)
from .owner import guest_logo, site_owner
from .sources import Evidence, Found, Source

_TRUNCATED = lazy(r"(?:\.\.\.|…)$")
_INFO_NAME_WORDS = 10
"""A name on a "Source:" line is a few words; more is a sentence that happens to start so."""
_LEAD_HEAD = 400
"""The release's subject is named in its first sentence."""
_SUBJECT_WORDS = (1, 8)
"""An organisation's name in a lead is one to eight words."""
_ACRONYM = lazy(r"\b\p{Lu}{3,10}\b")
_ACRONYM_REPEATS = 3
"""An acronym the page repeats three times is its subject, not a passing mention."""


def _first(pattern: regex.Pattern[str], hint: Callable[[str], bool],
           accept: Callable[[str], bool] = bool) -> Callable[[Sequence[str]], str | None]:
    """A reader of the first name the pattern finds in some text; ``hint`` is a cheap test a text
    must pass before the pattern runs on it (these readers sweep every line of a page)."""
    def read(texts: Sequence[str]) -> str | None:
        for t in texts:
            m = search(pattern, t) if hint(t) else None
            if m and m.group("x") and accept(m.group("x")):
                return str(m.group("x"))
        return None
    return read


_source_line = _first(SOURCE_LINE, lambda t: "SOURCE" in t or "Original" in t or "Herausgeber" in t)
_more_from = _first(MORE_FROM, lambda t: t[:4].casefold() == "more")
_info_line = _first(INFO_SOURCE, lambda t: ":" in t,
                    lambda name: len(name.split()) <= _INFO_NAME_WORDS and not _TRUNCATED.search(name))


def is_issuer(name: str, ev: Evidence, found: Found) -> bool:
    """An issuer is never the wire that distributed the release (a news agency may write its own), nor a web address."""
    return not (distributor_named(name) or DOMAIN.match(name))


def about_issuer(section: Sequence[str]) -> str | None:
    """Who the About section is about: its heading's name, or under "About us" its first sentence's subject."""
    if not section:
        return None
    if is_about_us(section[0]) and len(section) > 1:
        m = search(IS_SUBJECT, section[1])
        return clean_name(ARTICLE.sub("", m.group("x"))) if m else None
    return about_name(section[0])


def lead_subject(after_dateline: str) -> str | None:
    """The organisation a wire release opens with, right after its dateline ("-- Acme Inc. (NYSE: A) today ...")."""
    m = search(LEAD_SUBJECT, LEAD_START.sub("", after_dateline[:_LEAD_HEAD]))
    if not m:
        return None
    name = ARTICLE.sub("", m.group("x").strip(" ,"))
    low, high = _SUBJECT_WORDS
    return name if low <= len(name.split()) <= high and not wire_named(name) else None


def headline_acronym(title: str | None, texts: Sequence[str]) -> str | None:
    """An organisation acronym the headline leads with and the page keeps repeating ("UNICEF supports ...").

    A last resort for newsroom pages that name their issuer nowhere else; only an all-capitals
    token counts, because a headline's ordinary subject ("China and South Korea") is not an issuer.
    """
    if not title:
        return None
    m = _ACRONYM.match(title.strip())
    if not m:
        return None
    word = m.group(0)
    return word if sum(_ACRONYM.findall(t).count(word) for t in texts) >= _ACRONYM_REPEATS else None


def _after_dateline(ev: Evidence) -> str:
    """The text following the dateline (or the next paragraph, for "Köln (ots) -" lines)."""
    at, dl = ev.dateline_at
    if dl is None:
        return ""
    rest = ev.paragraphs[at][dl.end:].strip()
    return rest or (ev.paragraphs[at + 1] if at + 1 < len(ev.paragraphs) else "")


def _about(ev: Evidence) -> str | None:
    return about_issuer(ev.section_texts(Label.ABOUT))


def _site_owner(ev: Evidence, found: Found) -> str | None:
    if found.get("wire"):
        return None  # a wire's page belongs to the wire
    return site_owner(ev, found.get("canonical_url"), _about(ev))


def _trailers(ev: Evidence) -> list[str]:
    return ev.removed_texts(Label.WIRE_TRAILER)


ISSUER = (
    Source("trailer-source-line", lambda ev, found: _source_line(_trailers(ev))),
    Source("news-provided-by", lambda ev, found: ev.extraction.header.provided_by),
    Source("trailer-more-from", lambda ev, found: _more_from(_trailers(ev))),
    Source("trailer-info-line", lambda ev, found: _info_line(_trailers(ev))),
    Source("dateline-agency", lambda ev, found: ev.dateline.agency if ev.dateline else None),
    Source("source-line", lambda ev, found: _source_line(ev.all_texts)),
    Source("more-from", lambda ev, found: _more_from(ev.all_texts)),
    Source("info-line", lambda ev, found: _info_line(ev.all_texts)),
    Source("name-line", lambda ev, found: ev.extraction.header.name_line),
    Source("lead-subject", lambda ev, found: lead_subject(_after_dateline(ev)) if found.get("wire") else None),
    Source("guest-logo", lambda ev, found: guest_logo(ev, found.get("canonical_url")) if found.get("wire") else None),
    Source("site-owner", _site_owner),
    Source("about", lambda ev, found: _about(ev)),
    Source("headline-acronym", lambda ev, found: headline_acronym(found.get("title"), ev.all_texts)),
)
