"""The library's front door: :func:`clean`, :func:`clean_file` and :func:`detect`.

Each call resolves its options once, arms the page's time budget and runs the pipeline; only
:class:`~prclean.errors.PrcleanError` subclasses leave it.
"""

from __future__ import annotations

import os
from typing import Any

from .errors import InvalidArgument, NotAFile
from .limits import Deadline
from .model import Block, Release
from .options import Options, resolve
from .pipeline import run


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
    """:func:`clean` on a file's bytes (encoding detected as for any bytes input)."""
    opts = resolve(options, changes)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise NotAFile(f"cannot read {os.fsdecode(path)!r}: {exc.strerror or exc}") from exc
    return _run(data, url, opts)[0]


def _run(data: str | bytes, url: str | None, opts: Options) -> tuple[Release, list[Block]]:
    if url is not None and not isinstance(url, str):
        raise InvalidArgument(f"url must be a string or None, not {type(url).__name__}")
    clock = Deadline(opts.budget)
    with clock.alarm():
        return run(data, url, opts, clock)

