"""Memory across many calls in one process: RSS after 1,000 and after 10,000 clean() calls.

Cycles through the fixtures (HTML and text) plus the shared corpus when present, so caches see a
realistic mix; prints RSS at checkpoints.  A leak shows as RSS still climbing after the caches
(vocabulary verdicts: bounded LRU) are warm.

    python benchmarks/memory_bench.py --calls 10000
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

import prclean

ROOT = Path(__file__).resolve().parent.parent


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:")) / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=10_000)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared" / "corpus"))
    args = ap.parse_args()
    paths = sorted(ROOT.glob("fixtures/*/input*")) + sorted(Path(args.shared).glob("*/*/input*"))
    pages = [p.read_bytes() for p in paths]
    marks = {100, 1000, 2000, 5000, args.calls}
    for i in range(1, args.calls + 1):
        try:
            prclean.clean(pages[i % len(pages)])
        except prclean.PrcleanError:
            pass
        if i in marks:
            gc.collect()
            print(f"calls={i:>6}  rss={rss_mb():7.1f} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
