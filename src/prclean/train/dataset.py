"""The training data: every unit of the corpus pages, as prclean reads it, with its features and label.

Pages are read by prclean's own stages (load, read, detect) exactly as :func:`prclean.pipeline.run`
reads them, so the model learns from the units and verdicts it will see; its features come from
:func:`prclean.extract.unitfeatures.page_features` and its label from :mod:`.label`.

The corpora are those of ``../shared``: the web corpus's articles and documentation pages (every
input kind), the dev release pages and the seeds, and the repo's own fixtures. Each page is one
cross-validation group (all of its renderings together), so no page is both trained and tested on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from ..bench.corpus import Case, Selection, folder_pages, select
from ..detect import detect
from ..errors import PrcleanError
from ..extract.unitfeatures import NAMES, page_features
from ..read import read_page
from ..read.load import load
from .label import coverage

WEB_TYPES = ("article", "documentation")
"""Web page types that have one main text: the pages a release extractor must get right."""
RELEASE = "release"
"""The page type given to release pages (dev, seeds, fixtures)."""
_CHUNK = 16
"""Inputs handed to a worker process at a time."""
_REPORT_EVERY = 25
"""Batches between progress lines."""


@dataclass(frozen=True)
class Record:
    """One input (a page in one rendering): its units' features, gold coverage, words and texts."""

    key: str
    group: str
    corpus: str
    flavor: str
    page_type: str
    features: npt.NDArray[np.float64]
    covered: npt.NDArray[np.float64]
    words: npt.NDArray[np.float64]
    texts: tuple[str, ...]
    gold: str

    @property
    def is_release(self) -> bool:
        return self.page_type == RELEASE


def corpus_cases(shared: Path, fixtures: Path | None) -> Iterator[tuple[str, Case]]:
    """(group, case) for every training input: web articles and documentation, dev, seeds, fixtures."""
    web = select(folder_pages(shared / "corpus" / "web"), Selection(types=WEB_TYPES))
    for page in web:
        for case in page.cases():
            yield f"web:{page.name}", case
    roots = [shared / "corpus" / "dev", shared / "corpus" / "seeds", *([fixtures] if fixtures else [])]
    for root in roots:
        for page in folder_pages(root):
            for case in page.cases():
                yield f"{root.name}:{page.name}", case


def record(group: str, case: Case) -> Record | None:
    """The input read, detected, featurised and labelled; None (with a note) when prclean refuses it."""
    try:
        text, kind = load(case.read())
        page = read_page(text, kind, None)
        found = detect(page)
        rows = page_features(page, found)
    except PrcleanError as exc:
        print(f"skipped {case.corpus}/{case.name}/{case.flavor}: {type(exc).__name__}", file=sys.stderr)
        return None
    texts = tuple(u.text for u in page.units)
    features = np.asarray(rows, dtype=np.float64).reshape(len(texts), len(NAMES))
    page_type = case.page_type if case.corpus == "web" and case.page_type else RELEASE
    return Record(f"{case.corpus}/{case.name}/{case.flavor}", group, case.corpus, case.flavor, page_type,
                  features, np.asarray(coverage(texts, case.expected)),
                  np.asarray([u.words for u in page.units], dtype=np.float64), texts, case.expected)


def _records(batch: Sequence[tuple[str, Case]]) -> list[Record | None]:
    return [record(group, case) for group, case in batch]


def build(shared: Path, fixtures: Path | None, jobs: int = 1, progress: bool = True) -> list[Record]:
    """Every training input as a :class:`Record`, in corpus order."""
    cases = list(corpus_cases(shared, fixtures))
    batches = [cases[i:i + _CHUNK] for i in range(0, len(cases), _CHUNK)]
    out: list[Record] = []
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            results: Iterator[list[Record | None]] = pool.map(_records, batches)
            out = _collect(results, len(batches), progress)
    else:
        out = _collect(map(_records, batches), len(batches), progress)
    return out


def _collect(results: Iterator[list[Record | None]], total: int, progress: bool) -> list[Record]:
    out: list[Record] = []
    for n, batch in enumerate(results, 1):
        out.extend(r for r in batch if r is not None)
        if progress and (n % _REPORT_EVERY == 0 or n == total):
            print(f"  read {n}/{total} batches, {len(out)} inputs", file=sys.stderr)
    return out
