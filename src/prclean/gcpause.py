"""The cyclic garbage collector paused while a large page is cleaned.

A large page makes millions of small objects that all live until its release is rendered (units,
blocks, decisions' inputs). CPython's collector scans the survivors again and again as they pile
up, which was nearly half of the time of a 10 MB dump (1,000,000 repeated lines: 9.2 s CPU with
the collector, 4.9 s without). Reference counting still frees everything that is not a cycle, and
a text dump's pipeline leaves no cycles (an HTML page a few hundred objects, from its parsers), so
pausing the collector for one page costs next to no memory.

The pause is process-wide (Python has one collector), so it is counted: when several threads
clean large pages at once, the collector comes back when the last one finishes, and only if it
was on when the first one started. A host that switches the collector itself while prclean runs
has its last word overridden at the end of the pause.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

PAUSE_FROM = 1_000_000
"""Inputs of a million characters or more pause the collector: below that it costs under a few per cent
(dev text dumps, about 25 KB each: 1%; 1 MB of repeated lines: 30%)."""

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused_gc(size: int) -> Iterator[None]:
    """Pause the cyclic collector for the block when the input has ``size`` >= :data:`PAUSE_FROM`."""
    global _depth, _was_enabled
    if size < PAUSE_FROM:
        yield
        return
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
