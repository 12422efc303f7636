"""HTML pages: parse safely, read metadata, and flatten the tree into the same units as text.

Parsing uses lxml's HTML parser with no network access and no entity expansion; the tree is
walked once, emitting one unit per block element (a ``<br>`` also ends a line, because contact
blocks are written that way).  Each unit remembers the chrome evidence of its ancestors' tags,
classes and ids (``<nav>``, ``class="social-share"``), which becomes a detector verdict.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import regex
from lxml import etree

from .detectors import Verdict
from .errors import NotAPage
from .pagemeta import read_meta
from .segment import INVISIBLE, Unit, segment_text
from .wires import HOSTS, WireProfile, has_class, wire_candidates, wire_from_page

_DROP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "head", "select",
         "button", "input", "textarea", "canvas", "map", "video", "audio", "math"}
_BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote", "pre",
          "section", "article", "header", "footer", "nav", "aside", "main", "figure", "figcaption", "table",
          "tr", "ul", "ol", "dl", "address", "form", "body", "html", "center", "fieldset", "hr", "caption",
          "tbody", "thead", "tfoot", "details", "summary", "dialog", "menu", "label", "legend"}
_TAG_LABEL = {"nav": "menu", "footer": "footer", "aside": "related", "figcaption": "caption",
              "dialog": "cookie", "menu": "menu"}
# Class/id words, matched against each dash- or underscore-separated part of a class or id.  Only
# words that name chrome on their own; ambiguous ones ("lang", "content", "header") are left out.
_TOKEN_LABEL = {
    **dict.fromkeys(("nav", "navbar", "navigation", "menu", "megamenu", "breadcrumb", "breadcrumbs",
                     "pagination", "skiplink", "skiplinks", "searchbox", "topbar", "subnav", "mainnav", "sitenav",
                     "offcanvas"), "menu"),
    **dict.fromkeys(("footer", "colophon"), "footer"),
    **dict.fromkeys(("share", "sharing", "social", "sharebar", "socials", "addthis", "shariff"), "share"),
    **dict.fromkeys(("cookie", "cookies", "consent", "gdpr", "onetrust", "cookiebanner", "usercentrics",
                     "borlabs"), "cookie"),
    **dict.fromkeys(("sidebar", "related", "recommended", "morenews", "trending"), "related"),
    **dict.fromkeys(("ad", "ads", "advert", "advertisement", "promo", "newsletter", "sponsored"), "ad"),
    **dict.fromkeys(("languages", "langswitch", "langswitcher", "languageswitcher", "languageselector",
                     "countryselector"), "language-list"),
    **dict.fromkeys(("caption", "figcaption", "credit", "credits"), "caption"),
}
_log = logging.getLogger("prclean")  # a profile that stops matching means the wire changed its layout
_WORDS = regex.compile(r"\w+")
_TOKEN_SPLIT = regex.compile(r"[\s_-]+")
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


def _chrome_label(el) -> str | None:
    label = _TAG_LABEL.get(el.tag) if isinstance(el.tag, str) else None
    if label:
        return label
    role = (el.get("role") or "").casefold()
    if role in ("navigation", "menubar", "menu", "search"):
        return "menu"
    if role == "contentinfo":
        return "footer"
    if role in ("dialog", "alertdialog") or el.get("aria-modal") == "true":
        return "cookie"
    cls, ident = el.get("class"), el.get("id")
    return _words_label(f"{cls or ''} {ident or ''}") if cls or ident else None


@lru_cache(maxsize=8192)
def _words_label(words: str) -> str | None:
    """The chrome label a class/id string names; cached, since a page repeats its classes."""
    for tok in _TOKEN_SPLIT.split(words.casefold()):
        if tok in _TOKEN_LABEL:
            return _TOKEN_LABEL[tok]
    return None


@dataclass
class _Line:
    text: str
    links: int
    is_li: bool
    is_heading: bool
    label: str | None
    order: int
    in_main: bool
    glued: bool


def _walk(root, main: set[int]) -> Iterator[_Line]:
    """One :class:`_Line` per line of text, in document order.

    ``main`` holds the ids of the elements that contain the release (a wire profile's body
    container); lines inside them are flagged, so everything else is known to be page chrome.
    """
    buf: list[str] = []
    links = 0
    order = 0
    after_br = False  # the next line continues the previous one (a <br> stood between them)
    last_row = [-1]  # the order the last table row's line ended at

    def flush(el_tag: str, label: str | None, in_main: bool, br: bool = False) -> Iterator[_Line]:
        """Emit the buffered text; blocks nested in inline elements arrive as "\n" and split it."""
        nonlocal buf, links, order, after_br
        parts = [" ".join(p.split()) for p in INVISIBLE.sub("", "".join(buf)).split("\n")]
        parts = [p for p in parts if p]
        for k, part in enumerate(parts):
            yield _Line(part, links if len(parts) == 1 else 0, el_tag == "li",
                        el_tag in _HEADINGS, label, order, in_main, after_br or k > 0)
            order += 1
        buf, links = [], 0
        after_br = br and bool(parts)

    def visit(el, label: str | None, block_tag: str, in_main: bool, pre: bool = False):
        nonlocal links, after_br
        own = _chrome_label(el) or label
        in_main = in_main or id(el) in main
        pre = pre or el.tag == "pre"
        if el.text:
            buf.append(_source_text(el.text, pre))
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _DROP or not tag or _hidden(child):
                pass
            elif tag == "br" or (tag == "small" and block_tag in _HEADINGS):  # <h1>Headline <small>deck</small>
                yield from flush(block_tag, own, in_main, br=tag == "br")
                if tag == "small":
                    yield from visit(child, own, "p", in_main, pre)
                    yield from flush("p", own, in_main)
            elif tag == "tr" and (cells := _data_cells(child, pre)):  # one line per table row
                if "".join(buf).strip():
                    yield from flush(block_tag, own, in_main)
                buf[:] = [" | ".join(cells)]
                links = _link_chars(child)
                after_br = after_br or order == last_row[0]  # rows of one table stay one block
                yield from flush("tr", _chrome_label(child) or own, in_main or id(child) in main)
                last_row[0] = order
            elif _text_dump(child):  # <pre>, or lines hard-wrapped with <br>: read like a text dump
                if "".join(buf).strip():
                    yield from flush(block_tag, own, in_main)
                for unit in segment_text("".join(_inline_text(child, tag == "pre" or pre))):
                    buf[:] = [unit.text]
                    after_br = after_br or (unit.blank_before == 0 and unit.index > 0)
                    yield from flush("pre", _chrome_label(child) or own, in_main or id(child) in main)
            elif tag in _BLOCK or _styled_block(child) or _component_box(child):
                if "".join(buf).strip():
                    yield from flush(block_tag, own, in_main)
                else:
                    buf.clear()
                yield from visit(child, own, tag, in_main, pre)
                if "".join(buf).strip():
                    yield from flush(tag, own, in_main or id(child) in main)
                buf.clear()
            else:
                text = "".join(_inline_text(child, pre))
                if tag == "a" or child.get("href") is not None:  # link components (<pp-link href>) link too
                    links += len(text.strip())
                buf.append(text)
            if child.tail:
                buf.append(_source_text(child.tail, pre))

    body = root.find("body")
    start = body if body is not None else root
    yield from visit(start, None, "body", False)
    if "".join(buf).strip():
        yield from flush("body", None, id(start) in main)


_DISPLAY_BLOCK = regex.compile(r"display\s*:\s*(?:block|flex|grid|list-item)", regex.IGNORECASE)


_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _hidden(el) -> bool:
    """Not rendered (``style="display: none"``, the ``hidden`` attribute): a copy kept for machines."""
    style = el.get("style")
    return el.get("hidden") is not None or (bool(style) and _HIDDEN_STYLE.search(style) is not None)


def _styled_block(el) -> bool:
    """An inline tag the page styles as a block (``<em style="display: block">© Nordex</em>``) ends a line."""
    style = el.get("style")
    return bool(style) and _DISPLAY_BLOCK.search(style) is not None


def _component_box(el) -> bool:
    """A custom element (``<pp-inline-teaser>``) holding blocks is a box of the page, not a run of text.

    Browsers style unknown tags inline, but a component wrapping headings and paragraphs is laid
    out as a block. A component that links (``<pp-link href>``) stays inline, so its text counts
    as link text.
    """
    return "-" in el.tag and el.get("href") is None and any(
        isinstance(d.tag, str) and d.tag in _BLOCK for d in el.iterdescendants())


_LIST_MARK = regex.compile(r"^(?:[-–•*·▪►]|\d{1,2}[.)])\s")


def _text_dump(el) -> bool:
    """Text laid out by its author rather than by HTML: a <pre>, or a block of <br>-ended lines.

    Such text is often hard-wrapped (an old wire's plain-text release, a README): reading it with
    the text-dump segmenter glues the wrapped lines back into paragraphs.
    """
    if el.tag == "pre":
        return True
    if el.tag not in ("p", "div", "td", "blockquote"):
        return False
    children = [c for c in el if isinstance(c.tag, str)]
    breaks = sum(1 for c in children if c.tag == "br")
    if breaks < 6 or any(c.tag in _BLOCK or c.tag == "table" for c in children):
        return False
    # hard-wrapped: most lines run close to the longest (a list of short items is not)
    lines = [line.strip() for line in "".join(_inline_text(el)).split("\n") if line.strip()]
    if sum(bool(_LIST_MARK.match(line)) for line in lines) * 4 >= len(lines):
        return False  # a list set with <br>s: its items are lines already
    longest = max(map(len, lines), default=0)
    return longest >= 50 and sum(len(line) >= 0.6 * longest for line in lines) >= 0.6 * len(lines)


def _data_cells(row, pre: bool) -> list[str]:
    """The cells of a table row that holds data, each as one line of text; [] for a layout row.

    Releases set figures in tables, and a row reads as one line ("Revenue | 112.4 | 100.3"). A
    row whose cells hold a nested table or long text is page layout, read block by block instead.
    """
    cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th") and not _hidden(c)]
    if len(cells) < 2 or any(d.tag == "table" for c in cells for d in c.iter()):
        return []
    texts = [" ".join("".join(_inline_text(c, pre)).split()) for c in cells]
    if any(len(t.split()) > 25 for t in texts):
        return []
    return [t for t in texts if t]


def _link_chars(el) -> int:
    """Characters of link text under ``el`` (a table row of menu links is a menu)."""
    return sum(len(" ".join("".join(a.itertext()).split())) for a in el.iter()
               if isinstance(a.tag, str) and (a.tag == "a" or a.get("href") is not None))


def _source_text(text: str, pre: bool) -> str:
    """A line break in HTML source is a space, except inside <pre>; only tags (<br>, blocks) end lines."""
    return text if pre else text.replace("\r", " ").replace("\n", " ")


def _inline_text(el, pre: bool = False) -> Iterator[str]:
    """Text of an inline element, skipping dropped children (scripts inside spans, say)."""
    if el.text:
        yield _source_text(el.text, pre)
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag and tag not in _DROP and not _hidden(child):
            block = tag in _BLOCK or _styled_block(child) or _component_box(child)
            yield "\n" if tag == "br" or block else ""
            yield from _inline_text(child, pre or tag == "pre")
            yield "\n" if block else ""
        if child.tail:
            yield _source_text(child.tail, pre)


def _visible_text(root, limit: int = 100_000) -> str:
    """The page's text without scripts and styles, up to ``limit`` characters: where dateline tags are."""
    body = root.find("body")
    parts: list[str] = []
    size = 0
    for el in (body if body is not None else root).iter():
        for text in ((el.text if el.tag not in _DROP else None), el.tail):
            if text and not text.isspace():
                parts.append(text)
                size += len(text)
        if size > limit:
            break
    return " ".join(parts)


def _profile_container(root, profile: WireProfile | None) -> list:
    """The wire's body container(s), if the page has one holding real text."""
    if profile is None:
        return []
    for xpath in profile.body_xpaths:
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


def _covered(unit: Unit, lines: set[str], full: str, grams: set[tuple[str, ...]]) -> bool:
    """Is this unit part of trafilatura's text?  Exact for short lines, by word trigrams for prose
    (trafilatura normalises quotes and spacing, so prose rarely matches character for character)."""
    if unit.text in lines or (unit.words >= 4 and unit.text in full):
        return True
    own = _trigrams(unit.text) if unit.words >= 6 else set()
    return bool(own) and len(own & grams) * 2 >= len(own)


def _trafilatura_lines(html: str) -> tuple[set[str], str] | None:
    """trafilatura's main-content text, as a set of lines and one searchable string."""
    import trafilatura

    try:
        out = trafilatura.extract(html, fast=True, favor_precision=True, include_comments=False,
                                  include_tables=True, include_links=False, deduplicate=False)
    except Exception:  # noqa: BLE001 - a peer's failure must not fail the page; we fall back
        return None
    if not out:
        return None
    lines = [" ".join(line.split()) for line in out.splitlines() if line.strip()]
    lines = [line.strip("| ") if line.startswith("|") else line for line in lines]  # table rows: "| a | b |"
    return set(lines), "\n".join(lines)


def parse(html: str, url: str | None = None) -> Page:
    """Units, container verdicts, metadata and the main-content evidence of an HTML page.

    The main content comes from the wire profile's body container when the page is a wire's,
    otherwise from trafilatura, bounded by the entry the page marks up itself; either way it is evidence for :mod:`prclean.extract`, which
    still applies prclean's own detectors inside it.
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
        containers = _profile_container(root, weak)
        if containers:
            profile = used = weak
            break
    if profile is not None and profile.body_xpaths and not containers:
        _log.info("page carries %s markers but none of its body containers: generic path", profile.name)
    marked = [] if containers else _marked_content(root)
    units: list[Unit] = []
    verdicts: dict[int, Verdict] = {}
    inside: set[int] = set()
    for line in _walk(root, {id(el) for el in containers or marked}):
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
            line_set, full = lines
            grams = _trigrams(full)
            inside = {u.index for u in units if _covered(u, line_set, full, grams)}
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
