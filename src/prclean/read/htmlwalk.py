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

import regex

from .textdump import INVISIBLE, segment_text

DROP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "head", "title", "select",
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
_TOKEN_SPLIT = regex.compile(r"[\s_-]+")


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


def walk(root, main: set[int]) -> Iterator[_Line]:
    """One :class:`_Line` per line of text, in document order.

    ``main`` holds the ids of the elements that contain the release (a wire profile's body
    container); lines inside them are flagged, so everything else is known to be page chrome.
    """
    buf: list[str] = []
    links = 0
    order = 0
    after_br = False  # the next line continues the previous one (a <br> stood between them)
    last_row = -1  # the order the last table row's line ended at

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

    def close_pending(el_tag: str, label: str | None, in_main: bool) -> Iterator[_Line]:
        """Before a block starts: emit the text gathered so far, or forget mere whitespace."""
        if "".join(buf).strip():
            yield from flush(el_tag, label, in_main)
        else:
            buf.clear()

    def visit(el, label: str | None, block_tag: str, in_main: bool, pre: bool = False):
        nonlocal links, after_br, last_row
        own = _chrome_label(el) or label
        in_main = in_main or id(el) in main
        pre = pre or el.tag == "pre"
        if el.text:
            buf.append(_source_text(el.text, pre))
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in DROP or not tag or _hidden(child):
                pass
            elif tag == "br" or (tag == "small" and block_tag in _HEADINGS):  # <h1>Headline <small>deck</small>
                yield from flush(block_tag, own, in_main, br=tag == "br")
                if tag == "small":
                    yield from visit(child, own, "p", in_main, pre)
                    yield from flush("p", own, in_main)
            elif tag == "tr" and (cells := _data_cells(child, pre)):  # one line per table row
                yield from close_pending(block_tag, own, in_main)
                buf.append(" | ".join(cells))
                links = _link_chars(child)
                after_br = after_br or order == last_row  # rows of one table stay one block
                yield from flush("tr", _chrome_label(child) or own, in_main or id(child) in main)
                last_row = order
            elif (dump := _author_text(child)) is not None:  # <pre>, or hard-wrapped <br> lines: a text dump
                yield from close_pending(block_tag, own, in_main)
                for unit in segment_text(dump):
                    buf.append(unit.text)
                    after_br = after_br or (unit.blank_before == 0 and unit.index > 0)
                    yield from flush("pre", _chrome_label(child) or own, in_main or id(child) in main)
            elif tag in _BLOCK or _styled_block(child) or _component_box(child):
                yield from close_pending(block_tag, own, in_main)
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


def _author_text(el) -> str | None:
    """The text of a block laid out by its author rather than by HTML: a <pre>, or <br>-ended lines.

    Such text is often hard-wrapped (an old wire's plain-text release, a README): reading it with
    the text-dump segmenter glues the wrapped lines back into paragraphs. None for any other block.
    """
    if el.tag == "pre":
        return "".join(_inline_text(el, True))
    if el.tag not in ("p", "div", "td", "blockquote"):
        return None
    children = [c for c in el if isinstance(c.tag, str)]
    breaks = sum(1 for c in children if c.tag == "br")
    if breaks < 6 or any(c.tag in _BLOCK or c.tag == "table" for c in children):
        return None
    text = "".join(_inline_text(el))
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    # hard-wrapped: sentences run on over the line ends ("... in the\nprogramming language ...")
    runs_on = sum(1 for a, b in pairwise(lines) if a[-1] not in ".!?:;" and b[0].islower())
    if runs_on >= 3 and runs_on * 4 >= len(lines):
        return text
    if sum(bool(_LIST_MARK.match(line)) for line in lines) * 4 >= len(lines):
        return None  # a list set with <br>s: its items are lines already
    # hard-wrapped: most lines run close to the longest (a list of short items is not)
    longest = max(map(len, lines), default=0)
    return text if longest >= 50 and sum(len(line) >= 0.6 * longest for line in lines) >= 0.6 * len(lines) else None


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
        if tag and tag not in DROP and not _hidden(child):
            block = tag in _BLOCK or _styled_block(child) or _component_box(child)
            yield "\n" if tag == "br" or block else ""
            yield from _inline_text(child, pre or tag == "pre")
            yield "\n" if block else ""
        if child.tail:
            yield _source_text(child.tail, pre)
