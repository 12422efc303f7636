"""Finding the cases of a benchmark corpus, in the layouts corpora come in.

Two layouts are read:

* **case folders** (``fixtures/``, ``../shared/corpus/dev``, ``../shared/corpus/web``): one folder per
  page, nested at any depth, holding ``expected.txt`` (the gold main text), ``expected.json`` (gold
  metadata, ``page_type``, ``must``/``must_not`` snippets) and the inputs: ``input.html``,
  ``input.html.gz`` and text renderings ``input.<renderer>.txt`` (``input.txt`` counts too);
* **public benchmarks** (the ScrapingHub article-extraction benchmark, WCXB): ``html/<id>.html.gz``
  or ``html/<id>.html`` plus one ground-truth JSON keyed by id (``ground-truth.json``: id ->
  ``{"articleBody": ..., "url": ...}``), or a ``ground-truth/<id>.json`` folder.

A corpus is narrowed to page types, sampled (a fixed random sample: the same ``seed`` gives the same
pages on every machine) and then to input kinds.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TEXT_KEYS = ("articleBody", "main_content", "text", "content", "body", "expected")
"""Ground-truth keys that hold the main text, tried in this order when no ``--text-key`` is given:
ScrapingHub's ``articleBody`` first, then the names other benchmarks use."""

GOLD_ALIASES = {"headline": "title", "datePublished": "date", "published": "date", "lang": "language"}
"""Public ground-truth keys that mean one of the harness's gold fields."""

HTML_FLAVOR = "html"
TEXT_FLAVORS = ("w3m", "lynx", "md", "inner", "txt")
"""Text renderings the corpora ship (``txt`` is a plain ``input.txt``)."""


@dataclass(frozen=True)
class Case:
    """One input file of one page, with the page's gold."""

    corpus: str
    name: str
    path: Path
    kind: str  # "html" or "text"
    flavor: str  # html, w3m, lynx, md, inner, txt ...
    expected: str
    gold: dict[str, Any]

    @property
    def page_type(self) -> str | None:
        value = self.gold.get("page_type")
        return str(value) if value else None

    @property
    def kind_keys(self) -> tuple[str, ...]:
        """The report cells this input counts in: its kind, and for text its rendering too."""
        return (self.kind,) if self.kind == "html" else (self.kind, "text:" + self.flavor)

    def read(self) -> bytes:
        """The input's bytes, gunzipped when the file is gzip (as crawls store pages)."""
        data = self.path.read_bytes()
        return gzip.decompress(data) if self.path.name.endswith(".gz") else data


@dataclass(frozen=True)
class Page:
    """One page of a corpus: its gold and its input files by flavor."""

    corpus: str
    name: str
    expected: str
    gold: dict[str, Any]
    inputs: dict[str, Path] = field(default_factory=dict)

    def cases(self, flavors: Iterable[str] | None = None) -> Iterator[Case]:
        wanted = None if flavors is None else set(flavors)
        for flavor, path in sorted(self.inputs.items(), key=lambda kv: (kv[0] != HTML_FLAVOR, kv[0])):
            if wanted is None or flavor in wanted:
                kind = "html" if flavor == HTML_FLAVOR else "text"
                yield Case(self.corpus, self.name, path, kind, flavor, self.expected, self.gold)


@dataclass(frozen=True)
class Selection:
    """Which part of a corpus to run: input kinds, page types, and a fixed random sample."""

    kinds: tuple[str, ...] | None = None  # flavors; "text" means every text rendering
    types: tuple[str, ...] | None = None
    sample: int | None = None
    seed: int = 0
    truth: Path | None = None  # public layout: the ground-truth JSON (or folder), when not found alone
    text_key: str | None = None  # public layout: the key holding the main text

    def flavors(self) -> set[str] | None:
        if self.kinds is None:
            return None
        out = set(self.kinds)
        if "text" in out:
            out |= set(TEXT_FLAVORS)
        return out


# --- case folders -----------------------------------------------------------------------------------

def input_flavor(path: Path) -> str | None:
    """The flavor of an ``input*`` file, or None when it is not an input the harness reads."""
    name = path.name.removesuffix(".gz")
    parts = name.split(".")
    if parts[-1] in ("html", "htm"):
        return HTML_FLAVOR
    if parts[-1] == "md" and len(parts) == 2:
        return "md"
    if parts[-1] in ("txt", "md"):
        return parts[1] if len(parts) > 2 else "txt"
    return None


def _load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def folder_pages(root: Path) -> list[Page]:
    """Every case folder under ``root`` (any folder holding ``expected.txt``), sorted by name."""
    pages = []
    for d in sorted({p.parent for p in root.rglob("expected.txt")}):
        gold_path = d / "expected.json"
        gold = _load_json(gold_path) if gold_path.exists() else {}
        inputs: dict[str, Path] = {}
        for inp in sorted(d.glob("input*")):
            flavor = input_flavor(inp)
            if flavor is not None and flavor not in inputs:  # input.html wins over input.html.gz
                inputs[flavor] = inp
        name = str(d.relative_to(root)) if d != root else d.name
        pages.append(Page(root.name, name, (d / "expected.txt").read_text(encoding="utf-8"), gold, inputs))
    return pages


# --- public benchmarks ------------------------------------------------------------------------------

def is_public_layout(root: Path) -> bool:
    return (root / "html").is_dir() and not any(root.glob("*/expected.txt"))


def _truth_entries(root: Path, truth: Path | None) -> dict[str, Any]:
    """The ground truth keyed by page id, from a JSON file (a dict, or a list of objects with ``id``)
    or a folder of ``<id>.json`` files."""
    if truth is None:
        candidates = [root / "ground-truth.json", root / "ground_truth.json", root / "ground-truth"]
        found = [c for c in candidates if c.exists()] or sorted(root.glob("*.json"))
        if not found:
            raise FileNotFoundError(f"{root}: no ground-truth JSON beside html/ (give --truth)")
        truth = found[0]
    if truth.is_dir():
        return {p.stem: _load_json(p) for p in sorted(truth.glob("*.json"))}
    data = _load_json(truth)
    if isinstance(data, list):
        return {str(item["id"]): item for item in data if isinstance(item, dict) and "id" in item}
    if not isinstance(data, dict):
        raise TypeError(f"{truth}: ground truth must be an object keyed by id or a list of objects")
    return {str(k): v for k, v in data.items()}


def _gold_text(entry: Any, text_key: str | None) -> str | None:
    if isinstance(entry, str):
        return entry
    if not isinstance(entry, dict):
        return None
    keys = (text_key,) if text_key else TEXT_KEYS
    for key in keys:
        value = entry.get(key)
        if isinstance(value, str):
            return value
        if isinstance(value, list) and all(isinstance(x, str) for x in value):
            return "\n\n".join(value)
    return None


def _gold_meta(entry: Any) -> dict[str, Any]:
    if not isinstance(entry, dict):
        return {}
    gold = {GOLD_ALIASES.get(str(k), str(k)): v for k, v in entry.items() if not isinstance(v, dict)}
    return {k: v for k, v in gold.items() if k not in TEXT_KEYS}


def public_pages(root: Path, truth: Path | None = None, text_key: str | None = None) -> list[Page]:
    """The pages of a public benchmark: ``html/<id>.html[.gz]`` joined to its ground truth by id.
    A page without ground truth (or whose entry has no main text) is left out."""
    entries = _truth_entries(root, truth)
    files: dict[str, Path] = {}
    for p in sorted((root / "html").iterdir()):
        stem = p.name.removesuffix(".gz")
        for ext in (".html", ".htm"):
            if stem.endswith(ext):
                files.setdefault(stem[: -len(ext)], p)
    pages = []
    for page_id in sorted(files):
        text = _gold_text(entries.get(page_id), text_key)
        if text is not None:
            pages.append(Page(root.name, page_id, text, _gold_meta(entries[page_id]),
                              {HTML_FLAVOR: files[page_id]}))
    return pages


# --- selection ----------------------------------------------------------------------------------------

def select(pages: list[Page], sel: Selection) -> list[Page]:
    """Narrow to page types, then take a fixed random sample (shuffle the sorted pages with
    ``random.Random(seed)`` and keep the first N, as ``../shared/tools/webcheck.py`` does, so the
    same arguments pick the same pages), returned in name order."""
    if sel.types is not None:
        pages = [p for p in pages if p.gold.get("page_type") in sel.types]
    pages = sorted(pages, key=lambda p: p.name)
    if sel.sample is not None and sel.sample < len(pages):
        random.Random(sel.seed).shuffle(pages)
        pages = sorted(pages[: sel.sample], key=lambda p: p.name)
    return pages


def load_cases(root: Path, sel: Selection) -> list[Case]:
    """The cases of one corpus root under a selection, in a stable order."""
    pages = public_pages(root, sel.truth, sel.text_key) if is_public_layout(root) else folder_pages(root)
    flavors = sel.flavors()
    return [case for page in select(pages, sel) for case in page.cases(flavors)]
