"""Benchmark harness: prclean against baselines on any corpus of hand-cleaned (or annotated) pages.

The corpus layouts are read by :mod:`.corpus`, the systems live in :mod:`.systems`, the tables are
built and printed by :mod:`.report` and the quality gate is :mod:`.gate`.  This module runs every
system on every case and keeps one scored row per (case, system).

Timing is fair: each system is warmed up by one untimed call before any call is timed (the first
call pays imports and caches), input preparation is untimed, and the time is CPU time
(``time.process_time``), so docs/s do not depend on what else the machine is doing.
"""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .corpus import Case, Selection, load_cases
from .report import build_report, markdown
from .scoring import MetaTally, f1_of, precision_recall, snippet_hits
from .systems import DEFAULT_SYSTEMS, SYSTEMS, Output, available

__all__ = ["DEFAULT_SYSTEMS", "SYSTEMS", "available", "markdown", "run_bench", "score_case", "warm_up"]

ROW_DIGITS = 6
"""Per-page scores are kept to 6 digits: averaging them then moves no reported (4-digit) figure."""

ERROR_CHARS = 200
"""A system's exception is kept in the report cut to this length: enough to name the failure."""


def warm_up(systems: Sequence[str], case: Case) -> None:
    """One untimed call per system, so no system's timed calls pay its imports or first-call caches."""
    data = case.read()
    for name in systems:
        spec = SYSTEMS[name]
        try:
            spec.run(spec.prepare(data, case.kind, case.gold))
        except Exception:  # noqa: BLE001, S110 - a warm-up failure shows again, timed and reported, on the case
            pass


def call(name: str, case: Case, data: bytes) -> tuple[Output, float, str | None]:
    """Run one system on one case: its output, CPU seconds of the run alone, and its error if any."""
    spec = SYSTEMS[name]
    try:
        prepared = spec.prepare(data, case.kind, case.gold)
        t0 = time.process_time()
        try:
            out = spec.run(prepared)
        finally:
            seconds = time.process_time() - t0
        return out, seconds, None
    except Exception as exc:  # noqa: BLE001 - a system's crash is a data point, not the harness's crash
        return Output("", {}, False), 0.0, f"{type(exc).__name__}: {exc}"[:ERROR_CHARS]


def score_case(case: Case, name: str, out: Output) -> dict[str, Any]:
    """The scored row of one system's output on one case (everything the tables are built from)."""
    p, r = precision_recall(case.expected, out.text)
    must, must_not = case.gold.get("must") or [], case.gold.get("must_not") or []
    meta: dict[str, list[Any]] = {}
    for field in SYSTEMS[name].meta_fields:
        if field in case.gold:  # a field the gold does not carry is not scored (web gold: title/author/date)
            gold, got = case.gold[field], out.meta.get(field)
            meta[field] = [gold, got, MetaTally().add(gold, got)]
    return {"corpus": case.corpus, "case": case.name, "input": case.path.name, "flavor": case.flavor,
            "kind": case.kind, "page_type": case.page_type, "system": name,
            "precision": round(p, ROW_DIGITS), "recall": round(r, ROW_DIGITS), "f1": round(f1_of(p, r), ROW_DIGITS),
            "must": [len(must), snippet_hits(must, out.text)],
            "must_not": [len(must_not), snippet_hits(must_not, out.text)],
            "found": out.found, "expected_empty": not case.expected.strip(), "meta": meta}


def run_bench(roots: list[Path], systems: list[str], selection: Selection | None = None,
              reference: str | None = "trafilatura", progress: bool = False) -> dict[str, Any]:
    """Score every system on every selected case of every corpus; return the report as a JSON-ready
    dict (``table``, ``by_type``, ``versus``, ``found``, ``meta``, ``cases``, ``runs``)."""
    sel = selection or Selection()
    corpora = [(root, load_cases(root, sel)) for root in roots]
    first = next((cases[0] for _, cases in corpora if cases), None)
    if first is not None:
        warm_up(systems, first)
    rows: list[dict[str, Any]] = []
    bar = _progress(sum(len(c) for _, c in corpora) * len(systems)) if progress else None
    for _root, cases in corpora:
        for case in cases:
            data = case.read()
            for name in systems:
                out, seconds, error = call(name, case, data)
                row = score_case(case, name, out)
                row.update(error=error, seconds=round(seconds, 5), bytes=len(data))
                rows.append(row)
                if bar is not None:
                    bar.update(1)
    if bar is not None:
        bar.close()
    runs = [{"corpus": root.name, "path": str(root), "inputs": len(cases), "pages": len({c.name for c in cases}),
             "sample": sel.sample, "seed": sel.seed, "types": sorted(sel.types) if sel.types else None,
             "kinds": sorted(sel.kinds) if sel.kinds else None} for root, cases in corpora]
    ref = reference if reference in systems and reference != "prclean" and "prclean" in systems else None
    return build_report(rows, runs, ref)


def _progress(total: int) -> Any:
    tqdm = importlib.import_module("tqdm").tqdm
    return tqdm(total=total, unit="run", file=sys.stderr, leave=False, dynamic_ncols=True)
