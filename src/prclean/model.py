"""The values prclean hands back: immutable and hashable, so results can be cached, shared and deduplicated."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

from .labels import Kind, Label

BODY = Label.BODY
"""Label of a block kept in the release body; every other label names a kind of chrome or a header part."""

V = TypeVar("V")


class FrozenMap(Mapping[str, V]):
    """A read-only, hashable mapping (``release.sections["about"]``, ``release.provenance["date"]``)."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, V] | None = None) -> None:
        self._data: dict[str, V] = dict(data or {})

    def __getitem__(self, key: str) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self.items()) == dict(other.items())

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the input (a paragraph, a heading, a list item) and the decision taken on it.

    ``rule`` names the detector or extraction step that decided, so a person can see why a
    block went; ``lines`` gives the input line span (text input) or the element order (HTML).
    """

    text: str
    label: Label
    rule: str
    lines: tuple[int, int] = (0, 0)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "label": str(self.label), "rule": str(self.rule), "lines": list(self.lines)}


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One block of the release body with its structure: a paragraph, a heading (``level`` 1-6), a list
    item (``level`` its nesting, ``ordered`` in a numbered list), a table row (its ``cells``) or a quote.

    ``joined`` says the page wrote it on the line after the previous block, with no blank line
    between (the lines of a contact card, the rows of a table, the items of a list).
    """

    text: str
    kind: Kind = Kind.PARAGRAPH
    level: int = 0
    ordered: bool = False
    cells: tuple[str, ...] = ()
    joined: bool = False

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": str(self.kind), "text": self.text}
        if self.kind in (Kind.HEADING, Kind.LIST_ITEM):
            out["level"] = self.level
        if self.kind == Kind.LIST_ITEM:
            out["ordered"] = self.ordered
        if self.kind == Kind.TABLE_ROW:
            out["cells"] = list(self.cells)
        out["joined"] = self.joined
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TextBlock:
        return cls(data["text"], Kind(data.get("kind", "paragraph")), data.get("level", 0), data.get("ordered", False),
                   tuple(data.get("cells", ())), data.get("joined", False))


@dataclass(frozen=True)
class Release:
    """The press release found in a page, with its metadata and the chrome that was removed.

    ``provenance`` names, for each metadata field that has a value, the source it came from
    (``dateline``, ``source-line``, ``json-ld``, ``og:title``, ``imprint``, ...).
    """

    text: str
    paragraphs: tuple[str, ...]
    title: str | None = None
    subtitle: str | None = None
    date: str | None = None
    dateline_location: str | None = None
    wire: str | None = None
    issuer: str | None = None
    author: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    sections: FrozenMap[tuple[str, ...]] = field(default_factory=FrozenMap)
    removed: tuple[Block, ...] = ()
    input_kind: str = "text"
    provenance: FrozenMap[str] = field(default_factory=FrozenMap)
    blocks: tuple[TextBlock, ...] = ()

    @property
    def found(self) -> bool:
        """False when the page holds no release at all (only chrome): the body is then empty."""
        return bool(self.paragraphs)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Release:
        """The inverse of :meth:`to_dict` (extra keys, such as a batch record's id, are ignored)."""
        kwargs: dict[str, Any] = {f.name: data.get(f.name) for f in fields(cls)}
        kwargs["text"] = data.get("text") or ""
        kwargs["paragraphs"] = tuple(data.get("paragraphs") or ())
        kwargs["sections"] = FrozenMap({k: tuple(v) for k, v in (data.get("sections") or {}).items()})
        kwargs["removed"] = tuple(Block(b["text"], Label(b["label"]), b["rule"], tuple(b.get("lines", (0, 0))))
                                  for b in data.get("removed") or ())
        kwargs["input_kind"] = data.get("input_kind") or "text"
        kwargs["provenance"] = FrozenMap(data.get("provenance") or {})
        kwargs["blocks"] = tuple(TextBlock.from_dict(b) for b in data.get("blocks") or ())
        return cls(**kwargs)

    def to_markdown(self) -> str:
        """Title, deck and body as markdown, with the body's headings, lists, tables and quotes."""
        from .markdown import release_markdown

        return release_markdown(self)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the field names as keys, and ``found``."""
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        out["paragraphs"] = list(self.paragraphs)
        out["sections"] = {k: list(v) for k, v in self.sections.items()}
        out["removed"] = [b.to_dict() for b in self.removed]
        out["provenance"] = dict(self.provenance)
        out["blocks"] = [b.to_dict() for b in self.blocks]
        out["found"] = self.found
        return out
