"""Fault injection: a batch under the faults the reliability trial found (issue 11), measured.

Builds, at run time, 5,000 records from the shared corpus (web, dev and seed pages, as HTML and
as text dumps; nothing is copied into the repository) with hostile records mixed in, then runs
``prclean batch`` four ways and reports what came out:

1. hostile mix, unordered, to a pipe: lines in and out, errors by type, the longest wait between
   two output lines and the slowest wall time against the budget;
2. kill -9 of the batch halfway through the 5,000 records, then ``--resume``: processes left
   behind one second after the kill, and whether the resumed output holds every record once;
3. a WARC.gz with a damaged gzip member in the middle: records read after the damage, exit status;
4. a folder with symbolic links out of it (to a canary file and to /proc/self/environ), a FIFO,
   a gzip bomb: files opened outside the folder (inotify on the canary's folder) and secrets found
   in the output.

    python benchmarks/fault_inject.py [--records 5000] [--timeout 5] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import ctypes
import gzip
import io
import json
import os
import random
import select
import signal
import struct
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECRET = "FAULT-INJECT-SECRET-7d1e"  # put in the batch's environment and in the canary file


def corpus_pages(shared: Path) -> list[tuple[str, str, str]]:
    """``(id, field, text)`` for every input of the shared corpus: HTML pages and text dumps."""
    pages = []
    for case in sorted((shared / "corpus").glob("*/*")):
        for path in sorted(case.glob("input*")):
            raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            field = "html" if ".html" in path.name else "text"
            pages.append((f"{case.parent.name}/{case.name}/{path.name}", field, raw.decode("utf-8", "replace")))
    return pages


def hostile_lines() -> list[bytes]:
    """Records that broke the batch, or its budget, in the trial."""
    attrs = " ".join(f"a{i}=1" for i in range(100_000))
    return [
        b'{"id":"deep-json","html":' + b"[" * 1000 + b"]" * 1000 + b"}",
        b'{"id":"sur\\ud800rogate","text":"Headline\\n\\nA lone \\udc00 surrogate in the text of a page."}',
        json.dumps({"id": "attribute-bomb", "html": f"<html><body><div {attrs}>x</div></body></html>"}).encode(),
        json.dumps({"id": "element-bomb", "html": "<html><body>" + "<p>a</p>" * 1_000_000}).encode(),
        json.dumps({"id": "million-lines", "text": "\n".join(f"line {i}" for i in range(1_000_000))}).encode(),
        json.dumps({"id": "charset-hex", "html": "<meta charset=hex><p>Grüße aus Köln, sagte sie.</p>"}).encode(),
        json.dumps({"id": "binary", "html": "\x00\x01\x02\x03" * 500}).encode(),
        b"{this is not json",
        json.dumps({"id": "no-page", "title": "x"}).encode(),
        b'{"id":"too-long","html":"' + b"x" * 70_000_000 + b'"}',
        b'{"id":"bad-utf8","html":"caf\xe9 \xff\xfe"}',
        json.dumps({"id": "dup", "text": "Headline\n\nThe same id twice, first."}).encode(),
        json.dumps({"id": "dup", "text": "Headline\n\nThe same id twice, second."}).encode(),
    ]


def build_jsonl(path: Path, pages: list[tuple[str, str, str]], n: int, hostile: bool, seed: int = 7) -> list[str]:
    """Write ``n`` real records with the hostile ones spread through; return the ids in order."""
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        rid, field, text = pages[rng.randrange(len(pages))]
        lines.append(json.dumps({"id": f"{i}:{rid}", field: text, "url": None}).encode())
    for bad in hostile_lines() if hostile else []:
        lines.insert(rng.randrange(len(lines) + 1), bad)
    ids = []
    with open(path, "wb") as fh:
        for lineno, line in enumerate(lines, 1):
            fh.write(line + b"\n")
            ids.append(_expected_id(line, f"{path}:{lineno}"))
    return ids


def _expected_id(line: bytes, positional: str) -> str:
    for marker in (b'{"id":"', b'{"id": "'):
        if line.startswith(marker):
            return json.loads(b'"' + line[len(marker):].split(b'"', 1)[0] + b'"')
    return positional


def descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/task/{p}/children") as fh:
                kids = [int(c) for c in fh.read().split()]
        except OSError:
            continue
        out.extend(kids)
        todo.extend(kids)
    return out


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def batch(args: list[str], **kw) -> subprocess.Popen:
    env = {**os.environ, "FAULT_SECRET": SECRET}
    return subprocess.Popen([sys.executable, "-m", "prclean", "batch", *args], env=env, **kw)


def phase_hostile(tmp: Path, pages, n: int, timeout: float) -> dict:
    src = tmp / "hostile.jsonl"
    ids = build_jsonl(src, pages, n, hostile=True, seed=1)
    start = time.monotonic()
    proc = batch([str(src), "--unordered", "--jobs", "2", "--timeout", str(timeout), "--quiet"],
                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    stamps, lines = [], []
    for line in proc.stdout:
        stamps.append(time.monotonic())
        lines.append(json.loads(line.decode("utf-8")))
    status = proc.wait()
    gaps = [b - a for a, b in zip([start, *stamps], stamps)]
    errors = Counter(o["error"]["type"] for o in lines if o.get("error"))
    return {"lines_in": len(ids), "lines_out": len(lines), "ids_match": Counter(ids) == Counter(o["id"] for o in lines),
            "errors_by_type": dict(errors), "exit_status": status, "wall_s": round(time.monotonic() - start, 1),
            "longest_wait_between_lines_s": round(max(gaps), 2), "budget_s": timeout,
            "within_budget_plus_2s": max(gaps) <= timeout + 2}


def phase_kill_resume(tmp: Path, pages, n: int, timeout: float) -> dict:
    src = tmp / "real.jsonl"
    ids = build_jsonl(src, pages, n, hostile=True, seed=2)
    out = tmp / "out.jsonl"
    args = [str(src), "-o", str(out), "--jobs", "2", "--timeout", str(timeout), "--quiet"]
    start = time.monotonic()
    proc = batch(args, stderr=subprocess.DEVNULL)
    while proc.poll() is None and (not out.exists() or out.read_bytes().count(b"\n") < len(ids) // 2):
        time.sleep(0.2)
    workers = descendants(proc.pid)
    written = out.read_bytes().count(b"\n")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(1.0)
    survivors = [p for p in workers if alive(p)]
    resumed = batch([*args, "--resume"], stderr=subprocess.DEVNULL)
    status = resumed.wait()
    lines = [json.loads(line) for line in out.read_bytes().decode("utf-8").splitlines()]
    return {"lines_in": len(ids), "lines_at_kill": written, "workers_at_kill": len(workers),
            "workers_alive_1s_after_kill": len(survivors), "lines_out_after_resume": len(lines),
            "every_record_once_in_order": [o["id"] for o in lines] == ids, "resume_exit_status": status,
            "errors_by_type": dict(Counter(o["error"]["type"] for o in lines if o.get("error"))),
            "wall_s": round(time.monotonic() - start, 1)}


def phase_warc(tmp: Path, pages, timeout: float) -> dict:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = [p for p in pages if p[1] == "html"][:398]
    buf, offsets = io.BytesIO(), []
    writer = WARCWriter(buf, gzip=True)
    for i, (rid, _, text) in enumerate(html):
        offsets.append(buf.tell())
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.com/{i}", "response",
                                                      payload=io.BytesIO(text.encode()), http_headers=headers))
    raw = bytearray(buf.getvalue())
    k = len(offsets) // 2
    raw[offsets[k] + 30: offsets[k] + 90] = os.urandom(60)  # a damaged gzip member in the middle
    path = tmp / "crawl.warc.gz"
    path.write_bytes(bytes(raw))
    out = tmp / "warc.jsonl"
    start = time.monotonic()
    status = batch([str(path), "-o", str(out), "--jobs", "2", "--timeout", str(timeout), "--quiet"],
                   stderr=subprocess.DEVNULL).wait()
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    urls = {o["url"] for o in lines if o.get("url")}
    return {"records_in": len(html), "lines_out": len(lines),
            "pages_read": sum(1 for o in lines if not o.get("error") or o["error"]["type"] != "Damaged"),
            "records_after_damage_read": sum(1 for i in range(k + 1, len(html)) if f"https://example.com/{i}" in urls),
            "damaged": [o["error"]["message"][:80] for o in lines if o.get("error") and o["error"]["type"] == "Damaged"],
            "exit_status": status, "wall_s": round(time.monotonic() - start, 1)}


def phase_folder(tmp: Path, pages, timeout: float) -> dict:
    outside = tmp / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{SECRET} " * 50)
    folder = tmp / "pages"
    folder.mkdir()
    for i, (rid, field, text) in enumerate(pages[:200]):
        name = f"{i:04d}.{'html' if field == 'html' else 'txt'}"
        (folder / name).write_bytes(gzip.compress(text.encode()) if i % 3 == 0 else text.encode())
    os.symlink(outside / "secret.txt", folder / "link-to-secret.html")
    os.symlink("/proc/self/environ", folder / "environ.txt")
    os.symlink("/dev/zero", folder / "zero.html")
    os.symlink(outside, folder / "link-to-outside")
    os.mkfifo(folder / "fifo.html")
    (folder / "bomb.html.gz").write_bytes(gzip.compress(b"<p>" + b"a" * 200_000_000))
    watch = Inotify(outside)
    out = tmp / "folder.jsonl"
    start = time.monotonic()
    status = batch([str(folder), "-o", str(out), "--jobs", "2", "--timeout", str(timeout), "--quiet"],
                   stderr=subprocess.DEVNULL).wait()
    opened = watch.opened()
    raw = out.read_bytes()
    lines = [json.loads(line) for line in raw.decode("utf-8").splitlines()]
    return {"entries": len(os.listdir(folder)), "lines_out": len(lines), "exit_status": status,
            "errors_by_type": dict(Counter(o["error"]["type"] for o in lines if o.get("error"))),
            "files_opened_outside_folder": opened, "secret_in_output": SECRET.encode() in raw,
            "wall_s": round(time.monotonic() - start, 1)}


class Inotify:
    """Files opened in one folder, seen by the kernel (Linux inotify through ctypes)."""

    IN_OPEN = 0x20

    def __init__(self, folder: Path) -> None:
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.fd = self.libc.inotify_init1(os.O_NONBLOCK)
        self.libc.inotify_add_watch(self.fd, os.fsencode(folder), self.IN_OPEN)

    def opened(self) -> list[str]:
        names = []
        while select.select([self.fd], [], [], 0.2)[0]:
            data = os.read(self.fd, 65536)
            pos = 0
            while pos < len(data):
                _, _, _, size = struct.unpack_from("iIII", data, pos)
                name = data[pos + 16: pos + 16 + size].rstrip(b"\0").decode()
                names.append(name or "(the folder itself)")
                pos += 16 + size
        os.close(self.fd)
        return names


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=5000, help="real records in the kill/resume run")
    ap.add_argument("--hostile-mix", type=int, default=500, help="real records mixed with the hostile ones")
    ap.add_argument("--timeout", type=float, default=5.0, help="budget per record in seconds")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    pages = corpus_pages(args.shared)
    print(json.dumps({"corpus_inputs": len(pages)}), flush=True)
    report = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for name, run in (("hostile", lambda: phase_hostile(tmp, pages, args.hostile_mix, args.timeout)),
                          ("kill_resume", lambda: phase_kill_resume(tmp, pages, args.records, args.timeout)),
                          ("warc", lambda: phase_warc(tmp, pages, args.timeout)),
                          ("folder", lambda: phase_folder(tmp, pages, args.timeout))):
            report[name] = run()
            print(json.dumps({name: report[name]}, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
