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
BLOCK_FIELDS = ("text", "label", "rule", "lines")
"""The fields of :class:`Block`, which :func:`_block` sets one by one."""
MEDIA = "media"
"""The section of media links a wire trailer lists ("Photo - https://...")."""


_new = object.__new__
_SET_TEXT, _SET_LABEL, _SET_RULE, _SET_LINES = (getattr(Block, name).__set__ for name in BLOCK_FIELDS)


def _block(text: str, label: Label, rule: str, lines: tuple[int, int]) -> Block:
    """``Block(text, label, rule, lines)``, made 40% faster: a frozen dataclass's ``__init__`` sets each
    field through ``object.__setattr__``, where the slots' own descriptors set it directly (a page of a
    million lines makes a million blocks: 0.3 s). A test checks it makes what the constructor makes."""
    block: Block = _new(Block)
    _SET_TEXT(block, text)
    _SET_LABEL(block, label)
    _SET_RULE(block, rule)
    _SET_LINES(block, lines)
    return block


def render(page: Page, extraction: Extraction, meta: Metadata, opts: Options) -> tuple[Release, list[Block]]:
    dropped = {Label.ABOUT: not opts.keep_about, Label.CONTACTS: not opts.keep_contacts,
               Label.FORWARD_LOOKING: not opts.keep_forward_looking}
    blocks: list[Block] = []
    body, option = Label.BODY, RuleName.OPTION  # locals: looked up once, not once a unit
    for u, d in zip(page.units, extraction.decisions):
        if d.label == body and d.section is not None and dropped[d.section]:
            blocks.append(_block(u.text, d.section, option, u.lines))
        else:
            blocks.append(_block(u.text, d.label, d.rule, u.lines))
    kept = [u for u, b in zip(page.units, blocks) if b.label == body]
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
