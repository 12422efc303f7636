"""Inputs with gold titles, and the pipeline run up to extraction, for the title research.

Reads ../shared/corpus (web articles and documentation pages in all five renderings, dev release
pages in three, seeds) and the repo's fixtures. Nothing from the pages is written into the repo.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpus"
WEB_FILES = {"html": "input.html.gz", "w3m": "input.w3m.txt", "lynx": "input.lynx.txt", "md": "input.md.txt",
             "inner": "input.inner.txt"}
WEB_TYPES = ("article", "documentation")
_Q = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\xa0": " "})


def norm(v: object) -> str | None:
    """Gold comparison: whitespace, case and curly quotes normalised (as the lead's scratch scripts do)."""
    return " ".join(str(v).translate(_Q).split()).casefold() if v else None


@dataclass(frozen=True)
class Input:
    corpus: str  # web, dev, fixtures, seeds
    group: str  # CV group: one page (web), one case folder (dev, fixtures, seeds)
    kind: str  # html, w3m, lynx, md, inner, txt
    path: Path
    title: str | None
    subtitle: str | None
    has_subtitle: bool  # the gold says something about the subtitle (web gold does not)

    def data(self) -> bytes:
        raw = self.path.read_bytes()
        return gzip.decompress(raw) if self.path.suffix == ".gz" else raw


def web_sample_ids(n: int = 400, seed: int = 11) -> list[str]:
    """The lead's web sample: the sorted case folders shuffled by random.Random(11), the first n."""
    cases = sorted(p for p in (SHARED / "web").iterdir() if (p / "expected.json").exists())
    random.Random(seed).shuffle(cases)
    return [c.name for c in cases[:n]]


def _kind_of(name: str) -> str:
    if name.endswith((".html", ".html.gz")):
        return "html"
    parts = name.split(".")
    return parts[1] if len(parts) == 3 else "txt"


def web_inputs(kinds: tuple[str, ...] = tuple(WEB_FILES)) -> Iterator[Input]:
    for case in sorted((SHARED / "web").iterdir()):
        gold_file = case / "expected.json"
        if not gold_file.exists():
            continue
        gold = json.loads(gold_file.read_text())
        if gold.get("page_type") not in WEB_TYPES:
            continue
        for kind in kinds:
            yield Input("web", f"web/{case.name}", kind, case / WEB_FILES[kind], gold.get("title"), None, False)


def release_inputs(corpus: str, root: Path) -> Iterator[Input]:
    for case in sorted(p for p in root.iterdir() if (p / "expected.json").exists()):
        gold = json.loads((case / "expected.json").read_text())
        for inp in sorted(case.glob("input*")):
            yield Input(corpus, f"{corpus}/{case.name}", _kind_of(inp.name), inp, gold.get("title"),
                        gold.get("subtitle"), "subtitle" in gold)


def all_inputs() -> Iterator[Input]:
    yield from web_inputs()
    yield from release_inputs("dev", SHARED / "dev")
    yield from release_inputs("seeds", SHARED / "seeds")
    yield from release_inputs("fixtures", ROOT / "fixtures")
