"""Batch inputs as a stream of records: folders and globs, JSONL, WARC, standard input.

Every reader is a generator, so a batch never holds more than one input record in memory here.
A record that cannot be read (invalid JSON, a damaged gzip member, an oversized payload) is not
skipped: it comes out as a :class:`Record` carrying a read error, so the batch writes an error
line for it and the output keeps one line per input record. Reads are bounded by ``max_bytes``
while reading, and a folder gives up only its own regular files: a symbolic link leading outside
it, a FIFO or a device becomes a ``Skipped`` record instead of being read.
"""

from __future__ import annotations

import glob
import math
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import PrcleanError
from ..options import DEFAULT_MAX_BYTES
from ..read.files import read_path

SKIPPED = "Skipped"
"""Error type of a record deliberately not cleaned (a 404 response, a link out of the input folder)."""
LOST = frozenset({"NotFound", "ReadError", "Damaged", "Truncated"})
"""Error types meaning input was missing or damaged, so records may be missing from the output."""


@dataclass(frozen=True)
class Fields:
    """Names of the JSONL fields holding the page and its identity."""

    html: str = "html"
    text: str = "text"
    url: str = "url"
    id: str = "id"


@dataclass(frozen=True)
class Record:
    """One page to clean, or the reason it could not be read.

    ``warc_date`` and ``http_status`` come from a WARC response and are carried into its output.
    """

    id: str
    source: str
    data: bytes | str | None = None
    url: str | None = None
    encoding: str | None = None
    error: tuple[str, str] | None = None  # (type, message) when the record could not be read
    warc_date: str | None = None
    http_status: int | None = None

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else 0

    def head(self) -> dict[str, Any]:
        """The keys an output record opens with: where the page came from."""
        out: dict[str, Any] = {"id": self.id, "url": self.url, "source": self.source}
        if self.warc_date is not None or self.http_status is not None:
            out["warc_date"] = self.warc_date
            out["http_status"] = self.http_status
        return out

    @classmethod
    def from_page(cls, page: dict[str, Any], index: int, source: str) -> Record:
        """A page given as a dict (``html`` or ``text``, optional ``url`` and ``id``) by an API caller.

        Missing values such as ``None``, NaN or ``pd.NA`` (a dataframe's empty cell) count as absent.
        """
        data = next((v for v in (page.get("html"), page.get("text")) if isinstance(v, str | bytes)), None)
        url = page.get("url")
        rid = page.get("id")
        usable = isinstance(rid, str | int | float) and not isinstance(rid, bool) and not _nan(rid)
        rid = str(rid) if usable else str(index)
        if data is None:
            return cls(rid, source, url=url if isinstance(url, str) else None,
                       error=("MissingField", "no 'html' or 'text' string"))
        return cls(rid, source, data=data, url=url if isinstance(url, str) else None)


def _nan(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)


@dataclass
class Meter:
    """How far through its input a batch is, in bytes, for a progress bar with an ETA."""

    total: int | None = None  # bytes of all inputs, None when unknown (standard input)
    done: int = 0


def kind_of(path: str) -> str:
    """The input type from the file name: ``warc``, ``jsonl``, ``dir``, ``stdin`` or ``file``."""
    if path == "-":
        return "stdin"
    low = path.lower()
    if low.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")):
        return "warc"
    if low.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
        return "jsonl"
    if os.path.isdir(path):
        return "dir"
    return "file"


def expand(path: str) -> list[str]:
    """The files a path names: itself, or what its glob matches, sorted."""
    return sorted(glob.glob(path)) if any(c in path for c in "*?[") else [path]


def input_size(paths: list[str]) -> int | None:
    """Total bytes of the inputs, or None if one of them has no known size (stdin, a FIFO)."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        if os.path.isdir(path):
            total += sum(size for _, _, size in _walk(path))
            continue
        for match in expand(path):
            try:
                info = os.stat(match)
            except OSError:
                continue
            if not stat.S_ISREG(info.st_mode):
                return None
            total += info.st_size
    return total


def read_inputs(paths: list[str], fields: Fields = Fields(), max_bytes: int | None = DEFAULT_MAX_BYTES, *,
                exclude: frozenset[tuple[int, int]] = frozenset(), meter: Meter | None = None,
                budget: float | None = None) -> Iterator[Record]:
    """All records of all inputs, in order; globs are expanded, folders walked in sorted order.

    ``exclude`` holds the (device, inode) of files never to read as input (the batch's own output
    file); ``budget`` is the time allowed for reading a FIFO or device named on the command line.
    """
    from .jsonl import read_jsonl, read_jsonl_file
    from .warc import read_warc

    meter = meter if meter is not None else Meter()
    for path in paths:
        kind = kind_of(path)
        if kind == "stdin":
            yield from read_jsonl(sys.stdin.buffer, "stdin", fields, max_bytes)
        elif kind == "warc":
            yield from read_warc(path, max_bytes, meter)
        elif kind == "jsonl":
            yield from read_jsonl_file(path, fields, max_bytes, meter)
        elif kind == "dir":
            yield from _folder(path, max_bytes, exclude, meter)
        else:
            matches = expand(path)
            if not matches:
                yield Record(path, path, error=("NotFound", f"no input matches {path}"))
            for match in matches:
                yield _named_file(match, max_bytes, exclude, budget, meter)


def _named_file(path: str, max_bytes: int | None, exclude: frozenset[tuple[int, int]], budget: float | None,
                meter: Meter) -> Record:
    """A file named on the command line (or matched by a glob): a FIFO or device is read under ``budget``."""
    try:
        info = os.stat(path)
    except OSError as exc:
        return unopened(path, exc)
    if (info.st_dev, info.st_ino) in exclude:
        return Record(path, path, error=(SKIPPED, "this is the batch's own output file"))
    if stat.S_ISDIR(info.st_mode):  # only a glob gets here: a folder named alone is walked
        return Record(path, path, error=(SKIPPED, "a folder matched by a glob (name it alone to read its files)"))
    record = _read_record(path, path, max_bytes, budget)
    meter.done += info.st_size
    return record


def unopened(path: str, exc: OSError) -> Record:
    """The error record of an input file that could not be opened: missing, or unreadable."""
    if isinstance(exc, FileNotFoundError):
        return Record(path, path, error=("NotFound", f"no such file: {path}"))
    return Record(path, path, error=("ReadError", f"{exc.strerror or exc}"))


def _read_record(rid: str, path: str, max_bytes: int | None, budget: float | None,
                 nofollow: bool = False) -> Record:
    try:
        return Record(rid, path, data=read_path(path, max_bytes, budget, nofollow=nofollow))
    except PrcleanError as exc:
        etype = "ReadError" if type(exc).__name__ == "NotAFile" else type(exc).__name__
        return Record(rid, path, error=(etype, str(exc)))


def _walk(root: str) -> Iterator[tuple[str, str, int]]:
    """``(relative name, path, size)`` of the regular files a folder holds, in sorted order."""
    for _, rel, path, info in _entries(root):
        if isinstance(info, os.stat_result) and stat.S_ISREG(info.st_mode):
            yield rel, path, info.st_size


def _entries(root: str) -> Iterator[tuple[str, str, str, os.stat_result | str]]:
    """Every entry under ``root`` without following links: ``(kind, relative name, path, stat or
    reason)``; kind is "file" for what may be read, "skip" for what is not, "error" for what failed."""
    real_root = os.path.realpath(root)
    errors: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=errors.append):
        while errors:
            yield _walk_error(errors.pop(0), root, folder)
        dirs.sort()
        linked = [d for d in dirs if os.path.islink(os.path.join(folder, d))]
        for name in sorted(files + linked):
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            try:
                info = os.lstat(path)
            except OSError as exc:
                yield "error", rel, path, f"{exc.strerror or exc}"
                continue
            if stat.S_ISLNK(info.st_mode):
                yield _linked(rel, path, real_root)
            elif stat.S_ISREG(info.st_mode):
                yield "file", rel, path, info
            else:
                yield "skip", rel, path, f"not a regular file ({_what(info.st_mode)})"
        dirs[:] = [d for d in dirs if d not in linked]
    for failure in errors:  # a folder that failed last
        yield _walk_error(failure, root, root)


def _walk_error(failure: OSError, root: str, folder: str) -> tuple[str, str, str, os.stat_result | str]:
    where = os.fsdecode(failure.filename) if failure.filename else folder
    return "error", os.path.relpath(where, root), where, f"{failure.strerror or failure}"


def _linked(rel: str, path: str, real_root: str) -> tuple[str, str, str, os.stat_result | str]:
    """A symbolic link in the folder: read only if it leads to a regular file inside the folder."""
    target = os.path.realpath(path)
    if os.path.commonpath([real_root, target]) != real_root:
        return "skip", rel, path, "a symbolic link to a path outside the input folder"
    try:
        info = os.stat(target)
    except OSError:
        return "skip", rel, path, "a broken symbolic link"
    if not stat.S_ISREG(info.st_mode):
        return "skip", rel, path, f"a symbolic link to something not a regular file ({_what(info.st_mode)})"
    return "file", rel, target, info


def _what(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


def _folder(root: str, max_bytes: int | None, exclude: frozenset[tuple[int, int]],
            meter: Meter) -> Iterator[Record]:
    """The records of a folder: one per entry, a page for each regular file inside it."""
    for kind, rel, path, info in _entries(root):
        if kind == "error":
            yield Record(rel, path, error=("ReadError", str(info)))
        elif kind == "skip":
            yield Record(rel, path, error=(SKIPPED, str(info)))
        elif isinstance(info, os.stat_result):
            if (info.st_dev, info.st_ino) in exclude:
                yield Record(rel, path, error=(SKIPPED, "this is the batch's own output file"))
                continue
            record = _read_record(rel, path, max_bytes, None, nofollow=True)
            meter.done += info.st_size
            yield record
