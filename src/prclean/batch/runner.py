"""Batches: many pages through worker processes, one output record per input record, always.

The runner keeps a bounded window of documents in flight, so memory stays flat however long the
input is.  Each document is cleaned in a worker process under a time budget; a worker that
crashes or overruns its budget from inside C code is replaced, the documents it held are retried
once, and a document that fails twice gets an error record.  Nothing is dropped: the output has
exactly one line per input record, in input order unless ``ordered=False``.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from ..api import clean
from ..errors import PrcleanError
from ..options import Options, resolve
from .sources import Record

GRACE_S = 5.0  # how long past its budget a worker may run before it is replaced from outside
CHUNK = 8  # records per round trip to a worker


def workers(jobs: int) -> int:
    """Worker processes for ``jobs`` (0: one per core)."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


@dataclass
class Summary:
    """What a batch did, for the closing report."""

    docs: int = 0
    errors: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)
    no_release: int = 0
    bytes: int = 0
    started: float = field(default_factory=time.monotonic)

    def add(self, stats: Stats, size: int) -> None:
        error, labels, found = stats
        self.docs += 1
        self.bytes += size
        if error:
            self.errors[error] += 1
        else:
            self.removed.update(dict(labels))
            self.no_release += not found

    def report(self) -> str:
        secs = max(1e-9, time.monotonic() - self.started)
        lines = [(f"prclean batch: {self.docs} docs in {secs:.1f} s ({self.docs / secs:.1f} docs/s, "
                  f"{self.bytes / 1e6 / secs:.2f} MB/s); {sum(self.errors.values())} errors; "
                  f"{self.no_release} pages without a release")]
        if self.errors:
            lines.append("  errors by type: " + ", ".join(f"{k} {v}" for k, v in self.errors.most_common()))
        if self.removed:
            lines.append("  chrome removed: " + ", ".join(f"{k} {v}" for k, v in self.removed.most_common()))
        return "\n".join(lines)


Stats = tuple  # (error type or None, ((label, count), ...), release found)


def stats_of(out: dict) -> Stats:
    """The little the summary needs from an output record (sent back instead of re-parsing it)."""
    if out.get("error"):
        return (out["error"]["type"], (), False)
    return (None, tuple(Counter(b["label"] for b in out.get("removed", ())).items()), bool(out.get("paragraphs")))


def finish_line(out: dict, opts: Options) -> tuple[str, Stats]:
    """An output record as its JSON line, with the stats taken before ``keep_removed`` empties it."""
    stats = stats_of(out)
    if not opts.keep_removed and not out.get("error"):
        out["removed"] = []
    return dumps(out), stats


def clean_line(rec: Record, opts: Options) -> tuple[str, Stats]:
    """The output line for one record, made in the worker so the parent process only writes."""
    return finish_line(clean_record(rec, opts), opts)


def error_record(rec: Record, etype: str, message: str) -> dict:
    return {"id": rec.id, "url": rec.url, "source": rec.source, "error": {"type": etype, "message": message}}


def clean_record(rec: Record, opts: Options) -> dict:
    """One output record for one input record; never raises for a bad page."""
    if rec.error:
        return error_record(rec, *rec.error)
    try:  # clean() enforces opts.timeout itself (an alarm in the worker's main thread)
        page_opts = opts.with_changes(encoding=rec.encoding) if rec.encoding else opts
        release = clean(rec.data if rec.data is not None else b"", url=rec.url, options=page_opts)
    except PrcleanError as exc:
        return error_record(rec, type(exc).__name__, str(exc)[:500])
    except Exception as exc:  # noqa: BLE001 - a bug must cost one record, not the batch
        return error_record(rec, "InternalError", f"{type(exc).__name__}: {exc}"[:500])
    return {"id": rec.id, "url": rec.url, "source": rec.source, **release.to_dict(), "error": None}


@dataclass
class _Task:
    """A few records sent to a worker together (fewer round trips); suspects travel alone."""

    seqs: list[int]
    recs: list[Record]
    future: Future | None = None
    started: float = 0.0
    tries: int = 0

    def split(self) -> list[_Task]:
        return [_Task([s], [r], tries=self.tries) for s, r in zip(self.seqs, self.recs)]


def _work_chunk(work: Callable, recs: list[Record], opts: Options) -> list:
    return [work(rec, opts) for rec in recs]


def run_batch(records: Iterable[Record], opts: Options, emit: Callable[[str], None],
              progress: Callable[[Stats], None] | None = None, *, jobs: int = 0, ordered: bool = True) -> Summary:
    """Clean every record with ``jobs`` processes (0: one per core); ``emit`` receives one JSON line
    per record, in input order unless ``ordered`` is False."""
    summary = Summary()
    pool = _Pool(workers(jobs), ordered)
    for (line, stats), size in _results(iter(records), opts, pool, clean_line, lambda out: finish_line(out, opts)):
        summary.add(stats, size)
        emit(line)
        if progress:
            progress(stats)
    return summary


@dataclass(frozen=True)
class _Pool:
    """How many worker processes, and whether results keep input order."""

    workers: int
    ordered: bool


def _results(records: Iterator[Record], opts: Options, pool: _Pool, work: Callable,
             finish: Callable[[dict], object]) -> Iterator[tuple[object, int]]:
    """``work(record, opts)`` in the pool for each record; records that fail outside ``work``
    (unreadable, crashed, overran) become error dicts passed through ``finish``."""
    window = max(2, pool.workers * 4) * CHUNK
    limit = opts.budget + GRACE_S if opts.budget else None
    run = _Run(ProcessPoolExecutor(max_workers=pool.workers), pool.workers, opts, limit, work, finish)
    next_out = 0
    seq = 0
    exhausted = False
    try:
        while True:
            chunk = _Task([], [])
            while not exhausted and not run.suspects and run.load() + len(run.ready) + len(chunk.recs) < window:
                rec = next(records, None)
                if rec is None:
                    exhausted = True
                    break
                if rec.error:  # unreadable: no worker needed
                    run.ready[seq] = (finish(error_record(rec, *rec.error)), 0)
                else:
                    chunk.seqs.append(seq)
                    chunk.recs.append(rec)
                    if len(chunk.recs) >= CHUNK:
                        run.submit(chunk)
                        chunk = _Task([], [])
                seq += 1
            if chunk.recs:
                run.submit(chunk)
            if run.suspects and not run.inflight:
                run.submit(run.suspects.pop(0))  # after a crash, retry the records it touched one by one
            if not run.inflight and not run.ready and not run.suspects and exhausted:
                return
            if run.inflight:
                wait([t.future for t in run.inflight], timeout=0.5, return_when=FIRST_COMPLETED)
            run.collect()
            while True:  # hand results over, in input order unless unordered
                key = next_out if pool.ordered else next(iter(run.ready), None)
                if key is None or key not in run.ready:
                    break
                yield run.ready.pop(key)
                next_out += 1
    finally:
        run.pool.shutdown(wait=False, cancel_futures=True)


@dataclass
class _Run:
    """The pool and the documents in it.

    When a worker dies, every document it might have been holding becomes a suspect; suspects
    are retried alone, so the one that kills a worker again is known for certain and gets the
    error record, and the others come through normally.
    """

    pool: ProcessPoolExecutor
    workers: int
    opts: Options
    limit: float | None
    work: Callable
    finish: Callable[[dict], object]
    inflight: list[_Task] = field(default_factory=list)
    ready: dict[int, tuple[object, int]] = field(default_factory=dict)
    suspects: list[_Task] = field(default_factory=list)

    def load(self) -> int:
        return sum(len(t.recs) for t in self.inflight)

    def submit(self, task: _Task) -> None:
        task.future = self.pool.submit(_work_chunk, self.work, task.recs, self.opts)
        task.started = time.monotonic()
        task.tries += 1
        self.inflight.append(task)

    def fail(self, task: _Task, etype: str, message: str) -> None:
        for seq, rec in zip(task.seqs, task.recs):
            self.ready[seq] = (self.finish(error_record(rec, etype, message)), rec.size)

    def collect(self) -> None:
        """Move finished documents to ``ready``; replace the pool if a worker died or hangs."""
        crashed = overran = False
        now = time.monotonic()
        still: list[_Task] = []
        for task in self.inflight:
            fut = task.future
            if fut is not None and fut.done():
                try:
                    for seq, rec, res in zip(task.seqs, task.recs, fut.result()):
                        self.ready[seq] = (res, rec.size)
                except BrokenProcessPool:
                    crashed = True
                    still.append(task)
                except Exception as exc:  # noqa: BLE001 - e.g. a result that could not be sent back
                    self.fail(task, "InternalError", repr(exc)[:500])
            elif self.limit is not None and now - task.started > self.limit * len(task.recs):
                overran = True
                if len(task.recs) == 1:
                    self.fail(task, "Timeout", f"worker overran {self.limit:g} s and was replaced")
                else:  # which of them hung is unknown: each goes again alone
                    self.suspects.extend(task.split())
            else:
                still.append(task)
        self.inflight = still
        if not (crashed or overran):
            return
        _kill(self.pool)
        self.pool = ProcessPoolExecutor(max_workers=self.workers)
        left = sorted(self.inflight, key=lambda t: t.seqs[0])
        self.inflight = []
        if crashed and len(left) == 1 and len(left[0].recs) == 1 and left[0].tries > 1:
            self.fail(left[0], "WorkerCrash", "a worker process died on this record")  # alone, and again
        elif crashed:
            self.suspects = [single for task in left for single in task.split()] + self.suspects
        else:  # an overrun is charged to the overrunning records only
            for task in left:
                task.tries -= 1
                self.submit(task)


def _kill(pool: ProcessPoolExecutor) -> None:
    for proc in list(getattr(pool, "_processes", {}).values()):
        if proc.is_alive():
            proc.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def dumps(out: dict) -> str:
    """One output line: compact, stable key order, non-ASCII kept (same bytes on every path)."""
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def done_ids(path: str) -> set[str]:
    """Ids already written to an output file, for ``--resume``; a torn last line is ignored."""
    ids: set[str] = set()
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    ids.add(str(json.loads(line)["id"]))
                except (ValueError, KeyError, TypeError):
                    continue
    except FileNotFoundError:
        pass
    return ids


def clean_many(pages: Iterable[str | bytes | dict], *, jobs: int = 0, ordered: bool = True,
               options: Options | None = None, **changes: Any) -> Iterator:
    """Clean many pages in worker processes; yield one result per page, in order.

    A page is HTML or text (``str`` or ``bytes``), or a dict with ``html``/``text`` and optional
    ``url``/``id``.  Each result is a :class:`~prclean.Release`, or the
    :class:`~prclean.PrcleanError` that page raised (so one bad page never stops the stream).
    """
    from ..model import Release

    def records() -> Iterator[Record]:
        for i, page in enumerate(pages):
            if isinstance(page, dict):
                yield Record.from_page(page, i, "clean_many")
            else:
                yield Record(str(i), "clean_many", data=page)

    opts = resolve(options, changes)
    for out, _ in _results(records(), opts, _Pool(workers(jobs), ordered), clean_record, lambda err: err):
        yield error_from(out["error"]) if out.get("error") else Release.from_dict(out)


def error_from(err: dict) -> PrcleanError:
    """The typed exception an error record stands for."""
    from .. import errors

    cls = getattr(errors, err["type"], None)
    if not (isinstance(cls, type) and issubclass(cls, PrcleanError)):
        cls = errors.WorkerError
    return cls(err["message"])
