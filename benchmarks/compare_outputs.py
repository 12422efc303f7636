#!/usr/bin/env python3
"""Does a change move prclean's output?  Compare the JSON output of two commits, input by input.

    python benchmarks/compare_outputs.py BASE [HEAD] [--web 200] [--ignore provenance,found]

BASE and HEAD are commits (HEAD defaults to the working tree).  Each is checked out once into a
temporary git worktree and run in a child process with that tree's ``src`` first on the path, so
both run with the same installed dependencies.  The inputs are the repo's fixtures, the shared
seeds and dev corpus, and the first ``--web`` pages of the shared web corpus (the HTML and its
four text renderings).  A commit's outputs are cached under ``--cache``, so comparing many
candidate changes against one base costs one base run.

Prints how many inputs came out identical and, for the others, which fields moved (first
examples in full).  Exit status 0 when nothing but the ``--ignore``d fields changed, else 1.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEB_FILES = ("input.html.gz", "input.w3m.txt", "input.lynx.txt", "input.md.txt", "input.inner.txt")

_CHILD = r"""
import gzip, json, sys
sys.path.insert(0, sys.argv[1])
import prclean
with open(sys.argv[2], encoding="utf-8") as fh, open(sys.argv[3], "w", encoding="utf-8") as out:
    for path in fh.read().splitlines():
        data = open(path, "rb").read()
        if path.endswith(".gz"):
            data = gzip.decompress(data)
        try:
            rec = prclean.clean(data).to_dict()
        except prclean.PrcleanError as exc:
            rec = {"error": type(exc).__name__}
        out.write(json.dumps({"input": path, "out": rec}, ensure_ascii=False) + "\n")
"""


def inputs(shared: Path, web: int) -> list[str]:
    """Every input file compared, in a fixed order."""
    paths = sorted(p for p in (ROOT / "fixtures").glob("*/input*") if p.is_file())
    for corpus in ("seeds", "dev"):
        paths += sorted(p for p in (shared / "corpus" / corpus).glob("*/input*") if p.is_file())
    pages = sorted(d for d in (shared / "corpus" / "web").iterdir() if d.is_dir())[:web] if web else []
    paths += [d / name for d in pages for name in WEB_FILES if (d / name).exists()]
    return [str(p) for p in paths]


def tree_of(ref: str | None, cache: Path) -> tuple[Path, str | None]:
    """The source tree of a commit (a worktree made once) and its full hash; None means the working tree."""
    if ref is None:
        return ROOT, None
    sha = subprocess.check_output(["git", "-C", str(ROOT), "rev-parse", ref], text=True).strip()
    tree = cache / f"tree-{sha[:12]}"
    if not tree.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), sha], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return tree, sha


def outputs(ref: str | None, paths: list[str], cache: Path) -> dict[str, dict]:
    tree, sha = tree_of(ref, cache)
    listed = hashlib.sha1("\n".join(paths).encode()).hexdigest()[:8]  # another worktree lists other fixture paths
    key = f"{sha[:12]}-{listed}" if sha else None
    out_file = cache / f"out-{key}.jsonl" if key else Path(tempfile.mkstemp(suffix=".jsonl")[1])
    if not (key and out_file.exists()):
        listing = Path(tempfile.mkstemp(suffix=".txt")[1])
        listing.write_text("\n".join(paths), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        subprocess.run([sys.executable, "-c", _CHILD, str(tree / "src"), str(listing), str(out_file)],
                       check=True, env=env)
    rows = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    return {row["input"]: row["out"] for row in rows}


def differences(a: dict, b: dict, ignore: set[str]) -> list[str]:
    keys = (set(a) | set(b)) - ignore
    return sorted(k for k in keys if a.get(k) != b.get(k))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base")
    ap.add_argument("head", nargs="?", help="a commit; default: the working tree")
    ap.add_argument("--web", type=int, default=200, help="web-corpus pages to include (default 200)")
    ap.add_argument("--ignore", default="", help="comma-separated output fields not compared (new fields)")
    ap.add_argument("--shared", default=os.environ.get("PRCLEAN_SHARED", str(ROOT.parent / "shared")))
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "prclean-compare"))
    ap.add_argument("--show", type=int, default=3, help="examples shown in full")
    args = ap.parse_args()
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    paths = inputs(Path(args.shared), args.web)
    base, head = outputs(args.base, paths, cache), outputs(args.head, paths, cache)
    ignore = {f for f in args.ignore.split(",") if f}
    moved: Counter[str] = Counter()
    shown = 0
    changed = 0
    for path in paths:
        diff = differences(base[path], head[path], ignore)
        if not diff:
            continue
        changed += 1
        moved.update(diff)
        if shown < args.show:
            shown += 1
            print(f"--- {path}")
            for field in diff:
                print(f"  {field}:\n    base {json.dumps(base[path].get(field), ensure_ascii=False)[:600]}"
                      f"\n    head {json.dumps(head[path].get(field), ensure_ascii=False)[:600]}")
    print(f"{len(paths) - changed} of {len(paths)} inputs identical"
          + (f" (ignoring {', '.join(sorted(ignore))})" if ignore else ""))
    if moved:
        print("fields that moved: " + ", ".join(f"{k} on {v}" for k, v in moved.most_common()))
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
