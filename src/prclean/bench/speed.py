"""Speed benchmark: CPU-time docs/s and MB/s of prclean and its peers, side by side, in one run.

Reached as ``prclean bench --speed CORPUS...`` and ``python benchmarks/speed.py``.  Fair by design:
every system is warmed up by one untimed call per input kind, input preparation (decoding, wrapping
a text dump as HTML for an HTML-only peer) is untimed, systems take turns page by page, and the time
is CPU time (``time.process_time``).  Besides the corpora it measures ``import prclean`` in fresh
interpreters and the worst case the speed issue names: a million repeated short lines.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..api import clean
from .corpus import Case, Selection, load_cases
from .harness import call

SPEED_SYSTEMS = ("prclean", "trafilatura", "trafilatura-extract", "resiliparse")
"""prclean; trafilatura with metadata (``bare_extraction(with_metadata=True)``, the same job as
prclean's) and text only (``extract``); resiliparse's main-content extraction."""

IMPORT_RUNS = 7
"""Fresh interpreters timed for ``import prclean``: the median of 7 shrugs off one slow start."""

REPEATED_LINE = "Read more"
"""The repeated short line: 9 characters plus a newline, so a million of them make 10 MB."""

REPEATED_COUNT = 1_000_000

_IMPORT_SNIPPET = "import time; t = time.perf_counter(); import prclean; print(time.perf_counter() - t)"


def measure_corpus(cases: Sequence[Case], systems: Sequence[str]) -> list[dict[str, Any]]:
    """CPU seconds and bytes per (corpus, system, kind), after one untimed call per system and kind."""
    seen: set[tuple[str, str]] = set()
    totals: dict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0, 0, 0.0, 0])
    for case in cases:
        data = case.read()
        for name in systems:
            if (name, case.flavor) not in seen:
                seen.add((name, case.flavor))
                call(name, case, data)  # warm-up: imports, lazy patterns, first-call caches
            _out, seconds, error = call(name, case, data)
            for key in case.kind_keys:
                cell = totals[(case.corpus, name, key)]
                cell[0] += 1
                cell[1] += len(data)
                cell[2] += seconds
                cell[3] += error is not None
    return [{"corpus": c, "system": s, "kind": k, "docs": int(v[0]), "mb": round(v[1] / 1e6, 3),
             "cpu_s": round(v[2], 3), "errors": int(v[3]),
             "docs_per_s": round(v[0] / v[2], 1) if v[2] else None,
             "mb_per_s": round(v[1] / 1e6 / v[2], 2) if v[2] else None}
            for (c, s, k), v in sorted(totals.items())]


def import_time(runs: int = IMPORT_RUNS) -> dict[str, float]:
    """Wall seconds of ``import prclean`` in fresh interpreters: median and minimum."""
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _IMPORT_SNIPPET], capture_output=True, text=True, check=True)
        times.append(float(out.stdout.strip()))
    return {"runs": runs, "median_s": round(statistics.median(times), 4), "min_s": round(min(times), 4)}


def repeated_lines(count: int = REPEATED_COUNT, line: str = REPEATED_LINE) -> dict[str, Any]:
    """CPU seconds of prclean.clean on ``count`` copies of one short line (no time budget)."""
    text = (line + "\n") * count
    t0 = time.process_time()
    clean(text, timeout=None, max_bytes=None)
    seconds = time.process_time() - t0
    return {"lines": count, "mb": round(len(text.encode()) / 1e6, 2), "cpu_s": round(seconds, 3),
            "mb_per_s": round(len(text.encode()) / 1e6 / seconds, 2) if seconds else None}


def run_speed(roots: Sequence[Path], systems: Sequence[str], selection: Selection | None = None,
              import_runs: int = IMPORT_RUNS, repeat: int | None = REPEATED_COUNT) -> dict[str, Any]:
    """The whole speed report: per corpus, system and kind; import time; the repeated-lines case."""
    sel = selection or Selection()
    rows: list[dict[str, Any]] = []
    runs = []
    for root in roots:
        cases = load_cases(root, sel)
        runs.append({"corpus": root.name, "path": str(root), "inputs": len(cases), "sample": sel.sample,
                     "seed": sel.seed, "types": sorted(sel.types) if sel.types else None})
        rows += measure_corpus(cases, systems)
    return {"runs": runs, "systems": list(systems), "table": rows, "import": import_time(import_runs) if import_runs else None,
            "repeated_lines": repeated_lines(repeat) if repeat else None}


def speed_markdown(report: dict[str, Any]) -> str:
    """The speed report as markdown: one row per corpus and kind, one column per system giving CPU-time
    docs/s and MB/s, and prclean's speed relative to trafilatura with metadata; then import time and
    the repeated-lines case."""
    by = {(r["corpus"], r["system"], r["kind"]): r for r in report["table"]}
    systems = report.get("systems") or list(dict.fromkeys(r["system"] for r in report["table"]))
    cells = sorted({(r["corpus"], r["kind"]) for r in report["table"]}, key=lambda ck: (ck[0], ck[1] != "html", ck[1]))
    cols = ["corpus", "kind", "docs", *(f"{s} docs/s (MB/s)" for s in systems), "prclean × trafilatura"]
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for corpus, kind in cells:
        row = [by.get((corpus, s, kind)) for s in systems]
        docs = next(r["docs"] for r in row if r)
        me, base = by.get((corpus, "prclean", kind)), by.get((corpus, "trafilatura", kind))
        ratio = f"{base['cpu_s'] / me['cpu_s']:.2f}" if me and base and me["cpu_s"] else ""
        out.append(f"| {corpus} | {kind} | {docs} | "
                   + " | ".join(f"{r['docs_per_s']} ({r['mb_per_s']})" if r else "" for r in row)
                   + f" | {ratio} |")
    if report.get("import"):
        imp = report["import"]
        out += ["", (f"`import prclean`: {imp['median_s'] * 1000:.0f} ms (median of {imp['runs']} fresh "
                     f"interpreters, wall; fastest {imp['min_s'] * 1000:.0f} ms)")]
    if report.get("repeated_lines"):
        rep = report["repeated_lines"]
        out += ["", (f"{rep['lines']:,} repeated short lines ({rep['mb']} MB) through prclean.clean: "
                     f"{rep['cpu_s']} s CPU ({rep['mb_per_s']} MB/s)")]
    return "\n".join(out)
