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
from dataclasses import dataclass, field

import regex

_BULLET = regex.compile(r"^(?P<mark>[•*+·▪◦○□☆■●►‣⁃◆◇→]|[-–]|\d{1,3}[.)])(?:\s+|$)")
_SENTENCE_END = regex.compile(r"[.!?。！？:;…\"”»“)]\s*$")
_ALNUM = regex.compile(r"[^\W_]")
_BULLET_START = frozenset("•*+·▪◦○□☆■●►‣⁃◆◇→-–0123456789")
_MD_IMAGE = regex.compile(r"!\[([^\]\n]{0,300})\]\([^)\n]{0,2000}\)")
_MD_LINK = regex.compile(r"\[([^\]\n]{0,500})\]\((?:[^()\n]|\([^()\n]{0,200}\)){0,2000}\)")
_MD_HEADING = regex.compile(r"^#{1,6}\s+")
_MD_EMPH = regex.compile(r"(\*\*|__)(?=[^\s*_])(.{1,500}?)(?<=[^\s*_])\1")  # not "_____" (a form field)
_LYNX_REF = regex.compile(r"\[\d{1,5}\]|\((?:BUTTON|IMG|INLINE|LINK|FORM)\)|\[(?:IMG|INLINE|LINK)\]")
_LYNX_WORD = regex.compile(r"\((?:BUTTON|IMG|INLINE|LINK|FORM)\)")
_LEADING_IMG = regex.compile(r"^\s*(?:\[[^\s\]]{1,40}\]\s*)+(?=\w)")
_IMG_TOKENS = regex.compile(r"^(?:\s*\[[^\s\]]{1,40}\])+\s*$")
_WORD = re.compile(r"\w+")  # the standard library is faster for this one
INVISIBLE = regex.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


_WIDE = 120  # a line this long in a dump is either wrapped prose or columns side by side


@dataclass(slots=True)
class Unit:
    """A paragraph-level piece of the page, with the cheap features every detector reads."""

    index: int
    text: str
    lines: tuple[int, int]
    bullet: bool = False
    indent: int = 0
    blank_before: int = 0
    link_chars: int = 0
    heading: bool = False
    decoration: bool = False
    words: int = field(default=0, init=False)  # set from the text; kept up to date by segmentation
    _ends: bool | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.words = count_words(self.text)

    @property
    def ends_sentence(self) -> bool:
        """Closes with sentence punctuation (or a colon or quote): computed once, read by many rules."""
        if self._ends is None:
            self._ends = bool(_SENTENCE_END.search(self.text[-8:]))
        return self._ends

    @property
    def short(self) -> bool:
        """A menu-like unit: a few words, no sentence ending."""
        return self.words <= 6 and not self.ends_sentence

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


def _spaced(m: regex.Match[str], inner: str) -> str:
    """Markup replaced by its text, with a space kept where it separated two words."""
    text, start, end = m.string, m.start(), m.end()
    before = " " if start > 0 and text[start - 1].isalnum() and inner[:1].isalnum() else ""
    after = " " if end < len(text) and text[end].isalnum() and (inner[-1:].isalnum() or not inner) else ""
    return before + inner + after


def count_words(text: str) -> int:
    """Word count; CJK text has no spaces, so two of its characters count as a word."""
    n = len(_WORD.findall(text))
    return n if text.isascii() else n + len(_CJK.findall(text)) // 2


def _strip_markup(line: str) -> tuple[str, int, bool, bool]:
    """Remove markdown/lynx/w3m markup; return text, link chars, heading flag, decoration flag."""
    link_chars = 0
    heading = False
    if "[" in line or ("(" in line and _LYNX_WORD.search(line)):  # markup needs brackets: most lines skip this
        if _IMG_TOKENS.match(line):
            return line.strip(), 0, False, True
        line = _LEADING_IMG.sub("", line)  # "[img-22-244] Berlin (dpa) - ...": an image's alt before text
        line = _MD_IMAGE.sub(lambda m: _spaced(m, m.group(1)), line)

        def _link(m: regex.Match[str]) -> str:
            nonlocal link_chars
            link_chars += len(m.group(1))
            return _spaced(m, m.group(1))

        line = _MD_LINK.sub(_link, line)
        line = _LYNX_REF.sub(lambda m: _spaced(m, ""), line)
    if line.startswith("#"):
        heading = bool(_MD_HEADING.match(line))
        line = _MD_HEADING.sub("", line)
    if "**" in line or "__" in line:
        line = _MD_EMPH.sub(lambda m: _spaced(m, m.group(2)), line)
    if not line.isascii():
        line = INVISIBLE.sub("", line)
    text = " ".join(line.split())
    return text, link_chars, heading, not _ALNUM.search(text)


def _wrap_width(lengths: list[int]) -> int | None:
    """The column a fixed-width renderer wrapped at, or None for unwrapped text.

    A wrapped rendering shows many lines ending within a few columns of one width; an innerText
    or markdown dump shows line lengths spread over hundreds of columns.
    """
    long = sorted((n for n in lengths if n >= 40), reverse=True)
    for i, top in enumerate(long):
        if top > 260:
            continue
        near = sum(1 for n in long[i:] if n >= top - 12)
        if near >= 3:
            band = sum(1 for n in long if top - 25 <= n <= top)
            half = sum(1 for n in long if n >= top // 2)
            return top if band >= 0.3 * half else None
        break
    return None


def _column_cuts(lines: list[str]) -> list[int]:
    """Columns at which a table layout rendered side by side can be cut apart.

    w3m renders layout tables as columns of text next to each other (navigation | release |
    sidebar).  Such a page shows wide lines with vertical stripes that are blank in nearly every
    line; a single-column page has no such stripe, because wrapped prose fills every column.
    """
    wide = [ln for ln in lines if len(ln) >= _WIDE]
    if len(wide) < 20 or len(wide) * 3 < sum(1 for ln in lines if ln.strip()):
        return []
    width = max(len(ln) for ln in wide)
    covered = [0] * width
    inked = [0] * width
    for ln in wide:
        for i, ch in enumerate(ln):
            covered[i] += 1
            if ch != " ":
                inked[i] += 1
    cuts: list[int] = []
    run = 0
    for c in range(10, width - 10):
        if covered[c] * 2 >= len(wide) and inked[c] <= 0.04 * covered[c]:
            run += 1
        else:
            if run >= 2 and inked[c] > 0.2 * covered[c]:
                cuts.append(c)
            run = 0
    return cuts


def _split_columns(lines: list[str], cuts: list[int]) -> list[list[tuple[int, str]]]:
    """The side-by-side columns as separate line lists; lines crossing a cut stay whole in the first."""
    columns: list[list[tuple[int, str]]] = [[] for _ in range(len(cuts) + 1)]
    for no, ln in enumerate(lines):
        if any(0 < c < len(ln) and ln[c - 1] != " " and ln[c] != " " for c in cuts):
            columns[0].append((no, ln))
            continue
        bounds = [0, *cuts, len(ln)]
        for k in range(len(cuts) + 1):
            columns[k].append((no, ln[bounds[k]:bounds[k + 1]].rstrip() if bounds[k] < len(ln) else ""))
    return columns


def segment_text(text: str) -> list[Unit]:
    """Split a text rendering into units, gluing back lines a renderer wrapped."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(8).split("\n")
    lines = [ln.rstrip() for ln in raw]
    cuts = _column_cuts(lines)
    columns = _split_columns(lines, cuts) if cuts else [list(enumerate(lines))]
    units: list[Unit] = []
    for column in columns:  # each column has its own wrap width
        _segment_lines(column, units)
    return units


def _segment_lines(numbered: list[tuple[int, str]], units: list[Unit]) -> None:
    """Append the units of one column of lines to ``units``."""
    width = _wrap_width([len(ln) for _, ln in numbered if ln.strip()])
    full_at = width - max(15, width // 6) if width else None
    blank = 1 if units else 0
    cur: Unit | None = None
    prev_full = False
    for no, line in numbered:
        if not line or line.isspace():
            blank += 1
            prev_full = False
            cur = None
            continue
        body = line.lstrip()
        indent = len(line) - len(body)
        m = _BULLET.match(body) if body[0] in _BULLET_START else None
        is_bullet = bool(m) and not (prev_full and m and m.group("mark")[0].isdigit())
        text_part, link_chars, heading, decoration = _strip_markup(body[m.end():] if is_bullet and m else body)
        if cur is not None and prev_full and not is_bullet and not decoration and not heading:
            cur.text = f"{cur.text} {text_part}".strip()
            cur.words += count_words(text_part)  # words of joined lines add up
            cur.link_chars += link_chars
            cur.lines = (cur.lines[0], no)
        else:
            if not text_part and not decoration:
                decoration = True
            cur = Unit(len(units), text_part, (no, no), bullet=is_bullet, indent=indent, blank_before=blank,
                       link_chars=link_chars, heading=heading, decoration=decoration)
            units.append(cur)
        blank = 0
        prev_full = bool(full_at) and len(line) >= full_at  # type: ignore[operator]
