"""HTML pages: parse safely, find the release's container, and flatten the tree into units.

Parsing uses lxml's HTML parser with no network access and no entity expansion. The release's
main content comes from a host's or wire's profile container, else from trafilatura bounded by
the entry the page marks itself; :mod:`prclean.htmlwalk` turns the tree into lines, and each
line's chrome evidence (``<nav>``, ``class="social-share"``) becomes a detector verdict.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import regex
from lxml import etree

from ..detect.detectors import Verdict
from ..errors import NotAPage, Timeout
from ..wires import HOSTS, WireProfile, has_class, wire_candidates, wire_from_page
from .facts import read_meta
from .htmlwalk import DROP, walk
from .textdump import Unit

_log = logging.getLogger("prclean")  # a profile that stops matching means the wire changed its layout
_WORDS = regex.compile(r"\w+")
_XML_DECL = regex.compile(r"^\s*<\?xml[^>]{0,300}\?>", regex.IGNORECASE)
_DOCTYPE_ENTITIES = regex.compile(r"<!DOCTYPE[^>\[]{0,500}\[.{0,200000}?\]\s*>", regex.IGNORECASE | regex.DOTALL)


@dataclass
class Page:
    units: list[Unit]
    verdicts: dict[int, Verdict] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    inside: set[int] = field(default_factory=set)
    source: str = ""


def _parser() -> etree.HTMLParser:
    # plain etree elements: lxml.html's element classes cost a Python lookup per element visited
    return etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True,
                            huge_tree=False, default_doctype=False)


def parse_tree(html: str):
    """The lxml tree of a page; internal DTD subsets are cut first so no entity is ever expanded."""
    html = _DOCTYPE_ENTITIES.sub("", _XML_DECL.sub("", html, count=1), count=1)
    if not html.strip():
        raise NotAPage("no HTML document could be parsed: empty page")
    try:
        root = etree.fromstring(html, parser=_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise NotAPage(f"no HTML document could be parsed: {exc}") from exc
    if root is None:
        raise NotAPage("no HTML document could be parsed")
    return root


def _visible_text(root, limit: int = 100_000) -> str:
    """The page's text without scripts and styles, up to ``limit`` characters: where dateline tags are."""
    body = root.find("body")
    parts: list[str] = []
    size = 0
    for el in (body if body is not None else root).iter():
        for text in ((el.text if el.tag not in DROP else None), el.tail):
            if text and not text.isspace():
                parts.append(text)
                size += len(text)
        if size > limit:
            break
    return " ".join(parts)


def _profile_container(root, profile: WireProfile | None, own_layout: bool = False) -> list:
    """The wire's body container(s), if the page has one holding real text.

    ``own_layout`` keeps to the containers only that wire's pages have: any site may mark its
    article ``itemprop="articleBody"``, so that is no confirmation of a wire named once.
    """
    if profile is None:
        return []
    for xpath in profile.body_xpaths:
        if own_layout and "@itemprop" in xpath:
            continue
        found = [el for el in _xpath(root, xpath) if len(" ".join(el.itertext()).split()) >= 30]
        if found:
            extras = [el for xp in profile.extra_xpaths for el in _xpath(root, xp)]
            return found[:1] + extras
    return []


# The entry text a page marks up itself: schema.org's articleBody and the microformats entry content.
_MARKED_CONTENT = ("//*[@itemprop='articleBody']",
                   f"//*[{has_class('h-entry')}]//*[{has_class('e-content')}]")


def _marked_content(root) -> list:
    """The box a page marks as its entry text, on pages no profile knows.

    It is weaker evidence than a wire's container (sites mark up templates loosely), so it only
    bounds trafilatura's result: host notes set after the marked entry are not the release.
    Only a single marked box that holds real text counts: a page listing many entries marks each
    teaser the same way, and that is no evidence which one is this page's release.
    """
    for xpath in _MARKED_CONTENT:
        found = _xpath(root, xpath)
        if len(found) == 1 and len(" ".join(found[0].itertext()).split()) >= 60:
            return found
    return []


def _xpath(root, xpath: str) -> list:
    try:
        return list(root.xpath(xpath))
    except etree.XPathError:
        return []


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = _WORDS.findall(text.casefold())
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def _covered(unit: Unit, lines: set[str], grams: set[tuple[str, ...]]) -> bool:
    """Is this unit part of trafilatura's text?  Exact for short lines, by word trigrams otherwise
    (trafilatura normalises quotes and spacing, so prose rarely matches character for character):
    all of them for a short line inside a longer one, half for prose.  Set lookups only, so a
    page of 50,000 lines costs no more than its length (a substring search per line did)."""
    if unit.text in lines:
        return True
    own = _trigrams(unit.text) if unit.words >= 4 else set()
    hits = len(own & grams)
    return bool(own) and (hits == len(own) if unit.words < 6 else hits * 2 >= len(own))


def _trafilatura_lines(html: str) -> tuple[set[str], set[tuple[str, ...]]] | None:
    """trafilatura's main-content text, as its set of lines and its set of word trigrams."""
    import trafilatura

    try:
        out = trafilatura.extract(html, fast=True, favor_precision=True, include_comments=False,
                                  include_tables=True, include_links=False, deduplicate=False)
    except Timeout:
        raise  # the page's budget is spent: that is not trafilatura's failure
    except Exception:  # noqa: BLE001 - a peer's failure must not fail the page; we fall back
        return None
    if not out:
        return None
    lines = [" ".join(line.split()) for line in out.splitlines() if line.strip()]
    lines = [line.strip("| ") if line.startswith("|") else line for line in lines]  # table rows: "| a | b |"
    return set(lines), _trigrams("\n".join(lines))


def parse(html: str, url: str | None = None) -> Page:
    """Units, container verdicts, metadata and the main-content evidence of an HTML page.

    The main content comes from a host's or wire's body container when the page has one, otherwise
    from trafilatura, bounded by the entry the page marks up itself; either way it is evidence for
    :mod:`prclean.extract`, which still applies prclean's own detectors inside it.
    """
    root = parse_tree(html)
    meta = read_meta(root, url)
    ranked = wire_candidates(url, html, text=lambda: _visible_text(root))
    profile = ranked[0][1] if ranked and ranked[0][0] >= 2 else None
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
    marked = [] if containers else _marked_content(root)
    units: list[Unit] = []
    verdicts: dict[int, Verdict] = {}
    inside: set[int] = set()
    for line in walk(root, {id(el) for el in containers or marked}):
        if not line.text:
            continue
        u = Unit(len(units), line.text, (line.order, line.order), bullet=line.is_li,
                 blank_before=0 if line.glued else 1, link_chars=line.links, heading=line.is_heading)
        units.append(u)
        if line.label:
            verdicts[u.index] = Verdict(line.label, f"html-{line.label}")
        if line.in_main:
            inside.add(u.index)
    source = f"profile:{used.name}" if containers and used else ""
    if not containers:  # `inside` holds the marked entry, if the page has one
        marked_entry, inside = inside, set()
        lines = _trafilatura_lines(html)
        if lines is not None:
            line_set, grams = lines
            inside = {u.index for u in units if _covered(u, line_set, grams)}
            inside = _bounded(inside, marked_entry, units)
            source = "trafilatura"
    _drop_wrapper_labels(units, verdicts, inside)
    if profile is not None:
        meta.setdefault("wire", profile.name)
    return Page(units, verdicts, meta, inside, source)


def _bounded(kept: set[int], entry: set[int], units: list[Unit]) -> set[int]:
    """trafilatura's units up to the end of the entry the page marks itself; the rest is the host's.

    Only when the marked entry holds most of what trafilatura kept: a site that marks a teaser or
    the lead alone as its article body says nothing about where the text ends.
    """
    if not entry:
        return kept
    words = sum(units[i].words for i in kept) or 1
    if sum(units[i].words for i in kept & entry) < 0.6 * words:
        return kept
    end = max(entry)
    return {i for i in kept if i <= end}


def _drop_wrapper_labels(units: list[Unit], verdicts: dict[int, Verdict], inside: set[int]) -> None:
    """Forget a container label that covers most of the main content.

    A class word says what a box holds only when the box is a part of the page; when the same
    label sits over most of the release text it comes from a page-wide wrapper
    (``class="l-sidebar-layout"``) and is no evidence about any unit inside it.
    """
    words = sum(units[i].words for i in inside) or 1
    by_label: dict[str, int] = {}
    for i in inside:
        if i in verdicts:
            by_label[verdicts[i].rule] = by_label.get(verdicts[i].rule, 0) + units[i].words
    wrappers = {rule for rule, n in by_label.items() if n * 2 >= words}
    for i in inside:
        if i in verdicts and verdicts[i].rule in wrappers:
            del verdicts[i]
