"""A release as markdown: the title as ``#``, the deck in italics, and the body with its structure.

Markdown is how LLM-corpus builders keep structure, so headings keep their level, list items their
marker and nesting, table rows their cells (with the rule row under a table's first row), quotes
their ``>``. Text that markdown would misread (a paragraph opening with "#" or "1.", a bar inside a
cell) is escaped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .labels import Kind
from .text import lazy

if TYPE_CHECKING:
    from .model import Release, TextBlock

_LEADING_MARKUP = lazy(r"^(?=[#>+*-]\s|\d{1,9}[.)]\s|[#>])")
_INDENT = "  "
"""Two spaces per nesting level: what CommonMark needs for a nested list item under "- "."""


def _escape(text: str) -> str:
    """Text that would read as markup at the start of a line gets a backslash."""
    return _LEADING_MARKUP.sub("\\\\", text, count=1)


def _line(block: TextBlock, first_row: bool) -> list[str]:
    if block.kind == Kind.HEADING:
        return [f"{'#' * max(2, min(block.level or 2, 6))} {block.text}"]
    if block.kind == Kind.LIST_ITEM:
        return [f"{_INDENT * block.level}{'1.' if block.ordered else '-'} {_escape(block.text)}"]
    if block.kind == Kind.TABLE_ROW:
        cells = [c.replace("|", "\\|") for c in block.cells] or [block.text]
        row = "| " + " | ".join(cells) + " |"
        return [row, "|" + "---|" * len(cells)] if first_row else [row]
    if block.kind == Kind.QUOTE:
        return [f"> {block.text}"]
    return [_escape(block.text)]


def body_markdown(blocks: tuple[TextBlock, ...]) -> str:
    """The body's blocks as markdown; blocks the page wrote together stay together."""
    out: list[str] = []
    prev: TextBlock | None = None
    for block in blocks:
        same_run = prev is not None and block.kind == prev.kind and (block.joined or block.kind == Kind.LIST_ITEM)
        first_row = block.kind == Kind.TABLE_ROW and not (same_run and prev is not None
                                                          and prev.kind == Kind.TABLE_ROW)
        lines = _line(block, first_row)
        if same_run and block.kind == Kind.PARAGRAPH:
            out[-1] += "  \n" + "\n".join(lines)  # a line break inside one paragraph (a contact card)
        elif same_run:
            out[-1] += "\n" + "\n".join(lines)
        else:
            out.append("\n".join(lines))
        prev = block
    return "\n\n".join(out)


def release_markdown(release: Release) -> str:
    head = [f"# {release.title}"] if release.title else []
    if release.subtitle:
        head += [f"*{line}*" for line in release.subtitle.splitlines() if line.strip()]
    body = body_markdown(release.blocks)
    return "\n\n".join([*head, body] if body else head) + "\n"
