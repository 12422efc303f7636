"""Batch throughput, memory and no-loss check (issue 4's measurements).

Builds N pages from the repo's fixtures (HTML and text dumps, mixed), writes them as JSONL and as
a gzipped WARC, optionally with 1% corrupt records (binary junk, invalid UTF-8, invalid JSON,
empty records, and a truncated gzip member at the end of the WARC), then runs ``prclean batch``
with ``--jobs 1`` and ``--jobs 2`` and reports docs/s, the speed-up, the peak RSS of the whole
process tree, and whether the output has exactly one line per input record.

    python benchmarks/batch_bench.py --pages 2000 20000 --corrupt
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fixture_pages() -> list[tuple[str, bytes]]:
    return [(f"{p.parent.name}/{p.name}", p.read_bytes()) for p in sorted(ROOT.glob("fixtures/*/input*"))]


def corrupt_payloads(rng: random.Random) -> list[tuple[str, bytes]]:
    return [("junk", bytes(rng.getrandbits(8) for _ in range(3000))), ("png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 500),
            ("empty", b""), ("bad-utf8", b"<html><body><p>caf\xe9 \xff\xfe broken</p></body></html>")]


def build(n: int, folder: Path, corrupt: bool) -> tuple[Path, Path, int]:
    """Write ``n`` records as JSONL and WARC; return both paths and the record count."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(n)
    pages = fixture_pages()
    bad = corrupt_payloads(rng)
    jsonl, warc = folder / f"pages{n}.jsonl", folder / f"crawl{n}.warc.gz"
    with open(jsonl, "wb") as jf, open(warc, "wb") as wf:
        writer = WARCWriter(wf, gzip=True)
        for i in range(n):
            name, data = pages[i % len(pages)]
            if corrupt and i % 100 == 99:
                name, data = bad[(i // 100) % len(bad)]
                if name == "bad-utf8":
                    jf.write(b'{"id": "%d", "html": "' % i + data + b'"}\n')  # not UTF-8: an unreadable line
                elif name == "junk":
                    jf.write(data.replace(b"\n", b" ") + b"\n")  # not JSON at all
                else:
                    jf.write(json.dumps({"id": str(i), "html": data.decode("latin-1")}).encode() + b"\n")
            else:
                field = "html" if name.endswith(".html") else "text"
                jf.write(json.dumps({"id": str(i), field: data.decode("utf-8", "replace"),
                                     "url": f"https://example.com/{i}"}).encode() + b"\n")
            ctype = "text/html" if name.endswith(".html") or name in ("bad-utf8",) else "text/plain"
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(f"https://example.com/{i}", "response", payload=io.BytesIO(data),
                                            http_headers=headers)
            writer.write_record(rec)
    if corrupt:  # cut the last gzip member short
        raw = warc.read_bytes()
        warc.write_bytes(raw[:-60])
    return jsonl, warc, n


def peak_rss_run(cmd: list[str]) -> tuple[float, float, str]:
    """Run ``cmd``; return (seconds, peak RSS of the process tree in MB, stderr)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.2)
    err = proc.stderr.read() if proc.stderr else ""
    return time.perf_counter() - t0, peak / 1024, err


def _tree_rss(pid: int) -> int:
    total = 0
    pids = [pid]
    while pids:
        p = pids.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0)
            with open(f"/proc/{p}/task/{p}/children") as fh:
                pids.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--corrupt", action="store_true", help="make 1%% of the records corrupt")
    ap.add_argument("--formats", nargs="+", default=["jsonl", "warc"])
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.pages:
            jsonl, warc, count = build(n, Path(tmp), args.corrupt)
            for fmt, path in (("jsonl", jsonl), ("warc", warc)):
                if fmt not in args.formats:
                    continue
                for jobs in args.jobs:
                    out = Path(tmp) / f"out-{fmt}-{n}-{jobs}.jsonl"
                    cmd = [sys.executable, "-m", "prclean", "batch", str(path), "-o", str(out),
                           "--jobs", str(jobs), "--no-removed"]
                    secs, rss, err = peak_rss_run(cmd)
                    with open(out, encoding="utf-8") as fh:
                        outs = [json.loads(line) for line in fh]
                    lines, errors = len(outs), sum(1 for o in outs if o.get("error"))
                    rows.append({"format": fmt, "pages": n, "jobs": jobs, "seconds": round(secs, 1),
                                 "docs_per_s": round(count / secs, 1), "peak_rss_mb": round(rss, 1),
                                 "input_records": count, "output_lines": lines, "error_records": errors})
                    print(json.dumps(rows[-1]), flush=True)
                    if err.strip():
                        print("   " + err.strip().splitlines()[0], flush=True)
    by = {(r["format"], r["pages"], r["jobs"]): r for r in rows}
    for (fmt, n, jobs), r in by.items():
        if jobs == 2 and (fmt, n, 1) in by:
            print(f"{fmt} {n}: --jobs 2 speed-up {r['docs_per_s'] / by[(fmt, n, 1)]['docs_per_s']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
