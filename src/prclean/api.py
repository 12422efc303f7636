"""The library's front door: :func:`clean`, :func:`clean_file` and :func:`detect`.

Each call resolves its options once, arms the page's time budget and runs the pipeline; only
:class:`~prclean.errors.PrcleanError` subclasses leave it.
"""

from __future__ import annotations

import os
from typing import Any

from .errors import InvalidArgument
from .gcpause import paused_gc
from .limits import Deadline
from .model import Block, Release
from .options import Options, resolve
from .pipeline import run
from .read.files import read_path


def clean(data: str | bytes, *, url: str | None = None, options: Options | None = None, **changes: Any) -> Release:
    """Extract the press release from a page given as HTML or as a text rendering.

    ``options`` (or keyword changes of single options, such as ``keep_about=False`` or
    ``timeout=5``) say how; see :class:`~prclean.Options`. Raises only
    :class:`prclean.PrcleanError` subclasses: ``InputTooLarge`` past ``max_bytes``, ``NotAPage``
    for binary or non-text input, ``Timeout`` past ``timeout`` seconds, ``InvalidArgument`` for an
    option or argument prclean cannot use.
    """
    return _run(data, url, resolve(options, changes))[0]


def detect(data: str | bytes, *, url: str | None = None, options: Options | None = None,
           **changes: Any) -> list[Block]:
    """Every block of the input, body and chrome alike, with its label and the rule that fired."""
    return _run(data, url, resolve(options, changes))[1]


def clean_file(path: str | os.PathLike[str], *, url: str | None = None, options: Options | None = None,
               **changes: Any) -> Release:
    """:func:`clean` on a file's bytes (encoding detected as for any bytes input).

    The file is read with ``max_bytes`` applied while reading; a FIFO or a device is read under the
    ``timeout`` budget. A missing path, a folder or an unreadable file raises
    :class:`~prclean.NotAFile`.
    """
    opts = resolve(options, changes)
    if not isinstance(path, str | bytes | os.PathLike):
        raise InvalidArgument(f"path must be a string or a path, not {type(path).__name__}")
    _check_url(url)
    return _run(read_path(path, opts.max_bytes, opts.budget), url, opts)[0]


def _check_url(url: object) -> None:
    if url is not None and not isinstance(url, str):
        raise InvalidArgument(f"url must be a string or None, not {type(url).__name__}")


def _run(data: str | bytes, url: str | None, opts: Options) -> tuple[Release, list[Block]]:
    if not isinstance(data, str | bytes | bytearray | memoryview):
        raise InvalidArgument(f"a page must be str or bytes, not {type(data).__name__}")
    _check_url(url)
    clock = Deadline(opts.budget)
    with clock.alarm(), paused_gc(len(data)):
        return run(data, url, opts, clock)

