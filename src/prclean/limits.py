"""The time budget of one page: one mechanism, a :class:`Deadline`.

A deadline is checked by the pipeline between its stages and inside its long loops, which stops
any page whose work is spread over many steps. Where prclean may own the process's SIGALRM (the
main thread, no handler installed by anyone else, no interval timer running) the deadline also
arms a real alarm, which interrupts a single long Python step. It never replaces a handler it did
not install (including one C code installed, which Python's own table does not show: the kernel
is asked) and never delays a host's timer: in those cases, and in other threads, only the checks
apply. Work inside one C call (lxml parsing a huge page) cannot be interrupted from inside
the process at all; the batch runner therefore enforces budgets from outside, by replacing a
worker that overruns.
"""

from __future__ import annotations

import ctypes
import functools
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from .errors import Timeout

REARM_S = 0.05
"""Seconds after a Timeout the alarm fires again if nothing let it out: soon enough to keep the
budget, rare enough that a swallowing loop still makes progress between alarms."""


class Deadline:
    """A point in time after which :meth:`check` raises :class:`Timeout` (never, for no budget)."""

    __slots__ = ("budget", "ends")

    def __init__(self, budget: float | None) -> None:
        self.budget = budget
        self.ends = None if budget is None else time.monotonic() + budget

    def check(self, stage: str) -> None:
        """Raise :class:`Timeout` if the budget is spent; ``stage`` names where, for the message."""
        if self.ends is not None and time.monotonic() > self.ends:
            raise Timeout(f"time budget of {self.budget:g} s exceeded during {stage}")

    @contextmanager
    def alarm(self) -> Iterator[None]:
        """Arm a real alarm for the rest of the budget while the block runs, where that is safe.

        Code the block calls may swallow the Timeout (an ``except Exception`` in a library, a gc
        callback whose exceptions Python ignores), so the alarm re-arms itself every
        :data:`REARM_S` until the Timeout gets out of the block.
        """
        if self.ends is None or not _may_own_alarm():
            yield
            return
        closing = False

        def _expire(signum: int, frame: FrameType | None) -> None:
            if closing:
                return  # the block is over: its result (or its own Timeout) stands
            signal.setitimer(signal.ITIMER_REAL, REARM_S)
            raise Timeout(f"time budget of {self.budget:g} s exceeded")

        signal.signal(signal.SIGALRM, _expire)
        try:
            signal.setitimer(signal.ITIMER_REAL, max(0.001, self.ends - time.monotonic()))
            yield
        finally:
            while True:  # an alarm landing in here is caught and the disarming done again
                try:
                    closing = True
                    signal.setitimer(signal.ITIMER_REAL, 0)
                    signal.signal(signal.SIGALRM, signal.SIG_DFL)
                    break
                except Timeout:
                    continue


def _may_own_alarm() -> bool:
    """SIGALRM is free: the main thread of a POSIX process, default handler, no timer running."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    return (signal.getsignal(signal.SIGALRM) is signal.SIG_DFL and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
            and _os_default_handler())


_SIGACTION_BYTES = 1024
"""Room for the C library's ``struct sigaction`` (152 bytes on Linux x86-64): only its first field is read."""


@functools.cache
def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def _os_default_handler() -> bool:
    """Does the OS, too, say SIGALRM has its default action?

    Python's own table misses a handler that C code installed after start-up (libFuzzer's, in an
    atheris run): it still reports SIG_DFL there. ``sigaction`` asks the kernel; the handler is the
    first field of the structure on every POSIX C library. Where it cannot be asked, Python's
    answer stands.
    """
    libc = _libc()
    sigaction = getattr(libc, "sigaction", None)
    if sigaction is None:
        return True
    old = ctypes.create_string_buffer(_SIGACTION_BYTES)
    if sigaction(signal.SIGALRM, None, old) != 0:
        return False
    return not ctypes.c_void_p.from_buffer(old).value  # SIG_DFL is 0
