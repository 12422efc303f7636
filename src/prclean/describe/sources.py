"""The evidence metadata is read from, and the named sources each field tries in order.

A source reads one place (the dateline, the SOURCE line, JSON-LD, the imprint) and gives a value
or nothing; a field takes the first value its sources give, and the source's name is recorded as
the value's provenance. :data:`prclean.describe.FIELDS` lists every field's sources in order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..extract import Extraction
from ..extract.dateline import Dateline, parse_dateline
from ..labels import Label
from ..read.units import Page, Unit, paragraphs

DATELINE_PARAGRAPHS = 6
"""The dateline opens the release, or follows a lead paragraph or a short deck: the first six paragraphs."""
UNDATED_DATELINE_PARAGRAPHS = 3
"""Further down only a dated dateline counts ("Berlin, 29. November 2022."): "Word – Word" is common text."""


@dataclass(frozen=True)
class Evidence:
    """Everything the describe stage reads, computed once: the page, the extraction, the caller's URL."""

    page: Page
    extraction: Extraction
    url: str | None

    @cached_property
    def units(self) -> tuple[Unit, ...]:
        return self.page.units

    @cached_property
    def body(self) -> tuple[Unit, ...]:
        return tuple(self.units[i] for i in self.extraction.body)

    @cached_property
    def paragraphs(self) -> tuple[str, ...]:
        """The body's paragraphs, sections included whatever the caller keeps."""
        return tuple("\n".join(u.text for u in p) for p in paragraphs(self.body))

    @cached_property
    def release_texts(self) -> tuple[str, ...]:
        """The release as its issuer wrote it: headline and deck, then the body's paragraphs."""
        h = self.extraction.header
        head = [h.title_text or (self.units[h.title].text if h.title is not None else ""),
                h.subtitle_text or (self.units[h.subtitle].text if h.subtitle is not None else "")]
        return (*(t for t in head if t), *self.paragraphs)

    @cached_property
    def removed(self) -> tuple[tuple[Unit, Label, str], ...]:
        """Units outside the body, with their decision (label, rule)."""
        return tuple((u, d.label, d.rule) for u, d in zip(self.units, self.extraction.decisions)
                     if d.label != Label.BODY and u.text)

    def removed_texts(self, label: Label | None = None) -> list[str]:
        """Texts of units outside the body, all of them or those of one label."""
        return [u.text for u, lab, _ in self.removed if label is None or lab == label]

    @cached_property
    def all_texts(self) -> list[str]:
        return [u.text for u in self.units]

    @cached_property
    def above_body(self) -> list[str]:
        first = self.extraction.body[0] if self.extraction.body else len(self.units)
        return self.all_texts[:first]

    @cached_property
    def dateline_at(self) -> tuple[int, Dateline | None]:
        """The paragraph the dateline opens, and the dateline."""
        for i, p in enumerate(self.paragraphs[:DATELINE_PARAGRAPHS]):
            d = parse_dateline(p)
            if d is not None and (i < UNDATED_DATELINE_PARAGRAPHS or d.date):
                return i, d
        return 0, None

    @property
    def dateline(self) -> Dateline | None:
        return self.dateline_at[1]

    def section_texts(self, section: Label) -> list[str]:
        return [u.text for u in self.body if self.extraction.sections.get(u.index) == section]


Found = Mapping[str, "str | None"]
"""The fields resolved so far: later fields may depend on earlier ones (the issuer on the wire)."""


@dataclass(frozen=True)
class Source:
    """One place a field's value may come from.

    ``detail`` names the exact place within it when the source reads several (which meta tag).
    """

    name: str
    read: Callable[[Evidence, Found], str | None]
    detail: Callable[[Evidence], str | None] | None = None


def first_source(sources: Sequence[Source], ev: Evidence, found: Found,
                 accept: Callable[[str, Evidence, Found], bool] | None = None) -> tuple[str | None, str | None]:
    """The first value the sources give that ``accept`` takes, and the name of the source that gave it."""
    for source in sources:
        value = source.read(ev, found)
        if value and (accept is None or accept(value, ev, found)):
            return value, (source.detail(ev) if source.detail else None) or source.name
    return None, None
