"""``prclean bench``: score prclean and its peers on corpora of hand-cleaned pages."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from . import harness as bench


def add_bench_command(sub: Any) -> None:
    """Register the ``bench`` subcommand on the CLI's subparsers."""
    b = sub.add_parser("bench", help="score prclean and peers on hand-cleaned corpora")
    b.add_argument("corpus", nargs="+", help="corpus folders (case folders with input.* and expected.*)")
    b.add_argument("--systems", default=",".join(bench.DEFAULT_SYSTEMS),
                   help=f"comma-separated, from {','.join(bench.SYSTEMS)}")
    b.add_argument("--json", help="write the full report here")
    b.add_argument("--chart", help="write an F1-vs-speed chart (PNG) here")
    b.add_argument("--cases", action="store_true", help="print a per-case breakdown")
    b.add_argument("--gate", help="floors file: exit 1 if prclean falls below any floor")
    b.set_defaults(func=cmd_bench)


def cmd_bench(args: argparse.Namespace) -> int:
    roots = [Path(p) for p in args.corpus if Path(p).exists()]
    if not roots:
        print("prclean bench: no corpus folder found", file=sys.stderr)
        return 2
    systems = [s for s in args.systems.split(",") if s]
    unknown = [s for s in systems if s not in bench.SYSTEMS]
    if unknown:
        print(f"prclean bench: unknown systems {unknown}; known: {sorted(bench.SYSTEMS)}", file=sys.stderr)
        return 2
    skipped = [s for s in systems if not bench.available(s)]
    if skipped:
        print(f"prclean bench: skipping {skipped} (install prclean[bench])", file=sys.stderr)
    report = bench.run_bench(roots, [s for s in systems if s not in skipped])
    print(bench.markdown(report, cases=args.cases))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.chart:
        from .bench.chart import write_chart

        write_chart(report, Path(args.chart))
    if args.gate:
        problems = bench.check_floors(report, json.loads(Path(args.gate).read_text(encoding="utf-8")))
        for p in problems:
            print(f"GATE FAIL {p}", file=sys.stderr)
        if problems:
            return 1
        print("quality gate: all floors met", file=sys.stderr)
    return 0
