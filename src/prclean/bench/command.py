"""``prclean bench``: score prclean and its peers on corpora of hand-cleaned pages (or, with
``--speed``, time them)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .corpus import Selection
from .gate import gate
from .harness import run_bench
from .report import markdown
from .systems import DEFAULT_SYSTEMS, SYSTEMS, available

_EPILOG = """\
corpus layouts: case folders (input.html, input.html.gz, input.<renderer>.txt, expected.txt,
expected.json; fixtures/, ../shared/corpus/dev, ../shared/corpus/web) or a public benchmark
(html/<id>.html[.gz] plus a ground-truth JSON keyed by id, e.g. ScrapingHub's ground-truth.json).

  prclean bench ../shared/corpus/web --systems prclean,trafilatura --sample 300 --seed 1 --kinds html,md
  prclean bench article-extraction-benchmark --systems prclean,trafilatura --text-key articleBody
  prclean bench --speed ../shared/corpus/dev
"""


def _csv(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def add_bench_command(sub: Any) -> None:
    """Register the ``bench`` subcommand on the CLI's subparsers."""
    b = sub.add_parser("bench", help="score prclean and peers on hand-cleaned corpora (or time them: --speed)",
                       epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("corpus", nargs="+", help="corpus folders (case folders, or html/ plus a ground-truth JSON)")
    b.add_argument("--systems", default=None,
                   help=f"comma-separated, from {','.join(SYSTEMS)} (default {','.join(DEFAULT_SYSTEMS)}; "
                        "with --speed prclean,trafilatura,trafilatura-extract,resiliparse)")
    b.add_argument("--reference", default="trafilatura",
                   help="the system prclean is compared with page by page: wins, losses, catastrophic pages "
                        "(it must be among --systems; default trafilatura)")
    b.add_argument("--sample", type=int, metavar="N", help="a fixed random sample of N pages per corpus")
    b.add_argument("--seed", type=int, default=0, metavar="S", help="the sample's seed (default 0)")
    b.add_argument("--kinds", type=_csv, metavar="K,..",
                   help="input kinds to run: html, w3m, lynx, md, inner, txt; text = every text rendering")
    b.add_argument("--types", type=_csv, metavar="T,..", help="page types to run (expected.json page_type)")
    b.add_argument("--truth", type=Path, help="public layout: the ground-truth JSON (or folder of <id>.json)")
    b.add_argument("--text-key", help="public layout: the ground-truth key holding the main text "
                                      "(default: articleBody, main_content, text, content, body)")
    b.add_argument("--json", help="write the full report here")
    b.add_argument("--chart", help="write an F1-vs-speed chart (PNG) here (needs prclean[bench])")
    b.add_argument("--cases", action="store_true", help="print a per-case breakdown")
    b.add_argument("--gate", help="floors file: exit 1 if prclean falls below any floor")
    b.add_argument("--progress", action="store_true", help="show a progress bar on stderr")
    b.add_argument("--speed", action="store_true",
                   help="time the systems instead (CPU docs/s and MB/s per kind, import time, repeated lines)")
    b.add_argument("--repeat-lines", type=int, default=1_000_000, metavar="N",
                   help="--speed: repeated short lines to time through prclean.clean (0: skip)")
    b.add_argument("--import-runs", type=int, default=7, metavar="N",
                   help="--speed: fresh interpreters timed for `import prclean` (0: skip)")
    b.set_defaults(func=cmd_bench)


def _systems(args: argparse.Namespace) -> list[str] | None:
    from .speed import SPEED_SYSTEMS

    names = list(_csv(args.systems)) if args.systems else list(SPEED_SYSTEMS if args.speed else DEFAULT_SYSTEMS)
    unknown = [s for s in names if s not in SYSTEMS]
    if unknown:
        print(f"prclean bench: unknown systems {unknown}; known: {sorted(SYSTEMS)}", file=sys.stderr)
        return None
    skipped = [s for s in names if not available(s)]
    if skipped:
        print(f"prclean bench: skipping {skipped} (install prclean[bench])", file=sys.stderr)
    return [s for s in names if s not in skipped]


def _write_json(path: str, report: dict[str, Any]) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


def cmd_bench(args: argparse.Namespace) -> int:
    roots = [Path(p) for p in args.corpus if Path(p).exists()]
    if not roots:
        print("prclean bench: no corpus folder found", file=sys.stderr)
        return 2
    systems = _systems(args)
    if systems is None:
        return 2
    sel = Selection(kinds=args.kinds, types=args.types, sample=args.sample, seed=args.seed,
                    truth=args.truth, text_key=args.text_key)
    if args.speed:
        from .speed import run_speed, speed_markdown

        speed = run_speed(roots, systems, sel, import_runs=args.import_runs, repeat=args.repeat_lines)
        print(speed_markdown(speed))
        if args.json:
            _write_json(args.json, speed)
        return 0
    try:
        report = run_bench(roots, systems, sel, reference=args.reference, progress=args.progress)
    except (FileNotFoundError, ValueError, TypeError) as exc:
        print(f"prclean bench: {exc}", file=sys.stderr)
        return 2
    print(markdown(report, cases=args.cases))
    if args.json:
        _write_json(args.json, report)
    if args.chart:
        from .chart import write_chart

        write_chart(report, Path(args.chart))
    if args.gate:
        problems, skipped = gate(report, json.loads(Path(args.gate).read_text(encoding="utf-8")))
        for s in skipped:
            print(f"gate: not applied {s}", file=sys.stderr)
        for p in problems:
            print(f"GATE FAIL {p}", file=sys.stderr)
        if problems:
            return 1
        print("quality gate: all floors met", file=sys.stderr)
    return 0


