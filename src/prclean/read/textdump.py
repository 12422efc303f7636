"""Turn a plain-text rendering of a page into units: one paragraph, heading or list item each.

Renderings differ in how they show structure, so this step removes the differences:

* w3m and lynx wrap paragraphs at a fixed width and mark list items with glyphs (``•``, ``*``,
  ``□``, ``○``) at growing indents; lynx indents running text.  We estimate the wrap width from the
  page itself (many lines ending near the same column) and glue wrapped lines back together.
* markdown marks links as ``[text](url)`` and headings with ``#``; we keep the link text and count
  it, because link density is one of the best chrome signals we have.
* innerText has no markers at all: one block element per line, blank lines optional.

Nothing is rewritten: a unit's text is made of the input's characters, minus markup.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from itertools import count
from typing import Any, NamedTuple

import regex

from ..labels import Kind
from ..text import INVISIBLE, lazy
from ..vocabulary.dates import DATE
from ..vocabulary.layout import BULLETS, DASHES, LIST_ITEM
from .fixedwidth import column_cuts, split_columns, wrap_width
from .units import Unit, text_features

_ALNUM = lazy(r"[^\W_]")
_INVISIBLE = re.compile(INVISIBLE.pattern)  # the same class: the standard engine removes it five times faster
_BULLET_START = frozenset(BULLETS + DASHES + "0123456789")
# Link and image text may hold escaped brackets ("\\[object Object\\]") and one level of plain ones
# ("[[email protected]](/cdn-cgi/...)"), as html2text writes them.
# Every repeat is possessive: no repeat can end on a "]" or ")" it did not consume, so giving characters
# back never finds another match, and the standard engine, which has possessive repeats, reads these
# twice as fast as regex (same matches on every line of the corpus).
_MD_TEXT = r"((?:\\.|[^\[\]\\\n]|\[(?:\\.|[^\[\]\\\n]){0,300}+\]){0,500}+)"
_MD_IMAGE = re.compile(r"!\[" + _MD_TEXT + r"\]\([^)\n]{0,2000}+\)")
_MD_LINK = re.compile(r"\[" + _MD_TEXT + r"\]\((?:[^()\n]|\([^()\n]{0,200}+\)){0,2000}+\)")
_MD_LINK_END = lazy(r"\]\(")
_MAX_LINK_TEXT = 2000
"""Characters a link's text may span over several lines (a teaser card: image, rule, title, blurb)."""
_MD_HEADING = lazy(r"^#{1,6}\s+")
_LYNX_O = lazy(r"^(?P<mark>o)\s+(?=\S)")
_DATE_START = lazy(rf"^{DATE}", regex.IGNORECASE)
_MD_QUOTE = lazy(r"^>+\s?")
_MD_TABLE_RULE = lazy(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_MD_EMPH = lazy(r"(\*\*|__)(?=[^\s*_])(.{1,500}?)(?<=[^\s*_])\1")  # not "_____" (a form field)
_LYNX_REF = lazy(r"\[\d{1,5}\]|\((?:BUTTON|IMG|INLINE|LINK|FORM)\)|\[(?:IMG|INLINE|LINK)\]")
_LYNX_WORD = re.compile(r"\((?:BUTTON|IMG|INLINE|LINK|FORM)\)")
_LEADING_IMG = lazy(r"^\s*(?:\[[^\s\]]{1,200}\]\s*)+(?=\w)")
_IMG_TOKENS = lazy(r"^(?:\s*\[[^\s\]]{1,200}\])+\s*$")  # lynx prints an image's file name

_FLAVOUR_LINES = 5000
"""Lines read to tell a markdown dump from a plain one: its markup shows early and often."""
_MIN_MD_HEADINGS = 2
"""Two "# " lines make markdown; one may be a plain dump's "# 1 in sales"."""
_LYNX_LIST_INDENT = 2
"""lynx marks nested list items with "o" and indents every list: an indented "o " is a bullet."""
_MD_INDENT = 2
"""Markdown converters indent a nested list item by two spaces per level."""
_MARKUP_CACHE = 65536
"""Distinct lines whose markup reading is remembered: dumps repeat menu and footer lines."""
_TAB = 8
"""Renderers set tab stops every eight columns."""
_FULL_SLACK_MIN, _FULL_SLACK_DIV = 15, 6
"""A line is "full" (the renderer wrapped it) when it reaches within max(15, width/6) of the width."""


def _spaced(m: re.Match[str] | regex.Match[str], inner: str) -> str:
    """Markup replaced by its text, with a space kept where it separated two words."""
    text, start, end = m.string, m.start(), m.end()
    before = " " if start > 0 and text[start - 1].isalnum() and inner[:1].isalnum() else ""
    after = " " if end < len(text) and text[end].isalnum() and (inner[-1:].isalnum() or not inner) else ""
    return before + inner + after


class _Markup(NamedTuple):
    """What a line's markup said, once removed (a named tuple: made for every distinct line, and made
    three times faster than a frozen dataclass)."""

    text: str
    link_chars: int = 0
    heading: int = 0  # a markdown heading's level
    quote: bool = False
    decoration: bool = False


_tuple_new = tuple.__new__


@lru_cache(maxsize=_MARKUP_CACHE)
def _strip_markup(line: str, markdown: bool) -> _Markup:
    """Remove markdown/lynx/w3m markup (markdown's own only in a markdown dump: ``__init__`` is a name)."""
    link_chars = 0
    if "[" in line or ("(" in line and _LYNX_WORD.search(line)):  # markup needs brackets: most lines skip this
        if _IMG_TOKENS.match(line):
            return _Markup(line.strip(), decoration=True)
        line = _LEADING_IMG.sub("", line)  # "[img-22-244] Berlin (dpa) - ...": an image's alt before text
        if "](" in line:  # a markdown image or link writes "](": lynx's "[12]" references do not
            if "![" in line:
                line = _MD_IMAGE.sub(lambda m: _spaced(m, m.group(1)), line)

            def _link(m: re.Match[str]) -> str:
                nonlocal link_chars
                link_chars += len(m.group(1))
                return _spaced(m, m.group(1))

            line = _MD_LINK.sub(_link, line)
        line = _LYNX_REF.sub(lambda m: _spaced(m, ""), line)
    heading = 0
    quote = False
    if markdown and line.startswith("#") and (m := _MD_HEADING.match(line)):
        heading = len(m.group(0).strip())
        line = line[m.end():]
    if markdown and line.startswith(">") and (m := _MD_QUOTE.match(line)):
        quote = True
        line = line[m.end():]
    if markdown and ("**" in line or "__" in line):
        line = _MD_EMPH.sub(lambda m: _spaced(m, m.group(2)), line)
    if not line.isascii():
        line = _INVISIBLE.sub("", line)
    text = " ".join(line.split())
    head = text[:1]  # most lines start with a letter or digit: no search for one
    decoration = not (head.isascii() and head.isalnum()) and not _ALNUM.search(text)
    markup: _Markup = _tuple_new(_Markup, (text, link_chars, heading, quote, decoration))
    return markup


def is_markdown(lines: list[str]) -> bool:
    """Does the dump write markdown?  Its links, images, headings or table rules say so."""
    sample = lines[:_FLAVOUR_LINES]
    joined = "\n".join(sample)  # one scan for each mark says whether any line needs a look: most dumps have none
    if "](" in joined and any("](" in ln and _MD_LINK.search(ln) for ln in sample):
        return True
    if ("\n#" in joined or joined[:1] == "#") and sum(
            ln[:1] == "#" and bool(_MD_HEADING.match(ln)) for ln in sample) >= _MIN_MD_HEADINGS:
        return True
    return "---" in joined and any("---" in ln and _MD_TABLE_RULE.match(ln) for ln in sample)


def _table_rows(lines: list[str]) -> set[int]:
    """Line numbers of markdown table rows: lines with cell bars next to a table's rule line (``---|---``)."""
    rows: set[int] = set()
    for i, ln in enumerate(lines):
        if "---" not in ln or not _MD_TABLE_RULE.match(ln):
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and "|" in lines[j] and lines[j].strip() and not _MD_TABLE_RULE.match(lines[j]):
                rows.add(j)
                j += step
    return rows


def _cells(line: str) -> tuple[str, ...]:
    parts = [" ".join(c.split()) for c in line.strip().split("|")]
    if parts and not parts[0]:
        parts = parts[1:]
    if parts and not parts[-1]:
        parts = parts[:-1]
    return tuple(parts)


def _split_md_links(text: str) -> str:
    """A markdown link whose text runs over several lines becomes one link per line.

    html2text writes a linked teaser card as one link: "[\\n\\n---\\n\\nTitle\\n\\nBlurb](/news/1)".
    Read line by line, its "](/news/1)" would stay in the text as words; split per line, each
    line is stripped of its markup like any link and counts as link text. Found by scanning back
    from each "](" to its opening bracket, so the cost is linear in the links' length; a link whose
    opening bracket is on its own line (nearly all) is passed over after a scan of that line only.
    """
    out: list[str] = []
    pos = 0
    close = text.find("](")
    while close >= 0:
        lo = max(pos, close - _MAX_LINK_TEXT)
        newline = text.rfind("\n", lo, close)
        if newline >= 0 and _opening_bracket(text, close, newline + 1) is None:
            opening = _opening_bracket(text, close, lo)
            end = text.find(")", close + 2, close + 2 + _MAX_LINK_TEXT)
            if opening is not None and end >= 0 and text.find("\n", close + 2, end) < 0:
                image = opening > 0 and text[opening - 1] == "!"
                lines = text[opening + 1:close].split("\n")
                out.append(text[pos:opening - image])
                out.append("\n".join(f"[{ln}]()" if not image and _linkable(ln) else ln for ln in lines))
                pos = end + 1
        close = text.find("](", max(close + 2, pos))
    out.append(text[pos:])
    return "".join(out)


def _linkable(line: str) -> bool:
    """A line of a split link that reads as one link of its own (its brackets would not pair up)."""
    return bool(line.strip()) and "[" not in line and "]" not in line


def _opening_bracket(text: str, close: int, lo: int) -> int | None:
    """Index of the "[" that the "]" at ``close`` closes, looking no further back than ``lo`` (from
    bracket to bracket: the characters between are not looked at one by one)."""
    depth = 0
    i = close
    while (i := max(text.rfind("[", lo, i), text.rfind("]", lo, i))) >= 0:
        if i > 0 and text[i - 1] == "\\":
            continue  # an escaped bracket
        if text[i] == "]":
            depth += 1
        elif depth == 0:
            return i
        else:
            depth -= 1
    return None


def segment_text(text: str) -> tuple[Unit, ...]:
    """Split a text rendering into units, gluing back lines a renderer wrapped."""
    if "](" in text:
        text = _split_md_links(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text:  # expanding copies the whole text: most dumps have no tab
        text = text.expandtabs(_TAB)
    lines = list(map(str.rstrip, text.split("\n")))
    cuts = column_cuts(lines)
    markdown = is_markdown(lines)
    rows = _table_rows(lines) if markdown else set()
    drafts: list[_Draft] = []
    if not cuts:
        _segment_lines(lines, None, drafts, markdown, rows)
    for column in split_columns(lines, cuts) if cuts else ():  # each column has its own wrap width
        _segment_lines([ln for _, ln in column], [no for no, _ in column], drafts, markdown, rows)
    return tuple(map(_freeze, count(), drafts))


_Draft = list[Any]
"""A unit while the lines a renderer wrapped are still being glued onto it: ``[text, first line, last
line, link characters, bullet, indent, blank lines before, heading, decoration, kind, level, ordered,
cells, marker]``. A list, not an object: a dump of a million short lines makes a million drafts, and a
list is made four times faster than a dataclass (1,000,000 repeated lines: 0.3 s less)."""
_TEXT, _LAST, _LINKS = 0, 2, 3
"""The fields a wrapped line changes."""
_PARAGRAPH, _QUOTE, _HEADING, _LIST_ITEM, _TABLE_ROW = (Kind.PARAGRAPH, Kind.QUOTE, Kind.HEADING, Kind.LIST_ITEM,
                                                        Kind.TABLE_ROW)
"""The kinds a draft takes, looked up once (an enum member's lookup costs ten times a name's)."""
_NEVER = sys.maxsize
"""The "full line" length of an unwrapped column: no line reaches it."""


def _freeze(index: int, draft: _Draft) -> Unit:
    """The unit, made as its tuple directly (a half faster than calling :class:`Unit`, which only
    passes its fields on to ``tuple.__new__``)."""
    text, first, last, links, bullet, indent, blank, heading, decoration, kind, level, ordered, cells, marker = draft
    words, ends = text_features(text)
    unit: Unit = _tuple_new(Unit, (index, text, (first, last), words, ends, bullet, indent, blank, links, heading,
                                   decoration, None, kind, level, ordered, cells, marker))
    return unit


def _new_draft(mark: _Markup, no: int, indent: int, blank: int, bullet: regex.Match[str] | None, markdown: bool,
               row: bool) -> _Draft:
    """A new unit starting at line ``no``, with the structure its markers show (a markup reading
    without letters or digits, the empty one included, is decoration)."""
    decoration = mark.decoration
    if mark.heading:
        return [mark.text, no, no, mark.link_chars, bullet is not None, indent, blank, True, decoration, _HEADING,
                mark.heading, False, (), ""]
    if bullet is not None:
        marker = bullet.group("mark")
        return [mark.text, no, no, mark.link_chars, True, indent, blank, False, decoration, _LIST_ITEM,
                indent // _MD_INDENT if markdown else 0, marker[0].isdigit(), (), marker]
    if row:
        cells = _cells(mark.text)  # as HTML rows read: no outer bars
        return [" | ".join(cells), no, no, mark.link_chars, False, indent, blank, False, decoration, _TABLE_ROW,
                0, False, cells, ""]
    return [mark.text, no, no, mark.link_chars, False, indent, blank, False, decoration,
            _QUOTE if mark.quote else _PARAGRAPH, 0, False, (), ""]


def _segment_lines(lines: list[str], numbers: list[int] | None, drafts: list[_Draft], markdown: bool,
                   rows: set[int]) -> None:
    """Append the units of one column of lines (numbered from 0, or by ``numbers``) to ``drafts``.

    Lines arrive right-stripped, so a blank one is empty. One pass; a plain line (no bullet, not a
    table row, not a heading) makes its draft here, without a call.
    """
    width = wrap_width(list(filter(None, map(len, lines))))  # the non-blank lines' lengths
    full_at = width - max(_FULL_SLACK_MIN, width // _FULL_SLACK_DIV) if width else _NEVER
    blank = 1 if drafts else 0
    cur: _Draft | None = None
    prev_full = False
    for no, line in enumerate(lines) if numbers is None else zip(numbers, lines):
        if not line:
            blank += 1
            prev_full = False
            cur = None
            continue
        body = line.lstrip()
        indent = len(line) - len(body)
        first = body[0]
        m = LIST_ITEM.match(body) if first in _BULLET_START else None
        if first == "o" and indent >= _LYNX_LIST_INDENT:
            m = _LYNX_O.match(body)
        if m is not None and m.group("mark")[0].isdigit() and (prev_full or _DATE_START.match(body)):
            m = None  # "26. Januar 2022" is a date, and a number after a full line continues its sentence
        if m is not None:
            mark = _strip_markup(body[m.end():], markdown)
            cur = _new_draft(mark, no, indent, blank, m, markdown, no in rows)
            drafts.append(cur)
        else:
            mark = _strip_markup(body, markdown)
            if prev_full and cur is not None and not mark.decoration and not mark.heading:
                cur[_TEXT] = f"{cur[_TEXT]} {mark.text}".strip()
                cur[_LINKS] += mark.link_chars
                cur[_LAST] = no
            elif mark.heading or no in rows:
                cur = _new_draft(mark, no, indent, blank, None, markdown, no in rows)
                drafts.append(cur)
            else:
                cur = [mark.text, no, no, mark.link_chars, False, indent, blank, False, mark.decoration,
                       _QUOTE if mark.quote else _PARAGRAPH, 0, False, (), ""]
                drafts.append(cur)
        blank = 0
        # a rule line (a w3m table's border) spans the width but wraps no text: the row under it is its own
        prev_full = len(line) >= full_at and not mark.decoration
