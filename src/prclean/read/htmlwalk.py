"""Reading an HTML tree as lines of text, the way a reader sees the page.

Tags decide where lines end (blocks, <br>, table rows); line breaks in the source do not. Each
line keeps the evidence of its containers: a chrome label from the tag, role, class or id
(``<nav>``, ``class="social-share"``), its link text, and whether it sits inside the release
container the caller names. Text laid out by its author (<pre>, hard-wrapped <br> lines) goes
through the text-dump segmenter, which glues wrapped lines back.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any, NamedTuple

import regex

from ..labels import Kind, Label
from ..text import INVISIBLE, lazy
from ..vocabulary.layout import CLASS_WORDS, LIST_ITEM, ROLE_LABELS, TAG_LABELS
from .textdump import segment_text

Element = Any  # an lxml element: lxml ships no type information
DROP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "head", "title", "select",
        "button", "input", "textarea", "canvas", "map", "video", "audio", "math"}
_BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote", "pre",
          "section", "article", "header", "footer", "nav", "aside", "main", "figure", "figcaption", "table",
          "tr", "ul", "ol", "dl", "address", "form", "body", "html", "center", "fieldset", "hr", "caption",
          "tbody", "thead", "tfoot", "details", "summary", "dialog", "menu", "label", "legend"}
_AUTHOR_BLOCKS = frozenset({"pre", "p", "div", "td", "blockquote"})
"""Blocks whose text its author may have laid out by hand (see :func:`_author_text`)."""
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CONTROLS = {"button", "select", "textarea"}
_PAGE_BLOCKS = {"main", "article", "section", "div", "p", "ul", "table", "nav", "header", "footer"}
_TOKEN_SPLIT = lazy(r"[\s_-]+")
_DISPLAY_BLOCK = lazy(r"display\s*:\s*(?:block|flex|grid|list-item)", regex.IGNORECASE)
_STREAMED = lazy(r"S:[0-9a-f]+$")
"""React numbers its streamed segments in hex: "S:0", "S:1c"."""
HIDDEN_STYLE = lazy(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)
_CLASS_CACHE = 8192
"""Distinct class/id strings remembered: a page repeats its classes, a site its templates."""
_MIN_BREAKS = 6
"""A block is laid out with <br>s (a poem, an old wire's plain text) from six line breaks on."""
_RUN_ON_MIN, _RUN_ON_SHARE = 3, 4
"""Hard-wrapped: at least three sentences, and a quarter of the lines, run on over a line end."""
_LIST_SHARE = 4
"""A <br>-set block is a list when a quarter of its lines start with a list marker."""
_WRAP_MIN_LONGEST, _WRAP_NEAR, _WRAP_SHARE = 50, 0.6, 0.6
"""Hard-wrapped: the longest line is 50+ characters and 60% of the lines reach 60% of it."""
_CELL_MAX_WORDS = 25
"""A table cell of more than 25 words is page layout (a column of text), not a data cell."""


@lru_cache(maxsize=_CLASS_CACHE)
def _words_label(words: str) -> Label | None:
    """The chrome label a class/id string names; cached, since a page repeats its classes."""
    for tok in _TOKEN_SPLIT.split(words.casefold()):
        if tok in CLASS_WORDS:
            return CLASS_WORDS[tok]
    return None


def chrome_label(el: Element) -> Label | None:
    """The chrome an element's tag, ARIA role, class or id names (``<nav>``, ``class="share-bar"``)."""
    label = TAG_LABELS.get(el.tag) if isinstance(el.tag, str) else None
    if label:
        return label
    role = ROLE_LABELS.get((el.get("role") or "").casefold())
    if role:
        return role
    if el.get("aria-modal") == "true":
        return Label.COOKIE
    cls, ident = el.get("class"), el.get("id")
    return _words_label(f"{cls or ''} {ident or ''}") if cls or ident else None


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text as a reader sees it, with the evidence of the elements around it.

    ``kind``, ``level``, ``ordered`` and ``cells`` are its structure: a heading and its level, a
    list item and its nesting (in a numbered list or not), a table row and its cells, a quote.
    """

    text: str
    links: int
    label: Label | None
    order: int
    in_main: bool
    glued: bool
    kind: Kind = Kind.PARAGRAPH
    level: int = 0
    ordered: bool = False
    cells: tuple[str, ...] = ()


class _Ctx(NamedTuple):
    """Where the walk is: the block element whose line is being gathered, and what encloses it.

    A named tuple, not a frozen dataclass: the walk makes one per block it enters, and a tuple is
    built several times faster.
    """

    tag: str
    label: Label | None
    in_main: bool
    pre: bool = False
    lists: tuple[bool, ...] = ()  # the enclosing lists, innermost last: True for a numbered one
    quote: bool = False

    def enter(self, tag: str, label: Label | None, in_main: bool) -> _Ctx:
        """The context of a block child."""
        lists = (*self.lists, tag == "ol") if tag in ("ul", "ol") else self.lists
        return _Ctx(tag, label, in_main, self.pre or tag == "pre", lists, self.quote or tag == "blockquote")

    def shape(self) -> tuple[Kind, int, bool]:
        """The structure of a line gathered here: kind, level (heading level, list depth), numbered list."""
        if self.tag in _HEADINGS:
            return Kind.HEADING, int(self.tag[1]), False
        if self.tag == "li":
            return Kind.LIST_ITEM, max(0, len(self.lists) - 1), bool(self.lists) and self.lists[-1]
        if self.tag == "tr":
            return Kind.TABLE_ROW, 0, False
        return (Kind.QUOTE if self.quote else Kind.PARAGRAPH), 0, False


def walk(root: Element, main: set[int]) -> Iterator[Line]:
    """One :class:`Line` per line of text, in document order.

    ``main`` holds the ids of the elements that contain the release (a wire profile's body
    container); lines inside them are flagged, so everything else is known to be page chrome.
    The lines are gathered into a list, not yielded level by level: a line yielded from deep in
    the tree passed through one generator frame per enclosing element.
    """
    body = root.find("body")
    start = body if body is not None else root
    walker = _Walker(main)
    walker.visit(start, _Ctx("body", None, False), chrome_label(start))
    if walker.pending():
        walker.flush(_Ctx("body", None, id(start) in main))
    return iter(walker.out)


class _Walker:
    """The state of one walk: the text gathered for the current line and how far the walk has got."""

    def __init__(self, main: set[int]) -> None:
        self.main = main
        self.out: list[Line] = []
        self.buf: list[str] = []
        self.links = 0
        self.order = 0
        self.after_br = False  # the next line continues the previous one (a <br> stood between them)
        self.last_row = -1  # the order the last table row's line ended at

    def pending(self) -> bool:
        return bool("".join(self.buf).strip())

    def flush(self, ctx: _Ctx, br: bool = False, cells: tuple[str, ...] = ()) -> None:
        """Emit the buffered text; blocks nested in inline elements arrive as "\n" and split it."""
        text = "".join(self.buf)
        if not text.isascii():  # every invisible character is outside ASCII; isascii() reads a flag
            text = INVISIBLE.sub("", text)
        parts = [" ".join(p.split()) for p in text.split("\n")]
        parts = [p for p in parts if p]
        kind, level, ordered = ctx.shape()
        for k, part in enumerate(parts):
            self.out.append(Line(part, self.links if len(parts) == 1 else 0, ctx.label, self.order, ctx.in_main,
                                 self.after_br or k > 0, kind, level, ordered, cells))
            self.order += 1
        self.buf.clear()  # the same list throughout the walk, so a visit may hold it
        self.links = 0
        self.after_br = br and bool(parts)

    def close_pending(self, ctx: _Ctx) -> None:
        """Before a block starts: emit the text gathered so far, or forget mere whitespace."""
        if self.pending():
            self.flush(ctx)
        else:
            self.buf.clear()

    def in_main(self, el: Element, ctx: _Ctx) -> bool:
        """Inside the page's main content: within it already, or the element is one of its roots."""
        return ctx.in_main or id(el) in self.main

    def visit(self, el: Element, ctx: _Ctx, label: Label | None) -> None:
        """The lines of ``el``'s content; ``ctx`` is the context ``el``'s own text is gathered in and
        ``label`` the chrome ``el`` itself names (:func:`chrome_label`, computed once by the caller)."""
        tag = el.tag
        own = (None if tag in _CONTROLS else label) or ctx.label  # a swallowing control names nothing
        in_main = self.in_main(el, ctx)
        pre = ctx.pre or tag == "pre"
        inner = ctx if (own is ctx.label and in_main == ctx.in_main and pre == ctx.pre) else \
            _Ctx(ctx.tag, own, in_main, pre, ctx.lists, ctx.quote)
        buf = self.buf
        if el.text:
            buf.append(_source_text(el.text, pre))
        for child in el:
            tag = child.tag
            if isinstance(tag, str) and (tag not in DROP or _swallowed_page(child, tag)) and (
                    (child.get("hidden") is None and not child.get("style")) or not _hidden(child)):
                self.visit_child(child, tag, inner)
            if child.tail:
                buf.append(_source_text(child.tail, pre))

    def visit_child(self, child: Element, tag: str, ctx: _Ctx) -> None:
        if tag == "br" or (tag == "small" and ctx.tag in _HEADINGS):  # <h1>Headline <small>deck</small>
            self.flush(ctx, br=tag == "br")
            if tag == "small":
                deck = _Ctx("p", ctx.label, ctx.in_main, ctx.pre, ctx.lists, ctx.quote)
                self.visit(child, deck, chrome_label(child))
                self.flush(deck)
        elif tag == "tr" and (cells := _data_cells(child, ctx.pre)):  # one line per table row
            self.table_row(child, ctx, cells)
        elif tag in _AUTHOR_BLOCKS and (dump := _author_text(child, tag)) is not None:  # <pre>, or hard-wrapped <br> lines: a text dump
            self.close_pending(ctx)
            block = ctx.enter("pre", chrome_label(child) or ctx.label, self.in_main(child, ctx))
            for unit in segment_text(dump):
                self.buf.append(unit.text)
                self.after_br = self.after_br or (unit.blank_before == 0 and unit.index > 0)
                self.flush(block)
        else:
            if tag in _BLOCK or tag in _CONTROLS or _styled_block(child) or ("-" in tag and _component_box(child, tag)):
                self.block(child, tag, ctx, chrome_label(child))
            elif tag != "a" and (label := chrome_label(child)) is not None:  # a named inline part is a box of its own
                self.block(child, tag, ctx, label)
            else:
                text = _joined_text(child, ctx.pre)
                if tag == "a" or child.get("href") is not None:  # link components (<pp-link href>) link too
                    self.links += len(text.strip())
                self.buf.append(text)

    def table_row(self, row: Element, ctx: _Ctx, cells: list[str]) -> None:
        """A table row that holds data, read as one line of its cells."""
        self.close_pending(ctx)
        self.buf.append(" | ".join(cells))
        self.links = _link_chars(row)
        self.after_br = self.after_br or self.order == self.last_row  # rows of one table stay one block
        self.flush(ctx.enter("tr", chrome_label(row) or ctx.label, self.in_main(row, ctx)), cells=tuple(cells))
        self.last_row = self.order

    def block(self, child: Element, tag: str, ctx: _Ctx, label: Label | None) -> None:
        """A block element: it ends the line before it, and its own text is a line of its own."""
        self.close_pending(ctx)
        self.visit(child, ctx.enter(tag, ctx.label, ctx.in_main), label)
        if self.pending():  # text directly inside the block: the block's own label applies
            self.flush(ctx.enter(tag, label or ctx.label, self.in_main(child, ctx)))
        self.buf.clear()


def _swallowed_page(el: Element, tag: str) -> bool:
    """A control left open in the source (``<button>`` never closed) that the parser made hold the page.

    Browsers close it where the page's blocks begin; lxml nests the rest of the page inside it. Its
    text is read when it holds blocks of the page (<main>, <article>, <div>).
    """
    return tag in _CONTROLS and any(isinstance(d.tag, str) and d.tag in _PAGE_BLOCKS for d in el.iterdescendants())


def _hidden(el: Element) -> bool:
    """Not rendered (``style="display: none"``, the ``hidden`` attribute): a copy kept for machines.

    Except React's streamed segments (``<div hidden id="S:4">``): server rendering sends the content
    of a suspended part of the page last, hidden, and a script moves it into its place on arrival, so
    the reader sees it (an article's paragraphs, on some news sites all of them).
    """
    style = el.get("style")
    if el.get("hidden") is not None:
        return not _STREAMED.match(el.get("id") or "")
    return bool(style) and HIDDEN_STYLE.search(style) is not None


def _styled_block(el: Element) -> bool:
    """An inline tag the page styles as a block (``<em style="display: block">© Nordex</em>``) ends a line."""
    style = el.get("style")
    return bool(style) and _DISPLAY_BLOCK.search(style) is not None


def _component_box(el: Element, tag: str) -> bool:
    """A custom element (``<pp-inline-teaser>``) holding blocks is a box of the page, not a run of text.

    Browsers style unknown tags inline, but a component wrapping headings and paragraphs is laid
    out as a block. A component that links (``<pp-link href>``) stays inline, so its text counts
    as link text.
    """
    return "-" in tag and el.get("href") is None and any(
        isinstance(d.tag, str) and d.tag in _BLOCK for d in el.iterdescendants())


def _author_text(el: Element, tag: str) -> str | None:
    """The text of a block laid out by its author rather than by HTML: a <pre>, or <br>-ended lines.

    Such text is often hard-wrapped (an old wire's plain-text release, a README): reading it with
    the text-dump segmenter glues the wrapped lines back into paragraphs. None for any other block.
    """
    if tag == "pre":
        return _joined_text(el, True)
    if tag not in _AUTHOR_BLOCKS or len(el) < _MIN_BREAKS:  # fewer children than the breaks it needs
        return None
    children = [c for c in el if isinstance(c.tag, str)]
    breaks = sum(1 for c in children if c.tag == "br")
    if breaks < _MIN_BREAKS or any(c.tag in _BLOCK or c.tag == "table" for c in children):
        return None
    text = _joined_text(el, False)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    # hard-wrapped: sentences run on over the line ends ("... in the\nprogramming language ...")
    runs_on = sum(1 for a, b in pairwise(lines) if a[-1] not in ".!?:;" and b[0].islower())
    if runs_on >= _RUN_ON_MIN and runs_on * _RUN_ON_SHARE >= len(lines):
        return text
    if sum(bool(LIST_ITEM.match(line)) for line in lines) * _LIST_SHARE >= len(lines):
        return None  # a list set with <br>s: its items are lines already
    # hard-wrapped: most lines run close to the longest (a list of short items is not)
    longest = max(map(len, lines), default=0)
    near = sum(len(line) >= _WRAP_NEAR * longest for line in lines)
    return text if longest >= _WRAP_MIN_LONGEST and near >= _WRAP_SHARE * len(lines) else None


def _data_cells(row: Element, pre: bool) -> list[str]:
    """The cells of a table row that holds data, each as one line of text; [] for a layout row.

    Releases set figures in tables, and a row reads as one line ("Revenue | 112.4 | 100.3"). A
    row whose cells hold a nested table or long text is page layout, read block by block instead.
    """
    cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th") and not _hidden(c)]
    if len(cells) < 2 or any(d.tag == "table" for c in cells for d in c.iter()):
        return []
    texts = [" ".join(_joined_text(c, pre).split()) for c in cells]
    if any(len(t.split()) > _CELL_MAX_WORDS for t in texts):
        return []
    return [t for t in texts if t]


def _link_chars(el: Element) -> int:
    """Characters of link text under ``el`` (a table row of menu links is a menu)."""
    return sum(len(" ".join("".join(a.itertext()).split())) for a in el.iter()
               if isinstance(a.tag, str) and (a.tag == "a" or a.get("href") is not None))


def _source_text(text: str, pre: bool) -> str:
    """A line break in HTML source is a space, except inside <pre>; only tags (<br>, blocks) end lines."""
    return text if pre else text.replace("\r", " ").replace("\n", " ")


def _joined_text(el: Element, pre: bool) -> str:
    """The text of an inline element as one string (see :func:`_inline_text`)."""
    out: list[str] = []
    _inline_text(el, pre, out)
    return "".join(out)


def _inline_text(el: Element, pre: bool, out: list[str]) -> None:
    """Text of an inline element, skipping dropped children (scripts inside spans, say), appended to
    ``out``: one list for the whole subtree, where nested generators passed each piece up level by level."""
    if el.text:
        out.append(_source_text(el.text, pre))
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in DROP and not _hidden(child):
            block = tag in _BLOCK or _styled_block(child) or _component_box(child, tag)
            if tag == "br" or block:
                out.append("\n")
            _inline_text(child, pre or tag == "pre", out)
            if block:
                out.append("\n")
        tail = child.tail
        if tail:
            out.append(_source_text(tail, pre))
