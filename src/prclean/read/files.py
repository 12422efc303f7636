"""Reading a path or a stream with ``max_bytes`` applied while reading, not after.

A path can name anything: ``/dev/zero`` never ends, a FIFO may never get a writer, a folder or a
socket cannot be read at all. Reads therefore stop one byte past the limit (so an oversized input
is known without being held), a FIFO is opened without blocking and read under the page's time
budget, and what cannot be read becomes :class:`~prclean.errors.NotAFile`.
"""

from __future__ import annotations

import os
import select
import stat
import time
from typing import BinaryIO

from ..errors import InputTooLarge, NotAFile, Timeout

CHUNK = 1 << 20
"""Bytes per read call: large enough for few system calls, small enough to stop promptly at the limit."""

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def too_large(max_bytes: int) -> InputTooLarge:
    """The error for an input found to exceed ``max_bytes`` while reading."""
    return InputTooLarge(f"input is more than max_bytes={max_bytes} bytes")


def read_path(path: str | os.PathLike[str], max_bytes: int | None, budget: float | None = None,
              *, nofollow: bool = False) -> bytes:
    """The bytes of a file, a FIFO or a device, never more than ``max_bytes`` held.

    A regular file larger than ``max_bytes`` is refused from its size alone. Anything that is not a
    regular file is read under ``budget`` seconds (``None``: no budget), since only its writer knows
    when it ends. ``nofollow`` refuses a symbolic link in the last component (folder walks).
    """
    name = os.fsdecode(path)
    flags = _OPEN_FLAGS | (getattr(os, "O_NOFOLLOW", 0) if nofollow else 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise NotAFile(f"cannot read {name!r}: {exc.strerror or exc}") from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise NotAFile(f"cannot read {name!r}: it is a folder")
        if stat.S_ISREG(info.st_mode):
            if max_bytes is not None and info.st_size > max_bytes:
                raise InputTooLarge(f"input is {info.st_size} bytes, more than max_bytes={max_bytes}")
            os.set_blocking(fd, True)
            return _read_fd(fd, max_bytes, None)
        return _read_fd(fd, max_bytes, budget)
    except OSError as exc:
        raise NotAFile(f"cannot read {name!r}: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)


def _read_fd(fd: int, max_bytes: int | None, budget: float | None) -> bytes:
    """Read to the end, or raise once ``max_bytes`` is passed or ``budget`` seconds are spent.

    A non-blocking descriptor is read first and waited on only when it has nothing yet: a FIFO
    without a writer reads as empty at once instead of waiting for a writer that may never come.
    """
    ends = None if budget is None else time.monotonic() + budget
    parts: list[bytes] = []
    size = 0
    while True:
        want = CHUNK if max_bytes is None else min(CHUNK, max_bytes + 1 - size)
        try:
            part = os.read(fd, want)
        except BlockingIOError:
            left = None if ends is None else ends - time.monotonic()
            if left is not None and left <= 0:
                raise Timeout(f"no end of input within the time budget of {budget:g} s") from None
            select.select([fd], [], [], left)
            continue
        if not part:
            return b"".join(parts)
        parts.append(part)
        size += len(part)
        if max_bytes is not None and size > max_bytes:
            raise too_large(max_bytes)


def read_stream(stream: BinaryIO, max_bytes: int | None) -> bytes:
    """All of a stream (standard input), raising :class:`InputTooLarge` one byte past the limit."""
    data = stream.read(-1 if max_bytes is None else max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:
        raise too_large(max_bytes)
    return data
