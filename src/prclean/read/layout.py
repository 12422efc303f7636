"""Whose layout is this page: a wire's, a host's that republishes wire releases, or the site's own?

A profile in :mod:`prclean.wires` names the containers its pages hold the release in. Finding the
profile and its container here tells the rest of the reader where the release is, before any text
is read; on pages no profile knows, the entry the page marks itself (``itemprop="articleBody"``,
microformats ``e-content``) is the weaker evidence left.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from lxml import etree

from ..wires import HOSTS, WireProfile, has_class, wire_candidates, wire_from_page
from .htmlwalk import DROP, Element

_log = logging.getLogger("prclean")  # a profile that stops matching means the wire changed its layout
_VISIBLE_LIMIT = 100_000
"""Characters of visible text searched for dateline tags: a release's dateline is near its top."""
_SURE = 2
"""Two pieces of evidence (markers, a dateline tag, a confirmed host) make a wire certain."""
_CONTAINER_MIN_WORDS = 30
"""A profile container holding fewer words is an empty template, not the release."""
_MARKED_MIN_WORDS = 60
"""A self-marked entry holding fewer words is a teaser, not the page's text."""
# The entry text a page marks up itself: schema.org's articleBody and the microformats entry content.
_MARKED_CONTENT = ("//*[@itemprop='articleBody']",
                   f"//*[{has_class('h-entry')}]//*[{has_class('e-content')}]")


@dataclass(frozen=True, slots=True)
class Layout:
    """The wire whose release this is, and the containers that hold it.

    ``wire`` is the distribution service the page shows (None for newsroom pages); ``used`` the
    profile whose containers were found (a host such as Yahoo Finance lays out a wire's release);
    ``marked`` the page's own marked entry when no profile container was found.
    """

    wire: WireProfile | None = None
    used: WireProfile | None = None
    containers: tuple[Element, ...] = ()
    marked: tuple[Element, ...] = ()

    @property
    def source(self) -> str:
        return f"profile:{self.used.name}" if self.containers and self.used else ""


def find_layout(root: Element, html: str, url: str | None) -> Layout:
    """The page's wire and release containers, from its URL, markers, dateline tags and layout."""
    ranked = wire_candidates(url, html, text=lambda: _visible_text(root))
    profile = ranked[0][1] if ranked and ranked[0][0] >= _SURE else None
    # a site that republishes releases (Yahoo Finance, Nasdaq, MarketWatch) lays out the page itself
    used = wire_from_page(url, html, HOSTS)
    containers = _profile_container(root, used)
    if not containers:
        used, containers = profile, _profile_container(root, profile)
    for _, weak in ranked if profile is None and not containers else ():  # one clue, confirmed by the layout
        containers = _profile_container(root, weak, own_layout=True)
        if containers:
            profile = used = weak
            break
    if profile is not None and profile.body_xpaths and not containers:
        _log.info("page carries %s markers but none of its body containers: generic path", profile.name)
    marked = () if containers else _marked_content(root)
    return Layout(profile, used, tuple(containers), marked)


def _visible_text(root: Element) -> str:
    """The page's text without scripts and styles, up to a limit: where dateline tags are."""
    body = root.find("body")
    parts: list[str] = []
    size = 0
    for el in (body if body is not None else root).iter():
        for text in ((el.text if el.tag not in DROP else None), el.tail):
            if text and not text.isspace():
                parts.append(text)
                size += len(text)
        if size > _VISIBLE_LIMIT:
            break
    return " ".join(parts)


def _profile_container(root: Element, profile: WireProfile | None, own_layout: bool = False) -> list[Element]:
    """The wire's body container(s), if the page has one holding real text.

    ``own_layout`` keeps to the containers only that wire's pages have: any site may mark its
    article ``itemprop="articleBody"``, so that is no confirmation of a wire named once.
    """
    if profile is None:
        return []
    for xpath in profile.body_xpaths:
        if own_layout and "@itemprop" in xpath:
            continue
        found = [el for el in _xpath(root, xpath) if len(" ".join(el.itertext()).split()) >= _CONTAINER_MIN_WORDS]
        if found:
            extras = [el for xp in profile.extra_xpaths for el in _xpath(root, xp)]
            return found[:1] + extras
    return []


def _marked_content(root: Element) -> tuple[Element, ...]:
    """The box a page marks as its entry text, on pages no profile knows.

    It is weaker evidence than a wire's container (sites mark up templates loosely), so it only
    bounds the generic main-content reading: host notes set after the marked entry are not the
    release. Only a single marked box that holds real text counts: a page listing many entries
    marks each teaser the same way, and that is no evidence which one is this page's release.
    """
    for xpath in _MARKED_CONTENT:
        found = _xpath(root, xpath)
        if len(found) == 1 and len(" ".join(found[0].itertext()).split()) >= _MARKED_MIN_WORDS:
            return (found[0],)
    return ()


def _xpath(root: Element, xpath: str) -> list[Element]:
    try:
        return list(root.xpath(xpath))
    except etree.XPathError:
        return []
