#!/usr/bin/env python3
"""Speed benchmark: prclean, trafilatura with metadata (bare_extraction) and without (extract), and
resiliparse, side by side in one process, CPU time after warm-up, per input kind, on the dev corpus
and a fixed sample of the web corpus; plus ``import prclean`` time and a million repeated lines.

    python benchmarks/speed.py                    # dev + 200 web pages (seed 1), all kinds
    python benchmarks/speed.py --web-sample 0     # dev only
    prclean bench --speed ../shared/corpus/dev    # the same measurement on any corpora

Writes benchmarks/out/speed.json and benchmarks/out/speed.md (the table README's "Speed" shows).
Run it on an otherwise idle machine: CPU time is robust to load, but caches and turbo are not.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from prclean.bench.corpus import Selection
from prclean.bench.speed import IMPORT_RUNS, REPEATED_COUNT, SPEED_SYSTEMS, run_speed, speed_markdown
from prclean.bench.systems import available

ROOT = Path(__file__).resolve().parent.parent
WEB_SAMPLE = 200
"""Web pages timed: 200 pages of 1,288 (about 1,000 inputs over five kinds) keep the run near 3 minutes."""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder")
    ap.add_argument("--web-sample", type=int, default=WEB_SAMPLE, help="web pages to time (0: none)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kinds", default=None, help="input kinds (default all: html,w3m,lynx,md,inner)")
    ap.add_argument("--systems", default=",".join(SPEED_SYSTEMS))
    ap.add_argument("--import-runs", type=int, default=IMPORT_RUNS)
    ap.add_argument("--repeat-lines", type=int, default=REPEATED_COUNT)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    a = ap.parse_args(argv)
    corpora = [a.shared / "corpus" / "dev"] + ([a.shared / "corpus" / "web"] if a.web_sample else [])
    roots = [c for c in corpora if c.is_dir()] or [ROOT / "fixtures"]
    systems = [s for s in a.systems.split(",") if s and available(s)]
    kinds = tuple(a.kinds.split(",")) if a.kinds else None
    # dev has fewer pages than the sample, so the sample narrows only the web corpus
    report = run_speed(roots, systems, Selection(kinds=kinds, sample=a.web_sample or None, seed=a.seed),
                       import_runs=a.import_runs, repeat=a.repeat_lines)
    table = speed_markdown(report)
    print(table)
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / "speed.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    (a.out / "speed.md").write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
