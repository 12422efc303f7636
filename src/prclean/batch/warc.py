"""WARC input: the pages of a crawl, with damage reported and read past.

Each response (or resource) record is one page. A response that is not a page (a status other
than 200, a content type other than HTML or text) becomes a ``Skipped`` record saying why, and a
page record carries its WARC-Date and HTTP status into the output. When a gzip member is damaged
(or an uncompressed record is garbled), the bytes up to the next readable record are reported as
one ``Damaged`` record naming the byte range, and reading resumes there: a crawl with one bad
member loses that member, not everything after it. A record whose digest does not match its
bytes, or whose length overruns the next record, is reported ``Damaged`` too.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from ..options import DEFAULT_MAX_BYTES
from .sources import SKIPPED, Meter, Record, unopened

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", ""})
"""Content types cleaned as pages ("" when the response names none: the bytes decide)."""
SCAN_CHUNK = 1 << 20
"""Bytes read at a time while looking for the next readable record after damage."""
PROBE = 4096
"""Bytes of a candidate gzip member unpacked to see whether it opens a WARC record."""
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_LINE = b"\nWARC/1."


@dataclass
class _Reach:
    """How far one pass over the archive got: the end of its last whole record, and why it stopped."""

    good_end: int
    records: int
    failure: str | None = None


def read_warc(path: str, max_bytes: int | None = DEFAULT_MAX_BYTES, meter: Meter | None = None) -> Iterator[Record]:
    """Page records of a WARC file (gzipped or not), read with warcio, resynchronised after damage."""
    meter = meter if meter is not None else Meter()
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is done
    except OSError as exc:
        yield unopened(path, exc)
        return
    base = meter.done
    with fh:
        size = os.fstat(fh.fileno()).st_size
        gzipped = fh.read(len(_GZIP_MEMBER)) == _GZIP_MEMBER
        reach = _Reach(0, 0)
        while True:
            yield from _records(fh, path, max_bytes, reach)
            meter.done = base + reach.good_end
            failed_at = _after_blank_lines(fh, reach.good_end)
            if failed_at >= size:
                break
            resume = _next_record(fh, failed_at + 1, size, gzipped)
            yield _damage(path, reach.failure, failed_at, resume if resume is not None else size, size)
            if resume is None:
                break
            reach.good_end, reach.failure = resume, None
        meter.done = base + size


def _after_blank_lines(fh: IO[bytes], pos: int) -> int:
    """The offset of the first byte after ``pos`` that is not a line break (records are followed by two)."""
    fh.seek(pos)
    while True:
        chunk = fh.read(SCAN_CHUNK)
        stripped = chunk.lstrip(b"\r\n")
        if stripped or not chunk:
            return pos + len(chunk) - len(stripped)
        pos += len(chunk)


def _damage(path: str, failure: str | None, start: int, end: int, size: int) -> Record:
    """The record standing for bytes ``start``-``end`` that held no readable record."""
    lost = f"bytes {start}-{end} of the archive could not be read"
    why = f" ({_printable(failure)})" if failure else ""
    if end >= size:
        return Record(f"{path}@{start}-{end}", path, error=("Truncated", f"{lost}{why}: the archive ends inside a record"))
    return Record(f"{path}@{start}-{end}", path, error=("Damaged", f"{lost}{why}; reading resumed at the next record"))


def _records(fh: IO[bytes], path: str, max_bytes: int | None, reach: _Reach) -> Iterator[Record]:
    """Records from ``reach.good_end`` until the archive ends or fails; ``reach`` follows along."""
    from warcio.archiveiterator import ArchiveIterator

    fh.seek(reach.good_end)
    try:
        records = ArchiveIterator(fh, arc2warc=True, check_digests=True)
        for rec in records:
            record = None
            misframed = records.err_count
            if rec.rec_type in ("response", "resource"):
                reach.records += 1
                record = warc_record(rec, path, reach.records, max_bytes)
            start = records.get_record_offset()
            end = start + records.get_record_length()
            reach.good_end = max(end, reach.good_end + 1)
            flaw = _flaw(records.err_count > misframed, getattr(rec.digest_checker, "passed", None) is False)
            if flaw:
                record = Record(record.id if record else f"{path}@{start}-{end}", path,
                                error=("Damaged", f"bytes {start}-{end} of the archive: {flaw}"))
            if record is not None:
                yield record
    except Exception as exc:  # noqa: BLE001 - zlib, ArchiveLoadFailed, and odder warcio failures mean damage
        reach.failure = f"{type(exc).__name__}: {exc}"


def _flaw(misframed: bool, digest_mismatch: bool) -> str | None:
    """What is wrong with a record warcio could read, if anything."""
    if misframed:  # its length ran past the next record's start: bytes mixed, records lost
        return "a record whose length does not end where the next record starts (records in these bytes are lost)"
    if digest_mismatch:  # bytes changed, or spliced in from another record
        return "the record's digest does not match its content (records in these bytes may be lost)"
    return None


def _printable(text: str, limit: int = 120) -> str:
    """An error message fit for a report: warcio quotes the damaged bytes it met."""
    return "".join(c if c.isprintable() else "?" for c in text[:limit])


def _next_record(fh: IO[bytes], start: int, size: int, gzipped: bool) -> int | None:
    """Offset of the first readable record at or after ``start``: a gzip member that unpacks to a WARC
    header, or (uncompressed) a line opening with ``WARC/1.``."""
    marker = _GZIP_MEMBER if gzipped else _WARC_LINE
    pos = start
    while pos < size:
        fh.seek(pos)
        chunk = fh.read(SCAN_CHUNK + len(marker))
        at = chunk.find(marker)
        while at != -1:
            found = pos + at + (0 if gzipped else 1)
            if not gzipped or _opens_warc(fh, found):
                return found
            at = chunk.find(marker, at + 1)
        pos += SCAN_CHUNK
    return None


def _opens_warc(fh: IO[bytes], offset: int) -> bool:
    fh.seek(offset)
    try:
        head = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS).decompress(fh.read(PROBE), 16)
    except zlib.error:
        return False
    return head.startswith((b"WARC/1.", b"filedesc://"))


def warc_record(rec: Any, path: str, n: int, max_bytes: int | None) -> Record:
    """The record of one WARC response: its page, the reason it is skipped, or why it is unreadable."""
    headers = rec.rec_headers
    rid = headers.get_header("WARC-Record-ID") or f"{path}:{n}"
    url = headers.get_header("WARC-Target-URI")
    date = headers.get_header("WARC-Date")
    status: int | None = None
    ctype = headers.get_header("Content-Type") if rec.rec_type == "resource" else None
    if rec.http_headers is not None:
        try:
            status = int(rec.http_headers.get_statuscode())
        except (TypeError, ValueError):
            status = None
        ctype = rec.http_headers.get_header("Content-Type")
    base: dict[str, Any] = {"url": url, "warc_date": date, "http_status": status}
    if rec.http_headers is not None and status != 200:
        return Record(rid, path, error=(SKIPPED, f"HTTP status {status}, not 200"), **base)
    mime, _, params = (ctype or "").partition(";")
    mime = mime.strip().lower()
    if mime not in PAGE_TYPES:
        return Record(rid, path, error=(SKIPPED, f"content type {mime}, not a page"), **base)
    encoding = None
    if "charset=" in params.lower():
        encoding = params.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
    stream = rec.content_stream()
    data = stream.read(max_bytes + 1 if max_bytes is not None else -1)
    while stream.read(SCAN_CHUNK):  # the rest of an oversized payload, read past without holding it
        pass
    if max_bytes is not None and len(data) > max_bytes:
        return Record(rid, path, error=("InputTooLarge", f"more than max_bytes={max_bytes}"), **base)
    if getattr(rec.raw_stream, "limit", 0) > 0:  # the file ended inside this record
        return Record(rid, path, error=("Truncated", "record ends before its declared Content-Length"), **base)
    return Record(rid, path, data=data, encoding=encoding, **base)
