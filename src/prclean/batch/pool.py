"""Worker processes that hold each record to its time budget from outside.

Work inside one C call (lxml parsing a hostile page) cannot be interrupted from inside the
process, so a batch gives each worker one record at a time, notes when it started, and kills the
worker that is still busy :data:`KILL_GRACE_S` past the record's budget. The record gets a
``Timeout`` error at once, a fresh worker takes the dead one's place, and the other workers'
records never wait for it. A worker that dies on a record (a crash in C code, the kernel's OOM
killer) is replaced too, and the record is tried once more alone before it gets a
``WorkerCrash`` error.

Workers never outlive the process that started them: on Linux they ask the kernel for SIGKILL
when their parent dies (``PR_SET_PDEATHSIG``); everywhere, a thread in each worker checks that
its parent is still there, and an idle worker reading its pipe sees it close.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from ..options import Options
from .sources import Record

KILL_GRACE_S = 0.5
"""Seconds past its budget a record's worker may run before it is killed: the worker's own alarm
usually raises Timeout first, and this is the margin for it to report back."""
ORPHAN_POLL_S = 0.2
"""How often a worker checks that its parent is alive, where the kernel cannot tell it."""
RETRIES = 1
"""Further tries, alone, for a record whose worker died under it (a crash may not be the page's fault)."""
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

R = TypeVar("R")


@dataclass(frozen=True)
class Failure:
    """A record the pool could not get a result for: ``Timeout`` or ``WorkerCrash``, and a message."""

    type: str
    message: str


@dataclass
class _Job:
    seq: int
    record: Record
    tries: int = 1
    started: float = 0.0


class _Worker:
    """One worker process and the job it holds, if any."""

    def __init__(self, context: Any, work: Callable[[Record, Options], Any], opts: Options) -> None:
        self.conn, child = multiprocessing.Pipe(duplex=True)
        self.proc = context.Process(target=_serve, args=(child, work, opts, os.getpid()), daemon=True)
        _start(self.proc)
        child.close()
        self.job: _Job | None = None

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(1.0)
        self.conn.close()


class Pool(Generic[R]):
    """``work(record, opts)`` in ``size`` worker processes, one record per worker at a time.

    :meth:`submit` hands a record to an idle worker; :meth:`collect` waits a little and returns
    the ``(seq, result)`` pairs that finished, a :class:`Failure` standing in for the result of a
    record that overran its budget or killed its worker. :meth:`close` kills every worker.
    """

    def __init__(self, size: int, work: Callable[[Record, Options], R], opts: Options) -> None:
        self.work, self.opts = work, opts
        self.budget = opts.budget
        self.context = multiprocessing.get_context()
        self.workers: list[_Worker] = []
        self.size = size
        self.retry: deque[_Job] = deque()

    def __enter__(self) -> Pool[R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def busy(self) -> int:
        return sum(w.job is not None for w in self.workers)

    def idle(self) -> bool:
        """Is there room for another record (a worker free, and no record waiting to be retried)?"""
        return not self.retry and self.busy < self.size

    def submit(self, seq: int, record: Record) -> None:
        self._give(_Job(seq, record))

    def _give(self, job: _Job) -> None:
        worker = next((w for w in self.workers if w.job is None), None)
        if worker is None:
            worker = _Worker(self.context, self.work, self.opts)
            self.workers.append(worker)
        try:
            worker.conn.send((job.seq, job.record))
        except (BrokenPipeError, ConnectionError, EOFError, OSError):  # died while idle: not this record's doing
            self._replace(worker)
            self.retry.append(job)
            return
        job.started = time.monotonic()
        worker.job = job

    def collect(self, timeout: float = 0.5) -> list[tuple[int, R | Failure]]:
        """Results that are in, waiting at most ``timeout`` seconds (less when a budget ends sooner)."""
        while self.retry and self.busy < self.size:
            self._give(self.retry.popleft())
        busy = [w for w in self.workers if w.job is not None]
        if not busy:
            return []
        if self.budget is not None:
            ends = min(w.job.started for w in busy if w.job) + self.budget + KILL_GRACE_S
            timeout = max(0.0, min(timeout, ends - time.monotonic()))
        wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout)
        out: list[tuple[int, R | Failure]] = []
        now = time.monotonic()
        for worker in busy:
            job = worker.job
            assert job is not None
            result = self._result(worker)
            if result is not None:
                worker.job = None
                out.append((job.seq, result[0]))
            elif not worker.proc.is_alive():
                self._replace(worker)
                if job.tries <= RETRIES:
                    self.retry.append(_Job(job.seq, job.record, job.tries + 1))
                else:
                    out.append((job.seq, Failure("WorkerCrash", "a worker process died on this record")))
            elif self.budget is not None and now - job.started > self.budget + KILL_GRACE_S:
                self._replace(worker)
                out.append((job.seq, Failure("Timeout", f"time budget of {self.budget:g} s exceeded; "
                                                        "the worker was killed and replaced")))
        return out

    @staticmethod
    def _result(worker: _Worker) -> tuple[Any] | None:
        try:
            if worker.conn.poll():
                _, value = worker.conn.recv()
                return (value,)
        except (EOFError, OSError):
            pass
        return None

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self.workers.remove(worker)

    def close(self) -> None:
        for worker in self.workers:
            worker.kill()
        self.workers.clear()


def _start(proc: multiprocessing.process.BaseProcess) -> None:
    """Start a worker, also from a daemonic process (a Dask worker): the rule that daemonic
    processes have no children guards against orphans, which our workers rule out themselves."""
    me = multiprocessing.current_process()
    if not me.daemon:
        proc.start()
        return
    with _DAEMON_FLAG:
        me.daemon = False
        try:
            proc.start()
        finally:
            me.daemon = True


_DAEMON_FLAG = threading.Lock()


def _serve(conn: Connection, work: Callable[[Record, Options], Any], opts: Options, parent: int) -> None:
    """A worker's life: records in, results out, until the pipe closes or the parent is gone."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # ^C is the parent's to handle: it kills us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            seq, record = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        conn.send((seq, work(record, opts)))


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it died before the request above took effect
        os._exit(0)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(ORPHAN_POLL_S)
        if os.getppid() != parent:
            os._exit(0)
