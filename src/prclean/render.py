"""Render: the decisions and metadata as a :class:`~prclean.model.Release` and its block list.

This is the only stage that reads the caller's options: a release section the caller does not
keep is labelled as that section instead of body. Everything before it is the same whatever the
options, so the metadata of a page never depends on them.
"""

from __future__ import annotations

from .describe import Metadata
from .extract import Extraction
from .labels import Label, RuleName
from .model import Block, FrozenMap, Release, TextBlock
from .options import Options
from .read.units import Page, paragraphs

_SECTION_KEYS = {Label.ABOUT: "about", Label.CONTACTS: "contacts", Label.FORWARD_LOOKING: "forward_looking"}
MEDIA = "media"
"""The section of media links a wire trailer lists ("Photo - https://...")."""


def render(page: Page, extraction: Extraction, meta: Metadata, opts: Options) -> tuple[Release, list[Block]]:
    dropped = {Label.ABOUT: not opts.keep_about, Label.CONTACTS: not opts.keep_contacts,
               Label.FORWARD_LOOKING: not opts.keep_forward_looking}
    blocks: list[Block] = []
    for u, d in zip(page.units, extraction.decisions):
        if d.label == Label.BODY and d.section is not None and dropped[d.section]:
            blocks.append(Block(u.text, d.section, RuleName.OPTION, u.lines))
        else:
            blocks.append(Block(u.text, d.label, d.rule, u.lines))
    kept = [u for u, b in zip(page.units, blocks) if b.label == Label.BODY]
    grouped = paragraphs(kept)
    paras = tuple("\n".join(u.text for u in p) for p in grouped)
    structure = tuple(TextBlock(u.text, u.kind, u.level, u.ordered, u.cells, joined=k > 0)
                      for p in grouped for k, u in enumerate(p))
    removed = tuple(b for b in blocks if b.label != Label.BODY and b.text)
    sections: dict[str, list[str]] = {}
    for i in extraction.body:
        if i in extraction.sections:
            sections.setdefault(_SECTION_KEYS[extraction.sections[i]], []).append(page.units[i].text)
    media = tuple(b.text for b in removed if b.rule == RuleName.MEDIA_URL)
    parts: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in sections.items()}
    if media:
        parts[MEDIA] = media
    release = Release(text="\n\n".join(paras), paragraphs=paras, sections=FrozenMap(parts), removed=removed,
                      input_kind=page.kind, provenance=FrozenMap(meta.provenance), blocks=structure, **meta.values)
    return release, blocks
