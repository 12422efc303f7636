"""The values prclean hands back: immutable, so results can be cached and shared across threads."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

BODY = "body"
"""Label of a block kept in the release body; every other label names a kind of chrome."""


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the input (a paragraph, a heading, a list item) and the decision taken on it.

    ``rule`` names the detector or extraction step that decided, so a person can see why a
    block went; ``lines`` gives the input line span (text input) or the element order (HTML).
    """

    text: str
    label: str
    rule: str
    lines: tuple[int, int] = (0, 0)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "label": self.label, "rule": self.rule, "lines": list(self.lines)}


@dataclass(frozen=True)
class Release:
    """The press release found in a page, with its metadata and the chrome that was removed."""

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
    sections: dict[str, tuple[str, ...]] = field(default_factory=dict)
    removed: tuple[Block, ...] = ()
    input_kind: str = "text"

    @property
    def found(self) -> bool:
        """False when the page holds no release at all (only chrome): the body is then empty."""
        return bool(self.paragraphs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Release:
        """The inverse of :meth:`to_dict` (extra keys, such as a batch record's id, are ignored)."""
        kwargs = {f: data.get(f) for f in cls.__dataclass_fields__}
        kwargs["paragraphs"] = tuple(data.get("paragraphs") or ())
        kwargs["sections"] = {k: tuple(v) for k, v in (data.get("sections") or {}).items()}
        kwargs["removed"] = tuple(Block(b["text"], b["label"], b["rule"], tuple(b.get("lines", (0, 0))))
                                  for b in data.get("removed") or ())
        kwargs["text"] = data.get("text") or ""
        kwargs["input_kind"] = data.get("input_kind") or "text"
        return cls(**kwargs)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict whose keys are exactly the field names."""
        out = asdict(self)
        out["paragraphs"] = list(self.paragraphs)
        out["sections"] = {k: list(v) for k, v in self.sections.items()}
        out["removed"] = [b.to_dict() for b in self.removed]
        return out
