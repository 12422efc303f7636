"""A hard per-document time budget.

The pipeline checks a cooperative deadline between its stages, which cannot stop a single slow
step.  Where the platform allows it (POSIX, main thread) this adds a real alarm that interrupts
Python code mid-step and raises :class:`~prclean.errors.Timeout`.  Work inside one C call (lxml
parsing a huge page) is only interrupted when it returns; the batch runner therefore also
watches its workers from outside and replaces one that overruns.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import Timeout


def _alarm_available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`Timeout` in the body if it runs longer than ``seconds`` (no-op if None)."""
    if not seconds or seconds <= 0 or not _alarm_available():
        yield
        return

    def _expire(signum, frame):
        raise Timeout(f"time budget of {seconds:g} s exceeded")

    previous = signal.signal(signal.SIGALRM, _expire)
    started = time.monotonic()
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if old_delay:  # give an outer timer back what is left of its time
            left = max(0.001, old_delay - (time.monotonic() - started))
            signal.setitimer(signal.ITIMER_REAL, left, old_interval)
