"""JSONL input: one page per line, every line accounted for, however it is broken.

A line is read with a bound (``max_bytes`` times what JSON escaping can add), so a 1 GB line is
never held; any JSON failure (syntax, nesting deep enough to exhaust the parser's recursion, a
value of the wrong type, bytes that are not UTF-8) becomes that line's error record. A line
that cannot be parsed keeps its id when the id can be read cheaply from the start of the line,
else it gets a positional id (``source:line``).
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from typing import Any, Protocol

from .sources import Fields, Meter, Record, unopened

LINE_FACTOR = 3
"""A JSON line may be this many times ``max_bytes``: escaping at most triples a page's bytes (a
two-byte character written as a six-byte \\uXXXX escape), so any page within the limit fits."""
LINE_SLACK = 1 << 16
"""Bytes allowed on top of the page for the id, the URL and other small fields."""
ID_PREFIX = 1 << 16
"""Bytes of a broken or oversized line searched for its id."""
SKIP_CHUNK = 1 << 20
"""Bytes read at a time while skipping the rest of an oversized line."""


class Lines(Protocol):
    """A binary stream read line by line with a bound: a file, a gzip file, standard input."""

    def readline(self, size: int = -1, /) -> bytes: ...


def line_limit(max_bytes: int | None) -> int | None:
    """The longest JSONL line read whole, in bytes (None: no limit)."""
    return None if max_bytes is None else LINE_FACTOR * max_bytes + LINE_SLACK


def read_jsonl_file(path: str, fields: Fields, max_bytes: int | None, meter: Meter) -> Iterator[Record]:
    """The records of a JSONL file (gzipped if its name ends in .gz); a missing file is one record."""
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is done
    except OSError as exc:
        yield unopened(path, exc)
        return
    base = meter.done
    with raw:
        stream: Lines = gzip.GzipFile(fileobj=raw, mode="rb") if path.lower().endswith(".gz") else raw
        for record in read_jsonl(stream, path, fields, max_bytes):
            meter.done = base + raw.tell()  # compressed bytes for .gz: what the total counts
            yield record


def read_jsonl(fh: Lines, source: str, fields: Fields, max_bytes: int | None) -> Iterator[Record]:
    """One record per non-blank line; a stream that breaks (a cut gzip member) ends with a ReadError."""
    limit = line_limit(max_bytes)
    lineno = 0
    while True:
        try:
            raw = fh.readline(-1 if limit is None else limit + 1)
            lineno += 1
            if limit is not None and len(raw) > limit and not raw.endswith(b"\n"):
                rid = cheap_id(raw[:ID_PREFIX], fields.id) or f"{source}:{lineno}"
                _skip_line(fh)
                why = f"a line of more than {limit} bytes (max_bytes={max_bytes})"
                yield Record(rid, source, error=("InputTooLarge", why))
                continue
        except (OSError, EOFError, zlib.error) as exc:  # a truncated or corrupt gzip member ends the file
            yield Record(f"{source}:{lineno}", source, error=("ReadError", f"{type(exc).__name__}: {exc}"))
            return
        if not raw:
            return
        if lineno == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 BOM some editors write, which JSON forbids
        if raw.strip():
            yield json_record(raw, f"{source}:{lineno}", source, fields)


def _skip_line(fh: Lines) -> None:
    """Read past the rest of the current line without holding it."""
    while True:
        part = fh.readline(SKIP_CHUNK)
        if not part or part.endswith(b"\n"):
            return


def json_record(raw: bytes, fallback_id: str, source: str, fields: Fields) -> Record:
    """The record of one JSONL line; any failure becomes the line's error, never an exception."""
    try:
        obj = json.loads(raw)
    except RecursionError:
        return Record(cheap_id(raw[:ID_PREFIX], fields.id) or fallback_id, source,
                      error=("InvalidJSON", "the line is nested too deeply to parse"))
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        return Record(cheap_id(raw[:ID_PREFIX], fields.id) or fallback_id, source,
                      error=("InvalidJSON", str(exc)[:200]))
    if not isinstance(obj, dict):
        return Record(fallback_id, source, error=("InvalidJSON", "a line is not a JSON object"))
    rid = _id_text(obj.get(fields.id)) or fallback_id
    url = obj.get(fields.url) if isinstance(obj.get(fields.url), str) else None
    page = obj.get(fields.html)
    if not isinstance(page, str):
        page = obj.get(fields.text)
    if not isinstance(page, str):
        return Record(rid, source, url=url, error=("MissingField", f"no '{fields.html}' or '{fields.text}' string"))
    return Record(rid, source, data=page, url=url)


def _id_text(value: Any) -> str | None:
    """An id as text: strings and numbers; anything else (null, lists, objects) is no id."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return str(value)


def cheap_id(prefix: bytes, field: str) -> str | None:
    """The id of a line that cannot be parsed whole, read from the top-level members at its start.

    Members are decoded one at a time until ``field`` is found; a member cut off by the prefix,
    nested too deeply or malformed ends the search (no id rather than a wrong one).
    """
    text = prefix.decode("utf-8", "ignore")
    decoder = json.JSONDecoder()
    pos = _skip_ws(text, 0)
    if not text.startswith("{", pos):
        return None
    pos += 1
    try:
        while True:
            key, pos = decoder.raw_decode(text, _skip_ws(text, pos))
            pos = _skip_ws(text, pos)
            if not isinstance(key, str) or not text.startswith(":", pos):
                return None
            value, pos = decoder.raw_decode(text, _skip_ws(text, pos + 1))
            if key == field:
                return _id_text(value)
            pos = _skip_ws(text, pos)
            if not text.startswith(",", pos):
                return None
            pos += 1
    except (ValueError, RecursionError):
        return None


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos
