"""HTML pages: parse safely, find where the release is, and read the tree as units.

Parsing uses lxml's HTML parser with no network access and no entity expansion. The page's
layout (:mod:`.layout`) names the release's container; :mod:`.htmlwalk` turns the tree into
lines, each keeping the chrome its containers name; the main content is the profile container's
units, or on other pages a generic extractor's (:mod:`.maincontent`).
"""

from __future__ import annotations

import regex
from lxml import etree

from ..errors import NotAPage
from ..labels import Kind
from ..text import lazy
from .facts import read_facts
from .htmlwalk import HIDDEN_STYLE, Element, walk
from .layout import Layout, find_layout
from .load import without_internal_subset
from .maincontent import generic_main
from .units import MainContent, Page, Unit

_READ_FLOOR = 0.1
"""Share of the body's words the walk must find: real pages hide menus and modals, never 90% of their text.
On the web corpus, pages the walk cannot read fall under 3% and readable ones stay above 6%."""
_NEVER_TEXT = frozenset({"script", "style", "template", "head", "title", "svg", "math"})
"""Elements whose text is never page text, hidden or not: code and styling."""
_XML_DECL = lazy(r"^\s*<\?xml[^>]{0,300}\?>", regex.IGNORECASE)


def _parser() -> etree.HTMLParser:
    # lxml.html's elements, so trafilatura takes the tree as it is, but by a fixed class lookup:
    # lxml.html's own parser calls a Python lookup per element visited
    from lxml.html import HtmlElement  # on first parse: `import prclean` stays light

    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True,
                              huge_tree=False, default_doctype=False)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=HtmlElement))
    return parser


def parse_tree(html: str) -> Element:
    """The lxml tree of a page; internal DTD subsets are cut first so no entity is ever expanded."""
    decl = _XML_DECL.match(html)  # anchored at the start: a substitution tried every position of the page
    # the prolog's DOCTYPE only, as load() cuts it: the complexity check must have read what is parsed
    html = without_internal_subset(html[decl.end():] if decl else html)
    if not html.strip():
        raise NotAPage("no HTML document could be parsed: empty page")
    try:
        root = etree.fromstring(html, parser=_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise NotAPage(f"no HTML document could be parsed: {exc}") from exc
    if root is None:
        raise NotAPage("no HTML document could be parsed")
    return root


def read_html(html: str, url: str | None = None) -> Page:
    """Units, facts and main content of an HTML page."""
    root = parse_tree(html)
    facts = read_facts(root, url)
    layout = find_layout(root, html, url)
    units, in_main = _read_units(root, layout)
    parsed: Element | None = root  # handed to trafilatura while unchanged, so it need not parse again
    if sum(u.words for u in units) < _READ_FLOOR * _body_words(root) and _unhide(root):
        # Nothing shows without scripts (a forum's <noscript> copy, a framework's hidden first render):
        # read what a reader without scripts is given, as a text browser does.
        parsed = None
        layout = find_layout(root, html, url)
        units, in_main = _read_units(root, layout)
    if layout.containers:
        main: MainContent | None = MainContent(frozenset(in_main), layout.source)
    else:  # `in_main` holds the page's marked entry, if it has one
        generic = generic_main(html, units, in_main, parsed)
        main = MainContent(generic, "trafilatura") if generic is not None else None
    if main is not None and not main.units:
        main = None
    return Page(tuple(units), "html", facts, main, layout.wire.name if layout.wire else None)


def _read_units(root: Element, layout: Layout) -> tuple[list[Unit], set[int]]:
    """The page's lines as units, and the units inside the release's container (or marked entry)."""
    units: list[Unit] = []
    in_main: set[int] = set()
    for line in walk(root, {id(el) for el in layout.containers or layout.marked}):
        if not line.text:
            continue
        u = Unit.of(len(units), line.text, (line.order, line.order), bullet=line.kind == Kind.LIST_ITEM,
                 blank_before=0 if line.glued else 1, link_chars=line.links, heading=line.kind == Kind.HEADING,
                 container=line.label, kind=line.kind, level=line.level, ordered=line.ordered, cells=line.cells)
        units.append(u)
        if line.in_main:
            in_main.add(u.index)
    return units, in_main


def _body_words(root: Element) -> int:
    """Words of all text under <body> except code and styling, hidden or not."""
    body = root.find("body")
    n = 0
    for el in (body if body is not None else root).iter():
        if el.text and isinstance(el.tag, str) and el.tag not in _NEVER_TEXT:
            n += len(el.text.split())
        if el.tail:
            n += len(el.tail.split())
    return n


def _unhide(root: Element) -> bool:
    """Show what only scripts hide or only scripts replace: <noscript> content, hidden elements.
    Returns whether anything changed."""
    changed = False
    for el in root.iter():
        if el.tag == "noscript":
            el.tag = "div"
            changed = True
        if el.get("hidden") is not None:
            del el.attrib["hidden"]
            changed = True
        style = el.get("style")
        if style and HIDDEN_STYLE.search(style):
            el.set("style", HIDDEN_STYLE.sub("", style))
            changed = True
    return changed
