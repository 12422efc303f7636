"""Batch inputs as a stream of records: folders and globs, JSONL, WARC, standard input.

Every reader is a generator, so a batch never holds more than one input record in memory here.
A record that cannot be read (invalid JSON, a truncated gzip member, an oversized payload) is not
skipped: it comes out as a :class:`Record` carrying a read error, so the batch writes an error
line for it and the output keeps one line per input record.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..options import DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Fields:
    """Names of the JSONL fields holding the page and its identity."""

    html: str = "html"
    text: str = "text"
    url: str = "url"
    id: str = "id"


@dataclass(frozen=True)
class Record:
    """One page to clean, or the reason it could not be read."""

    id: str
    source: str
    data: bytes | str | None = None
    url: str | None = None
    encoding: str | None = None
    error: tuple[str, str] | None = None  # (type, message) when the record could not be read

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else 0

    @classmethod
    def from_page(cls, page: dict, index: int, source: str) -> Record:
        """A page given as a dict (``html`` or ``text``, optional ``url`` and ``id``) by an API caller."""
        data = page.get("html") if page.get("html") is not None else page.get("text")
        return cls(str(page.get("id", index)), source, data=data, url=page.get("url"))


def kind_of(path: str) -> str:
    """The input type from the file name: ``warc``, ``jsonl``, ``dir``, ``stdin`` or ``file``."""
    if path == "-":
        return "stdin"
    low = path.lower()
    if low.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")):
        return "warc"
    if low.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
        return "jsonl"
    if Path(path).is_dir():
        return "dir"
    return "file"


def read_inputs(paths: list[str], fields: Fields = Fields(), max_bytes: int | None = DEFAULT_MAX_BYTES
                ) -> Iterator[Record]:
    """All records of all inputs, in order; globs are expanded, folders walked in sorted order."""
    for path in paths:
        kind = kind_of(path)
        if kind == "stdin":
            yield from _jsonl(sys.stdin.buffer, "stdin", fields, max_bytes)
        elif kind == "warc":
            yield from read_warc(path, max_bytes)
        elif kind == "jsonl":
            with _open(path) as fh:
                yield from _jsonl(fh, path, fields, max_bytes)
        elif kind == "dir":
            root = Path(path)
            for file in sorted(p for p in root.rglob("*") if p.is_file()):
                yield _file_record(file, str(file.relative_to(root)), max_bytes)
        else:
            matches = sorted(glob.glob(path)) if any(c in path for c in "*?[") else [path]
            if not matches:
                yield Record(path, path, error=("NotFound", f"no input matches {path}"))
            for match in matches:
                yield _file_record(Path(match), match, max_bytes)


def _open(path: str) -> BinaryIO:
    return gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")


def _file_record(path: Path, rid: str, max_bytes: int | None) -> Record:
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            return Record(rid, str(path), error=("InputTooLarge", f"{size} bytes, more than max_bytes={max_bytes}"))
        return Record(rid, str(path), data=path.read_bytes())
    except OSError as exc:
        return Record(rid, str(path), error=("ReadError", str(exc)))


def _jsonl(fh: BinaryIO, source: str, fields: Fields, max_bytes: int | None) -> Iterator[Record]:
    lineno = 0
    try:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            yield _json_record(raw, f"{source}:{lineno}", source, fields, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:  # a truncated or corrupt gzip member ends the file
        yield Record(f"{source}:{lineno + 1}", source, error=("ReadError", f"{type(exc).__name__}: {exc}"))


def _json_record(raw: bytes, fallback_id: str, source: str, fields: Fields, max_bytes: int | None) -> Record:
    if max_bytes is not None and len(raw) > max_bytes * 6 + (1 << 20):  # beyond any escaped page: not parsed
        return Record(fallback_id, source, error=("InputTooLarge", f"line of {len(raw)} bytes"))
    try:
        obj = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        return Record(fallback_id, source, error=("InvalidJSON", str(exc)[:200]))
    if not isinstance(obj, dict):
        return Record(fallback_id, source, error=("InvalidJSON", "a line is not a JSON object"))
    rid = obj.get(fields.id)
    rid = str(rid) if rid is not None else fallback_id
    url = obj.get(fields.url) if isinstance(obj.get(fields.url), str) else None
    page = obj.get(fields.html)
    if not isinstance(page, str):
        page = obj.get(fields.text)
    if not isinstance(page, str):
        return Record(rid, source, url=url, error=("MissingField", f"no '{fields.html}' or '{fields.text}' string"))
    return Record(rid, source, data=page, url=url)


def read_warc(path: str, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Iterator[Record]:
    """HTTP response records of a WARC file (gzipped or not), read with warcio."""
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh, arc2warc=True)
            for rec in records:
                if rec.rec_type not in ("response", "resource"):
                    continue
                n += 1
                rid = rec.rec_headers.get_header("WARC-Record-ID") or f"{path}:{n}"
                url = rec.rec_headers.get_header("WARC-Target-URI")
                yield _warc_record(rec, rid, url, path, max_bytes)
            size = fh.seek(0, io.SEEK_END)
            if records.offset < size:  # bytes after the last whole record: a member was cut short
                tail = f"{size - records.offset} bytes after the last complete record"
                yield Record(f"{path}:{n + 1}", path, error=("Truncated", tail))
    except Exception as exc:  # noqa: BLE001 - ArchiveLoadFailed, zlib and OSError, and odder warcio failures
        yield Record(f"{path}:{n + 1}", path, error=("ReadError", f"{type(exc).__name__}: {exc}"[:300]))


def _warc_record(rec, rid: str, url: str | None, path: str, max_bytes: int | None) -> Record:
    encoding = None
    if rec.http_headers is not None:
        ctype = rec.http_headers.get_header("Content-Type") or ""
        if "charset=" in ctype.lower():
            encoding = ctype.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
    stream = rec.content_stream()
    limit = (max_bytes + 1) if max_bytes is not None else -1
    data = stream.read(limit)
    _drain(stream)
    if max_bytes is not None and len(data) > max_bytes:
        return Record(rid, path, url=url, error=("InputTooLarge", f"more than max_bytes={max_bytes}"))
    if getattr(rec.raw_stream, "limit", 0) > 0:  # the file ended inside this record
        return Record(rid, path, url=url, error=("Truncated", "record ends before its declared Content-Length"))
    return Record(rid, path, data=data, url=url, encoding=encoding)


def _drain(stream: io.BufferedIOBase) -> None:
    while stream.read(1 << 20):
        pass
