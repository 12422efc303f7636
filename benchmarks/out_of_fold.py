#!/usr/bin/env python3
"""The whole pipeline out of fold: each page decided by the cross-validation model that never saw it.

    python -m prclean.train --shared ../shared --fold-models /tmp/folds     # writes fold<k>.json, folds.json
    python benchmarks/out_of_fold.py /tmp/folds --shared ../shared [--kinds html,w3m] [--release]

The unit model is fitted on the web corpus's articles and documentation pages and on the release
pages, so the harness's scores on those pages are in sample and flatter it. This runs
``prclean.clean`` on the same pages with, for each page, the model of the fold its site was held
out of (the training run's site-grouped folds), and prints shingle F1 per input kind and page type
as ``prclean bench`` computes it, and the pages where prclean keeps under 30% of the main text
(recall < 0.3). ``--reference REPORT`` (a ``prclean bench --json`` report that ran trafilatura on
the same pages) narrows those to the harness's catastrophic pages: the reference kept 70% or more.
Needs the ``train`` extra (the fold grouping is the training script's).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import prclean
from prclean.bench.corpus import Case
from prclean.bench.scoring import f1_of, precision_recall
from prclean.extract import fitted
from prclean.extract.unitmodel import UnitModel
from prclean.train.dataset import corpus_cases

LOST, KEPT = 0.3, 0.7
"""A page is lost under 30% recall; the reference keeps a page from 70% (as in the harness)."""


def _args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folds", type=Path, help="the folder --fold-models wrote")
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--fixtures", type=Path, default=Path("fixtures"))
    ap.add_argument("--kinds", help="input flavors to run (html, w3m, lynx, md, inner, txt); default all")
    ap.add_argument("--release", action="store_true", help="the release pages (dev, seeds, fixtures), not the web")
    ap.add_argument("--reference", type=Path, help="a prclean bench --json report with trafilatura on these pages")
    return ap.parse_args()


def _reference(path: Path | None) -> dict[tuple[str, str], float]:
    if path is None:
        return {}
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    return {(c["case"], c["flavor"]): c["recall"] for c in cases if c["system"] == "trafilatura"}


def _clean(case: Case) -> str:
    try:
        return prclean.clean(case.read()).text
    except prclean.PrcleanError:
        return ""


def main() -> int:
    a = _args()
    fold_of: dict[str, int] = json.loads((a.folds / "folds.json").read_text(encoding="utf-8"))
    models: dict[int, UnitModel] = {}
    kinds = set(a.kinds.split(",")) if a.kinds else None
    reference = _reference(a.reference)
    rows: dict[tuple[str, str, str], list[tuple[str, float, float]]] = defaultdict(list)
    for group, case in corpus_cases(a.shared, a.fixtures):
        if group.startswith("web:") == a.release or (kinds and case.flavor not in kinds) or group not in fold_of:
            continue
        k = fold_of[group]
        if k not in models:
            models[k] = UnitModel.from_spec(json.loads((a.folds / f"fold{k}.json").read_text(encoding="utf-8")))
        fitted._model = lambda m=models[k]: m  # type: ignore[assignment]  # this page's fold model
        p, r = precision_recall(case.expected, _clean(case))
        rows[(case.corpus, case.flavor, case.page_type or "release")].append((case.name, p, r))
    for (corpus, flavor), types in sorted(_by_flavor(rows).items()):
        for page_type, got in [*sorted(types.items()), ("all", [g for t in types.values() for g in t])]:
            f1 = f1_of(sum(g[1] for g in got) / len(got), sum(g[2] for g in got) / len(got))
            lost = [n for n, _, r in got if r < LOST and reference.get((n, flavor), 1.0) >= KEPT]
            print(f"{corpus:9s} {flavor:6s} {page_type:14s} n={len(got):4d} F1={f1:.4f} lost={len(lost)} "
                  f"{' '.join(lost)}")
    return 0


def _by_flavor(rows: dict[tuple[str, str, str], list[tuple[str, float, float]]]
               ) -> dict[tuple[str, str], dict[str, list[tuple[str, float, float]]]]:
    out: dict[tuple[str, str], dict[str, list[tuple[str, float, float]]]] = defaultdict(dict)
    for (corpus, flavor, page_type), got in rows.items():
        out[(corpus, flavor)][page_type] = got
    return out


if __name__ == "__main__":
    sys.exit(main())
