"""Batches: many pages through worker processes, one output record per input record, always.

The runner keeps a bounded window of documents in flight, so memory stays flat however long the
input is. Each document is cleaned in a worker process (:mod:`prclean.batch.pool`) that is killed
and replaced when it overruns the document's budget or dies, so one hostile page costs its own
record an error line and nothing else. The output has exactly one line per input record, in
input order unless ``ordered=False``, and every line is valid UTF-8 JSON whatever the input held.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple, TypeVar, overload

import regex

from ..api import clean
from ..errors import InvalidArgument, PrcleanError
from ..model import Release
from ..options import Options, resolve
from .pool import Failure, Pool
from .sources import LOST, SKIPPED, Record

WINDOW_PER_WORKER = 64
"""Records read ahead per worker: enough to keep workers busy while a slow record holds up the
output order, few enough that the results waiting behind it stay a few megabytes."""

_SURROGATE = regex.compile(r"[\ud800-\udfff]")

T = TypeVar("T")


def workers(jobs: int) -> int:
    """Worker processes for ``jobs`` (0: one per core)."""
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise InvalidArgument(f"jobs must be an integer >= 0 (0: one per core), not {jobs!r}")
    return jobs if jobs > 0 else (os.cpu_count() or 1)


class Stats(NamedTuple):
    """The little the summary needs from an output record (sent back instead of re-parsing it)."""

    error: str | None
    removed: tuple[tuple[str, int], ...]
    found: bool


@dataclass
class Summary:
    """What a batch did, for the closing report and the exit status."""

    docs: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    no_release: int = 0
    bytes: int = 0
    started: float = field(default_factory=time.monotonic)

    def add(self, stats: Stats, size: int) -> None:
        self.docs += 1
        self.bytes += size
        if stats.error == SKIPPED:
            self.skipped[SKIPPED] += 1
        elif stats.error:
            self.errors[stats.error] += 1
        else:
            self.removed.update(dict(stats.removed))
            self.no_release += not stats.found

    @property
    def lost(self) -> int:
        """Records standing for input that was missing or damaged (records may be missing with it)."""
        return sum(n for etype, n in self.errors.items() if etype in LOST)

    def report(self) -> str:
        secs = max(1e-9, time.monotonic() - self.started)
        lines = [(f"prclean batch: {self.docs} docs in {secs:.1f} s ({self.docs / secs:.1f} docs/s, "
                  f"{self.bytes / 1e6 / secs:.2f} MB/s); {sum(self.errors.values())} errors; "
                  f"{sum(self.skipped.values())} skipped; {self.no_release} pages without a release")]
        if self.errors:
            lines.append("  errors by type: " + ", ".join(f"{k} {v}" for k, v in self.errors.most_common()))
        if self.removed:
            lines.append("  chrome removed: " + ", ".join(f"{k} {v}" for k, v in self.removed.most_common()))
        return "\n".join(lines)


def stats_of(out: dict[str, Any]) -> Stats:
    if out.get("error"):
        return Stats(str(out["error"]["type"]), (), False)
    labels = Counter(b["label"] for b in out.get("removed", ()))
    return Stats(None, tuple(labels.items()), bool(out.get("paragraphs")))


def finish_line(out: dict[str, Any], opts: Options) -> tuple[str, Stats]:
    """An output record as its JSON line, with the stats taken before ``keep_removed`` drops the
    removed blocks (the key is left out, not written empty)."""
    stats = stats_of(out)
    if not opts.keep_removed:
        out.pop("removed", None)
    return dumps(out), stats


def clean_line(rec: Record, opts: Options) -> tuple[str, Stats]:
    """The output line for one record, made in the worker so the parent process only writes."""
    return finish_line(clean_record(rec, opts), opts)


def error_record(rec: Record, etype: str, message: str) -> dict[str, Any]:
    return {**rec.head(), "error": {"type": etype, "message": message}}


def clean_record(rec: Record, opts: Options) -> dict[str, Any]:
    """One output record for one input record; never raises for a bad page."""
    if rec.error:
        return error_record(rec, *rec.error)
    try:  # clean() enforces opts.timeout itself where it can; the pool enforces it from outside
        page_opts = opts.with_changes(encoding=rec.encoding) if rec.encoding else opts
        release = clean(rec.data if rec.data is not None else b"", url=rec.url, options=page_opts)
    except PrcleanError as exc:
        return error_record(rec, type(exc).__name__, str(exc)[:500])
    except Exception as exc:  # noqa: BLE001 - a bug must cost one record, not the batch
        return error_record(rec, "InternalError", f"{type(exc).__name__}: {exc}"[:500])
    return {**rec.head(), **release.to_dict(), "error": None}


def run_batch(records: Iterable[Record], opts: Options, emit: Callable[[str], None],
              progress: Callable[[Stats], None] | None = None, *, jobs: int = 0, ordered: bool = True) -> Summary:
    """Clean every record with ``jobs`` processes (0: one per core); ``emit`` receives one JSON line
    per record, in input order unless ``ordered`` is False."""
    summary = Summary()

    def finish(rec: Record, etype: str, message: str) -> tuple[str, Stats]:
        return finish_line(error_record(rec, etype, message), opts)

    for _, (line, stats), size in results(iter(records), opts, workers(jobs), ordered, clean_line, finish):
        summary.add(stats, size)
        emit(line)
        if progress:
            progress(stats)
    return summary


def results(records: Iterator[Record], opts: Options, size: int, ordered: bool,
            work: Callable[[Record, Options], T],
            failed: Callable[[Record, str, str], T]) -> Iterator[tuple[int, T, int]]:
    """``(position, work(record, opts), bytes)`` for each record, cleaned in ``size`` workers.

    Records that could not be read, overran their budget or killed their worker come out as
    ``failed(record, type, message)``. Positions count from 0 in input order.
    """
    window = WINDOW_PER_WORKER * size
    ready: dict[int, tuple[T, int]] = {}
    inflight: dict[int, Record] = {}
    next_out = seq = 0
    exhausted = False
    with Pool(size, work, opts) as pool:
        while True:
            while not exhausted and pool.idle() and len(ready) + len(inflight) < window:
                rec = next(records, None)
                if rec is None:
                    exhausted = True
                elif rec.error:  # unreadable: no worker needed
                    ready[seq] = (failed(rec, *rec.error), 0)
                    seq += 1
                else:
                    inflight[seq] = rec
                    pool.submit(seq, rec)
                    seq += 1
            if exhausted and not inflight and not ready:
                return
            waiting = (next_out in ready) if ordered else bool(ready)  # results that can go out now
            for done, result in pool.collect(0.0 if waiting else 0.5):
                rec = inflight.pop(done)
                value = failed(rec, result.type, result.message) if isinstance(result, Failure) else result
                ready[done] = (value, rec.size)
            while ready:  # hand results over, in input order unless unordered
                key = next_out if ordered else next(iter(ready))
                if key not in ready:
                    break
                value, nbytes = ready.pop(key)
                yield key, value, nbytes
                next_out += 1


def dumps(out: dict[str, Any]) -> str:
    """One output line: compact, stable key order, non-ASCII kept (same bytes on every path).

    A lone surrogate (from a file name that is not UTF-8, or a JSON escape in the input) cannot be
    written as UTF-8, so it is written as its JSON escape: the line is always valid UTF-8 JSON, and
    reading it back gives the same string.
    """
    return escape_surrogates(json.dumps(out, ensure_ascii=False, separators=(",", ":")))


def escape_surrogates(text: str) -> str:
    """JSON text with each lone surrogate written as its \\uXXXX escape (valid UTF-8, same string)."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if _SURROGATE.search(text) else text


class Keyed(NamedTuple):
    """One result of :func:`clean_many` with ``ordered=False``: which page it belongs to, and what.

    ``position`` is the page's place in the input (from 0); ``id`` the page's own ``"id"`` when it
    was given as a dict with one, else None; ``result`` the :class:`~prclean.Release`, or the
    :class:`~prclean.PrcleanError` the page raised.
    """

    position: int
    id: str | None
    result: Release | PrcleanError


@overload
def clean_many(pages: Iterable[str | bytes | dict[str, Any]], *, jobs: int = ..., ordered: Literal[True] = ...,
               options: Options | None = ..., **changes: Any) -> Iterator[Release | PrcleanError]: ...


@overload
def clean_many(pages: Iterable[str | bytes | dict[str, Any]], *, jobs: int = ..., ordered: Literal[False],
               options: Options | None = ..., **changes: Any) -> Iterator[Keyed]: ...


def clean_many(pages: Iterable[str | bytes | dict[str, Any]], *, jobs: int = 0, ordered: bool = True,
               options: Options | None = None, **changes: Any) -> Iterator[Release | PrcleanError] | Iterator[Keyed]:
    """Clean many pages in worker processes; one result per page.

    A page is HTML or text (``str`` or ``bytes``), or a dict with ``html``/``text`` and optional
    ``url``/``id``. Each result is a :class:`~prclean.Release`, or the :class:`~prclean.PrcleanError`
    that page raised (so one bad page never stops the stream): a page that overruns ``timeout``
    is stopped from outside, its worker killed, and yields :class:`~prclean.Timeout`.

    With ``ordered=True`` (the default) results come in input order. With ``ordered=False`` they
    come as they finish, each a :class:`Keyed` ``(position, id, result)`` naming its page.
    """
    opts = resolve(options, changes)
    size = workers(jobs)
    if not isinstance(ordered, bool):
        raise InvalidArgument(f"ordered must be True or False, not {ordered!r}")
    ids: dict[int, str | None] = {}

    def records() -> Iterator[Record]:
        for i, page in enumerate(pages):
            rec = Record.from_page(page, i, "clean_many") if isinstance(page, dict) else \
                Record(str(i), "clean_many", data=page)
            if not ordered:
                ids[i] = rec.id if isinstance(page, dict) and "id" in page else None
            yield rec

    def failed(rec: Record, etype: str, message: str) -> dict[str, Any]:
        return error_record(rec, etype, message)

    def outcome(out: dict[str, Any]) -> Release | PrcleanError:
        return error_from(out["error"]) if out.get("error") else Release.from_dict(out)

    stream = results(records(), opts, size, ordered, clean_record, failed)
    if ordered:
        return (outcome(out) for _, out, _ in stream)
    return (Keyed(i, ids.pop(i, None), outcome(out)) for i, out, _ in stream)


def error_from(err: dict[str, Any]) -> PrcleanError:
    """The typed exception an error record stands for."""
    from .. import errors

    cls = errors.InvalidArgument if err["type"] == "MissingField" else getattr(errors, err["type"], None)
    if not (isinstance(cls, type) and issubclass(cls, PrcleanError)):
        cls = errors.WorkerError  # WorkerCrash, InternalError
    return cls(err["message"])
